/**
 * The CSV/TSV that `writeSignatories` (src/signatories/write.ts) writes, straight from
 * the columnar store: cell bytes copied from the input text, in sorted order. Same
 * header (UTF-8 BOM, the known columns, then `phone` when anyone has one — the only
 * unknown column a columnar merge has), same formula
 * neutralising and quoting, same CRLF.
 */
import { COLUMNS, writeAtomically } from "../write.js";
import { gather, lengthOf, type Made } from "./gather.js";
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

/** Copies rows `order[from, to)` of `made` into place from `at` on another thread; resolves when done. */
export type Share = (made: Made, order: ArrayLike<number>, from: number, to: number, at: number) => Promise<void>;

/**
 * Writes `store` in `order` to `file` (atomically), `delimiter` between cells. Two passes,
 * as write.ts's `delimited` does: every row's bytes made in the order the rows lie in memory
 * (reading the input text front to back), then copied out in sorted order (gather.ts). Made in
 * sorted order, each row's cells are a cache miss away; copied, a row is one block. The rows
 * are made before the order is awaited (a worker thread may still be sorting: index.ts), and
 * `share`, if given, copies the second half of them while this thread copies the first.
 */
export async function writeColumns(store: SignatoryColumns, order: PromiseLike<ArrayLike<number>>, file: string, delimiter: string, share?: Share): Promise<void> {
  let phones = false;
  for (let i = 0; i < store.size && !phones; i++) phones = store.has(i, PHONE);
  const fields = Int32Array.from([...BEFORE_PUBLISH, -1, ...AFTER_PUBLISH, ...(phones ? [PHONE] : [])]);
  const made = make({ store, fields, D: delimiter.charCodeAt(0), tab: delimiter === "\t" });
  // The column names need neither quotes nor an apostrophe.
  const header = Buffer.from(`\ufeff${[...COLUMNS, ...(phones ? ["phone"] : [])].join(delimiter)}\r\n`, "utf8");
  const rows = made.ends[store.size];
  const output = made.space.subarray(rows, rows + header.length + rows);
  output.set(header);
  const sorted = await order;
  const half = share ? sorted.length >> 1 : sorted.length;
  const theirs = share?.(made, sorted, half, sorted.length, rows + header.length + lengthOf(made, sorted, half));
  gather(made, sorted, 0, half, rows + header.length);
  await theirs;
  await writeAtomically(file, [output]);
}

interface Rows {
  store: SignatoryColumns;
  /** Store slots in column order; -1 is `publish`. */
  fields: Int32Array;
  D: number;
  tab: boolean;
}

/**
 * Every row's bytes, in store order, into shared memory with room after them for the output
 * (the same bytes again, and the header). Sized by the input (rows are about as long as the
 * lines they were read from; untouched room costs no memory) and grown if that is short.
 */
function make({ store, fields, D, tab }: Rows): Made {
  const ends = new Int32Array(new SharedArrayBuffer((store.size + 1) * Int32Array.BYTES_PER_ELEMENT));
  let space = sharedBytes(2 * (store.text.length + 48 * store.size) + HEADER_ROOM);
  // Past `room`: the output, and a row's words and separators written between the checks below.
  let room = (space.length - HEADER_ROOM) / 2 - 1024;
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
          const grown = sharedBytes(2 * space.length + 4 * (end - start));
          grown.set(space.subarray(0, filled));
          space = grown;
          room = (space.length - HEADER_ROOM) / 2 - 1024;
        }
        filled = cell(store.bufferOf(row, field), start, end, store.quoted(row, field, tab), space, filled);
      }
    }
    space[filled++] = 13;
    space[filled++] = 10;
    ends[row + 1] = filled;
  }
  return { space, ends };
}

/** Room for the header (a BOM and the column names) after the rows and their copy. */
const HEADER_ROOM = 1024;

function sharedBytes(length: number): Uint8Array {
  return new Uint8Array(new SharedArrayBuffer(length));
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
