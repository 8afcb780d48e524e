/**
 * The columnar merge's signatories: no object and no string per cell. Each
 * signatory is one row of a flat Int32Array holding, per text field, where its
 * value lies — a byte range in the input text (all files as UTF-8 in one buffer)
 * or, for a value that differs from its cell (cleaned, converted, merged from
 * elsewhere), in an arena of its own. Rows in one typed array, rather than one
 * array per field, because the writer reads them in sorted order: one signatory's
 * references then share a cache line or two instead of twenty.
 */

/** The text fields of a `Signatory`, as slots of a row (phone is `extra.phone`). */
export const NAME = 0;
export const ORGANISATION = 1;
export const ROLE = 2;
export const ORGNR = 3;
export const PLACE = 4;
export const EMAIL = 5;
export const SIGNED_AT = 6;
export const VERSION = 7;
export const PHONE = 8;
export const TEXT_FIELDS = 9;

/**
 * After the ranges: kind/publish/plain bits and the file index; the source line; and
 * which fields the writer must quote, bit `field` in a CSV, bit `TEXT_FIELDS + field` in a TSV.
 */
const FLAGS = TEXT_FIELDS * 2;
const LINE = FLAGS + 1;
const QUOTES = LINE + 1;
const STRIDE = QUOTES + 1;

/** What `taken()` gives. */
export interface Taken {
  rows: Int32Array;
  size: number;
  arena: Uint8Array;
}

/** Rows live in shared memory: the merge's worker threads read them where they are (index.ts). */
function sharedInts(length: number): Int32Array {
  return new Int32Array(new SharedArrayBuffer(length * Int32Array.BYTES_PER_ELEMENT));
}

const ORGANISATION_BIT = 1;
const PUBLISH_BIT = 2;
/** Name and organisation are cells of the input holding only Latin-1 text: they fold to lower case byte by byte. */
const PLAIN_BIT = 4;
const FILE_SHIFT = 8;

export class SignatoryColumns {
  /** Signatories kept so far; the row at `size` is the one being read. */
  size = 0;
  private rows: Int32Array;
  private arena = Buffer.allocUnsafe(1 << 16);
  private arenaUsed = 0;

  /** `text`: every input file as UTF-8, back to back; `files`: display names, by file index. */
  constructor(
    readonly text: Buffer,
    readonly files: readonly string[],
    expectedRows: number,
  ) {
    this.rows = sharedInts(Math.max(16, expectedRows + 1) * STRIDE);
  }

  /**
   * A store over what `taken()` gave (the same text, the same rows in shared memory): a worker
   * thread's view of the merged rows, to sort them; or the merged store, made over the rows
   * the main thread read (with `size` 0, to take them in again from the first: `takeRow`).
   */
  static over(text: Buffer, files: readonly string[], { rows, size, arena }: Taken): SignatoryColumns {
    const store = new SignatoryColumns(text, files, 0);
    // All the room of the shared buffer, not just the rows taken: the merged store grows into it.
    store.rows = new Int32Array(rows.buffer, rows.byteOffset);
    store.size = size;
    // A copy of the arena (`taken`), not shared memory.
    store.arena = Buffer.from(arena.buffer as ArrayBuffer, arena.byteOffset, arena.length);
    store.arenaUsed = arena.length;
    return store;
  }

  /** Makes room for the row at `size`, whose every field the reader then sets. */
  startRow(): void {
    if ((this.size + 1) * STRIDE > this.rows.length) {
      const grown = sharedInts(this.rows.length * 2);
      grown.set(this.rows);
      this.rows = grown;
    }
  }

  /** Keeps the row at `size`. */
  keepRow(): number {
    return this.size++;
  }

  /** A field's value as a byte range of `text` (an empty range is an absent value). */
  setRange(row: number, field: number, start: number, end: number): void {
    const at = row * STRIDE + field * 2;
    this.rows[at] = start;
    this.rows[at + 1] = end;
  }

  /** Which fields of the row need quotes, bits as `QUOTES` says (set after the ranges). */
  setQuotes(row: number, mask: number): void {
    this.rows[row * STRIDE + QUOTES] = mask;
  }

  /** Whether the writer quotes `field` of `row`, with `tab` or `;` between cells. */
  quoted(row: number, field: number, tab: boolean): boolean {
    return (this.rows[row * STRIDE + QUOTES] & (1 << (tab ? TEXT_FIELDS + field : field))) !== 0;
  }

