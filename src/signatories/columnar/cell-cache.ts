/**
 * What a cell means, worked out once per distinct cell text rather than once per row:
 * `type`, `publish`, `signed_at` and `version` repeat down a list, and their readers
 * (the row schema's own functions) build strings and run regular expressions.
 * First the cell of the row above (same bytes, same meaning), then a table
 * direct-mapped by a hash of the bytes, so a column of unique values (sign-on
 * times) costs one hash and one miss a row, and memory stays bounded. One cache
 * serves one text buffer: the row above is compared within it.
 */
const SLOTS = 256;
/** Longer cells are not cached: they are computed each time. */
const WIDTH = 48;

export class CellCache<T> {
  private readonly keys = new Uint8Array(SLOTS * WIDTH);
  /** Key length per slot; -1 = empty. */
  private readonly lengths = new Int32Array(SLOTS).fill(-1);
  private readonly values: T[] = new Array(SLOTS);

  /** `compute` gets the cell as a string (its UTF-8 decoding). */
  constructor(private readonly compute: (cell: string) => T) {}

  /** The cell last asked about, in the caller's text: a column often repeats the row above. */
  private lastStart = 0;
  private lastEnd = -1;
  private lastValue: T | undefined;

  get(text: Buffer, start: number, end: number): T {
    const length = end - start;
    if (length === this.lastEnd - this.lastStart) {
      let k = 0;
      while (k < length && text[start + k] === text[this.lastStart + k]) k++;
      if (k === length) return this.lastValue as T;
    }
    const value = this.lookUp(text, start, end);
    this.lastStart = start;
    this.lastEnd = end;
    this.lastValue = value;
    return value;
  }

  private lookUp(text: Buffer, start: number, end: number): T {
    const length = end - start;
    if (length > WIDTH) return this.compute(text.toString("utf8", start, end));
    let hash = 0x811c9dc5;
    for (let k = start; k < end; k++) hash = Math.imul(hash ^ text[k], 0x01000193);
    const slot = (hash >>> 0) & (SLOTS - 1);
    const at = slot * WIDTH;
    if (this.lengths[slot] === length) {
      let k = 0;
      while (k < length && this.keys[at + k] === text[start + k]) k++;
      if (k === length) return this.values[slot];
    }
    const value = this.compute(text.toString("utf8", start, end));
    this.keys.set(text.subarray(start, end), at);
    this.lengths[slot] = length;
    this.values[slot] = value;
    return value;
  }
}
