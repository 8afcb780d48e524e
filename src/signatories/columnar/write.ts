/**
 * The CSV/TSV that `writeSignatories` (src/signatories/write.ts) writes, straight from
 * the columnar store: cell bytes copied from the input text, in sorted order, a
 * megabyte at a time. Same header (UTF-8 BOM, the known columns, then `phone` when
 * anyone has one — the only unknown column a columnar merge has), same formula
 * neutralising and quoting, same CRLF.
 */
import { CHUNK, COLUMNS, writeAtomically } from "../write.js";
import { EMAIL, NAME, ORGANISATION, ORGNR, PHONE, PLACE, ROLE, SIGNED_AT, VERSION, type SignatoryColumns } from "./store.js";

/** The cells of a row after `type`, in the order of `COLUMNS` (publish is written between email and signed_at). */
const BEFORE_PUBLISH = [NAME, ORGANISATION, ROLE, ORGNR, PLACE, EMAIL];
const AFTER_PUBLISH = [SIGNED_AT, VERSION];

const WORDS = {
  organisation: Buffer.from("organisation"),
  person: Buffer.from("person"),
  yes: Buffer.from("yes"),
  no: Buffer.from("no"),
};

/**
 * Writes `store` in `order` to `file` (atomically), `delimiter` between cells. The rows are
 * made before the order is awaited: a worker thread may still be sorting (index.ts).
 */
export async function writeColumns(store: SignatoryColumns, order: PromiseLike<ArrayLike<number>>, file: string, delimiter: string): Promise<void> {
  const made = makeRows(store, delimiter);
  await writeAtomically(file, chunks(made, await order));
}

/** Every row's bytes (`make`), with the header the columns they have call for. */
interface Made {
  space: Buffer;
  ends: Int32Array;
  header: Buffer;
}

function makeRows(store: SignatoryColumns, delimiter: string): Made {
  let phones = false;
  for (let i = 0; i < store.size && !phones; i++) phones = store.has(i, PHONE);
  const fields = Int32Array.from([...BEFORE_PUBLISH, -1, ...AFTER_PUBLISH, ...(phones ? [PHONE] : [])]);
  const ends = new Int32Array(store.size + 1);
  const space = make({ store, fields, D: delimiter.charCodeAt(0), tab: delimiter === "\t" }, ends);
  // The column names need neither quotes nor an apostrophe.
  const header = Buffer.from(`\ufeff${[...COLUMNS, ...(phones ? ["phone"] : [])].join(delimiter)}\r\n`, "utf8");
  if (header.length > CHUNK) throw new Error("header longer than a chunk");
  return { space, ends, header };
}

/**
 * Two passes, as write.ts's `delimited` does: every row's bytes made in the order the
 * rows lie in memory (reading the input text front to back, `makeRows`), then copied out
 * in sorted order here. Made in sorted order, each row's cells are a cache miss away; copied,
 * a row is one block. The copies stay inside one ArrayBuffer (`copyWithin`: no view object
 * per row), into a chunk at its end that is reused once written (`writeFile` awaits each chunk).
 */
function* chunks({ space, ends, header }: Made, order: ArrayLike<number>): Generator<Uint8Array> {
  const made = ends[ends.length - 1];
  let filled = header.copy(space, made);
  for (let k = 0; k < order.length; k++) {
    const row = order[k];
    const length = ends[row + 1] - ends[row];
    if (filled + length > CHUNK) {
      yield space.subarray(made, made + filled);
      filled = 0;
    }
    // A row longer than a whole chunk goes out on its own.
    if (length > CHUNK) yield space.subarray(ends[row], ends[row + 1]);
    else {
      space.copyWithin(made + filled, ends[row], ends[row + 1]);
      filled += length;
    }
  }
  if (filled > 0) yield space.subarray(made, made + filled);
}

interface Rows {
  store: SignatoryColumns;
  /** Store slots in column order; -1 is `publish`. */
  fields: Int32Array;
  D: number;
  tab: boolean;
}

/**
 * Every row's bytes, in store order, into a buffer with room for a chunk after them; row `i`
 * ends up at `ends[i]` to `ends[i + 1]`. Sized by the input (rows are about as long as the
 * lines they were read from; untouched room costs no memory) and grown if that is short.
 */
function make({ store, fields, D, tab }: Rows, ends: Int32Array): Buffer {
  let space = Buffer.allocUnsafe(store.text.length + 48 * store.size + 2 * CHUNK);
  // Past `room`: a chunk, plus a row's words and separators written between the checks below.
  let room = space.length - CHUNK - 1024;
  let filled = 0;
  for (let row = 0; row < store.size; row++) {
    filled = put(store.isOrganisation(row) ? WORDS.organisation : WORDS.person, space, filled);
    for (let f = 0; f < fields.length; f++) {
      const field = fields[f];
      space[filled++] = D;
      if (field < 0) filled = put(store.publishes(row) ? WORDS.yes : WORDS.no, space, filled);
      else if (store.has(row, field)) {
        const start = store.start(row, field);
        const end = store.end(row, field);
        // Doubled quotes, two quotes, an apostrophe, the next separator and a CRLF at most.
        if (filled + 2 * (end - start) + 24 > room) {
          const grown = Buffer.allocUnsafe(2 * space.length + 2 * (end - start));
          space.copy(grown, 0, 0, filled);
          space = grown;
          room = space.length - CHUNK - 1024;
        }
        filled = cell(store.bufferOf(row, field), start, end, store.quoted(row, field, tab), space, filled);
      }
    }
    space[filled++] = 13;
    space[filled++] = 10;
    ends[row + 1] = filled;
  }
  return space;
}

/**
 * One non-empty cell `from[start, end)` into `to` at `at`, as write.ts's `cell` makes it:
 * an apostrophe before = + - @ tab CR (`neutraliseFormula`), and, when `quote` (the
 * text holds a quote, CR, LF or the separator: noted while reading), quotes around it
 * and every quote doubled. Returns the new end.
 */
function cell(from: Uint8Array, start: number, end: number, quote: boolean, to: Uint8Array, at: number): number {
  const first = from[start];
  if (quote) to[at++] = 34;
  if (first === 61 || first === 43 || first === 45 || first === 64 || first === 9 || first === 13) to[at++] = 39;
  if (quote) {
    for (let k = start; k < end; k++) if ((to[at++] = from[k]) === 34) to[at++] = 34;
    to[at++] = 34;
  } else for (let k = start; k < end; k++) to[at++] = from[k];
  return at;
}

/** A short word into `to` at `at`: a loop, since `Buffer#copy` makes a view object per call. */
function put(word: Uint8Array, to: Uint8Array, at: number): number {
  for (let k = 0; k < word.length; k++) to[at++] = word[k];
  return at;
}