  /** A field's value as a string of its own, kept in the arena; undefined and "" are absent. */
  setText(row: number, field: number, value: string | undefined): void {
    const at = row * STRIDE + QUOTES;
    this.rows[at] &= ~((1 << field) | (1 << (TEXT_FIELDS + field)));
    if (!value) return this.setRange(row, field, 0, 0);
    const [start, end] = this.append(value);
    this.setRange(row, field, ~start, ~end);
    // write.ts's `cell` quotes a value holding a quote, a line break or the separator.
    if (/["\r\n;]/.test(value)) this.rows[at] |= 1 << field;
    if (/["\r\n\t]/.test(value)) this.rows[at] |= 1 << (TEXT_FIELDS + field);
  }

  /** Appends `value` to the arena; its range, to be stored as `~start, ~end`. */
  append(value: string): [number, number] {
    this.reserve(value.length * 3);
    const start = this.arenaUsed;
    this.arenaUsed += this.arena.write(value, start, "utf8");
    return [start, this.arenaUsed];
  }

  /** Room for `most` more bytes in the arena. */
  private reserve(most: number): void {
    if (this.arenaUsed + most <= this.arena.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.arena.length * 2, this.arenaUsed + most));
    this.arena.copy(grown, 0, 0, this.arenaUsed);
    this.arena = grown;
  }

  /**
   * The rows kept and the arena's bytes, for another store over the same text to take in
   * (`takeRow`): what a worker thread hands back. Copies, so their buffers can be transferred.
   */
  taken(): { rows: Int32Array; size: number; arena: Uint8Array } {
    return { rows: this.rows.subarray(0, this.size * STRIDE), size: this.size, arena: new Uint8Array(this.arena.subarray(0, this.arenaUsed)) };
  }

  /** Appends another store's arena bytes (`taken().arena`); where they start, for `takeRow`. */
  appendArena(bytes: Uint8Array): number {
    this.reserve(bytes.length);
    const start = this.arenaUsed;
    this.arena.set(bytes, start);
    this.arenaUsed += bytes.length;
    return start;
  }

  /**
   * Row `j` of `rows` (`taken().rows`, read over this same text) as the row at `size`; its arena
   * bytes lie from `arenaStart` here. `rows` may be this store's own, from `j` ≥ `size` on.
   */
  takeRow(rows: Int32Array, j: number, arenaStart: number): void {
    this.startRow();
    const to = this.size * STRIDE;
    const from = j * STRIDE;
    // Ranges in the arena are stored as ~start, ~end: moved by where its bytes now lie.
    for (let k = 0; k < FLAGS; k++) {
      const value = rows[from + k];
      this.rows[to + k] = value < 0 ? ~(~value + arenaStart) : value;
    }
    for (let k = FLAGS; k < STRIDE; k++) this.rows[to + k] = rows[from + k];
  }

  /** Copies field `field` of row `from` to row `to`. */
  copyField(from: number, to: number, field: number): void {
    const a = from * STRIDE + field * 2;
    const b = to * STRIDE + field * 2;
    this.rows[b] = this.rows[a];
    this.rows[b + 1] = this.rows[a + 1];
    const bits = (1 << field) | (1 << (TEXT_FIELDS + field));
    const quotes = to * STRIDE + QUOTES;
    this.rows[quotes] = (this.rows[quotes] & ~bits) | (this.rows[from * STRIDE + QUOTES] & bits);
  }

  has(row: number, field: number): boolean {
    const at = row * STRIDE + field * 2;
    return this.rows[at] !== this.rows[at + 1];
  }

  /** The buffer holding a field's bytes (from `start` to `end`): the input text or the arena. */
  bufferOf(row: number, field: number): Buffer {
    return this.rows[row * STRIDE + field * 2] < 0 ? this.arena : this.text;
  }

  start(row: number, field: number): number {
    const s = this.rows[row * STRIDE + field * 2];
    return s < 0 ? ~s : s;
  }

  end(row: number, field: number): number {
    const e = this.rows[row * STRIDE + field * 2 + 1];
    return e < 0 ? ~e : e;
  }

  /** A field's value as the string `Signatory` would hold; undefined when absent. */
  string(row: number, field: number): string | undefined {
    if (!this.has(row, field)) return undefined;
    return this.bufferOf(row, field).toString("utf8", this.start(row, field), this.end(row, field));
  }

  /** Byte-wise comparison of two fields' values, as JS compares the (ASCII) strings: < 0, 0 or > 0. */
  compareBytes(a: number, b: number, field: number): number {
    const x = this.bufferOf(a, field);
    const y = this.bufferOf(b, field);
    return x.compare(y, this.start(b, field), this.end(b, field), this.start(a, field), this.end(a, field));
  }

  /** Kind, consent, plainness and where the row was read (file number, line). */
  setOrigin(row: number, organisation: boolean, publish: boolean, plain: boolean, file: number, line: number): void {
    this.rows[row * STRIDE + FLAGS] = (organisation ? ORGANISATION_BIT : 0) | (publish ? PUBLISH_BIT : 0) | (plain ? PLAIN_BIT : 0) | (file << FILE_SHIFT);
    this.rows[row * STRIDE + LINE] = line;
  }

  /** Kind, consent, plainness and source of row `from` given to row `to`. */
  copyOrigin(from: number, to: number): void {
    this.rows[to * STRIDE + FLAGS] = this.rows[from * STRIDE + FLAGS];
    this.rows[to * STRIDE + LINE] = this.rows[from * STRIDE + LINE];
  }

  isOrganisation(row: number): boolean {
    return (this.rows[row * STRIDE + FLAGS] & ORGANISATION_BIT) !== 0;
  }

  publishes(row: number): boolean {
    return (this.rows[row * STRIDE + FLAGS] & PUBLISH_BIT) !== 0;
  }

  isPlain(row: number): boolean {
    return (this.rows[row * STRIDE + FLAGS] & PLAIN_BIT) !== 0;
  }

  /** Where row `row` was read, as `Signatory.source` says it. */
  source(row: number): { file: string; line: number } {
    return { file: this.files[this.rows[row * STRIDE + FLAGS] >>> FILE_SHIFT], line: this.rows[row * STRIDE + LINE] };
  }
}
