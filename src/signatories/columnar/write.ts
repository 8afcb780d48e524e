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
  const D = delimiter.charCodeAt(0);
  let phones = false;
  for (let i = 0; i < store.size && !phones; i++) phones = store.has(i, PHONE);
  const fields = [...BEFORE_PUBLISH, -1, ...AFTER_PUBLISH, ...(phones ? [PHONE] : [])];
  // The column names need neither quotes nor an apostrophe.
  const header = Buffer.from(`\ufeff${[...COLUMNS, ...(phones ? ["phone"] : [])].join(delimiter)}\r\n`, "utf8");
  let chunk = Buffer.allocUnsafe(Math.max(CHUNK, header.length));
  let filled = header.copy(chunk, 0);
  for (let k = 0; k < order.length; k++) {
    const row = order[k];
    // Each byte may be doubled (quotes), plus quotes, apostrophe and separator per cell.
    let most = 16 + 4 * fields.length;
    for (const field of fields) if (field >= 0) most += 2 * (store.end(row, field) - store.start(row, field));
    if (filled + most > chunk.length) {
      yield chunk.subarray(0, filled);
      chunk = Buffer.allocUnsafe(Math.max(CHUNK, most));
      filled = 0;
    }
    const organisation = store.isOrganisation(row);
    filled += (organisation ? WORDS.organisation : WORDS.person).copy(chunk, filled);
    for (const field of fields) {
      chunk[filled++] = D;
      if (field < 0) filled += (store.publishes(row) ? WORDS.yes : WORDS.no).copy(chunk, filled);
      else if (store.has(row, field)) filled = cell(store.bufferOf(row, field), store.start(row, field), store.end(row, field), chunk, filled, D);
    }
    chunk[filled++] = 13;
    chunk[filled++] = 10;
  }
  yield chunk.subarray(0, filled);
}

/**
 * One non-empty cell `from[start, end)` into `to` at `at`, as write.ts's `cell` makes it:
 * an apostrophe before = + - @ tab CR (`neutraliseFormula`), and quotes with doubled
 * quotes when the text holds a quote, CR, LF or the separator. Returns the new end.
 */
function cell(from: Uint8Array, start: number, end: number, to: Uint8Array, at: number, D: number): number {
  const first = from[start];
  const formula = first === 61 || first === 43 || first === 45 || first === 64 || first === 9 || first === 13;
  let quote = false;
  for (let k = start; k < end && !quote; k++) {
    const c = from[k];
    quote = c === 34 || c === 10 || c === 13 || c === D;
  }
  if (quote) to[at++] = 34;
  if (formula) to[at++] = 39;
  for (let k = start; k < end; k++) {
    const c = from[k];
    to[at++] = c;
    if (c === 34 && quote) to[at++] = 34;
  }
  if (quote) to[at++] = 34;
  return at;
}
