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

/** Writes `store` in `order` to `file` (atomically), `delimiter` between cells. */
export async function writeColumns(store: SignatoryColumns, order: ArrayLike<number>, file: string, delimiter: string): Promise<void> {
  await writeAtomically(file, chunks(store, order, delimiter));
}

function* chunks(store: SignatoryColumns, order: ArrayLike<number>, delimiter: string): Generator<Uint8Array> {
  let phones = false;
  for (let i = 0; i < store.size && !phones; i++) phones = store.has(i, PHONE);
  const fields = Int32Array.from([...BEFORE_PUBLISH, -1, ...AFTER_PUBLISH, ...(phones ? [PHONE] : [])]);
  // The column names need neither quotes nor an apostrophe.
  const header = Buffer.from(`\ufeff${[...COLUMNS, ...(phones ? ["phone"] : [])].join(delimiter)}\r\n`, "utf8");
  const rows = { store, order, fields, D: delimiter.charCodeAt(0), tab: delimiter === "\t", next: 0 };
  let chunk = Buffer.allocUnsafe(Math.max(CHUNK, header.length));
  let filled = header.copy(chunk, 0);
  while (rows.next < order.length) {
    filled = fill(rows, chunk, filled);
    // A row longer than a whole chunk gets a chunk of its own size.
    const size = filled === 0 ? longest(rows) : CHUNK;
    if (filled > 0) yield chunk.subarray(0, filled);
    chunk = Buffer.allocUnsafe(size);
    filled = 0;
  }
  if (filled > 0) yield chunk.subarray(0, filled);
}

interface Rows {
  store: SignatoryColumns;
  order: ArrayLike<number>;
  /** Store slots in column order; -1 is `publish`. */
  fields: Int32Array;
  D: number;
  tab: boolean;
  /** The next position in `order` to write. */
  next: number;
}

/** The most bytes row `rows.next` can take: each byte doubled (quotes), plus quotes, apostrophe and separator per cell. */
function longest({ store, order, fields, next }: Rows): number {
  const row = order[next];
  let most = 16 + 4 * fields.length;
  for (let f = 0; f < fields.length; f++) if (fields[f] >= 0) most += 2 * (store.end(row, fields[f]) - store.start(row, fields[f]));
  return most;
}

/**
 * Rows from `rows.next` into `chunk` from `filled` while they surely fit; the new fill.
 * A plain function, not the generator itself: V8 optimises it better.
 */
function fill(rows: Rows, chunk: Buffer, filled: number): number {
  const { store, order, fields, D, tab } = rows;
  let k = rows.next;
  for (; k < order.length; k++) {
    rows.next = k;
    if (filled + longest(rows) > chunk.length) break;
    const row = order[k];
    filled = put(store.isOrganisation(row) ? WORDS.organisation : WORDS.person, chunk, filled);
    for (let f = 0; f < fields.length; f++) {
      const field = fields[f];
      chunk[filled++] = D;
      if (field < 0) filled = put(store.publishes(row) ? WORDS.yes : WORDS.no, chunk, filled);
      else if (store.has(row, field)) filled = cell(store.bufferOf(row, field), store.start(row, field), store.end(row, field), store.quoted(row, field, tab), chunk, filled);
    }
    chunk[filled++] = 13;
    chunk[filled++] = 10;
  }
  rows.next = k;
  return filled;
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
