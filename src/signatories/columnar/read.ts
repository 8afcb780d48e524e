/**
 * One file's rows into the columnar store, as `rowReader` + `normaliseRow` in
 * src/signatories/index.ts and schema.ts would make them. A row whose cells are all
 * plain (Latin-1 text without stray spaces, which `cleanText` returns unchanged) and
 * whose type, orgnr, consent and time read without a message is stored as byte ranges
 * of its cells. Any other row is made into strings and given to `normaliseRow` itself,
 * so its messages and its cleaned values are the ordinary path's by construction.
 */
import type { Reporter } from "../../report/index.js";
import { SIGNATORY_FIELDS, mapColumns, type SignatoryField } from "../columns.js";
import { checkOrgnr, isoTime, normaliseRow, readConsent, signatoryType, type SignatoryRowInput } from "../schema.js";
import type { FileSummary } from "../summary.js";
import { CellCache } from "./cell-cache.js";
import { NOT_PLAIN, QUOTE_SEMICOLON, QUOTE_TAB, parseRecords } from "./records.js";
import type { Source } from "./source.js";
import { EMAIL, NAME, ORGANISATION, ORGNR, PHONE, PLACE, ROLE, SIGNED_AT, TEXT_FIELDS, VERSION, type SignatoryColumns } from "./store.js";
import { Unsupported } from "./unsupported.js";

/** Field numbers: positions in `SIGNATORY_FIELDS`. */
const [TYPE, F_NAME, F_ORGANISATION, F_ROLE, F_ORGNR, F_PLACE, F_EMAIL, F_PHONE, F_PUBLISH, F_SIGNED_AT, F_VERSION] = SIGNATORY_FIELDS.map((_, i) => i);

/** Fields stored as they are written (once plain): field numbers and their store slots, as typed arrays for the per-row loop. */
const WRITTEN_FIELDS = Int32Array.of(F_NAME, F_ORGANISATION, F_ROLE, F_ORGNR, F_PLACE, F_EMAIL, F_PHONE, F_SIGNED_AT, F_VERSION);
const WRITTEN_SLOTS = Int32Array.of(NAME, ORGANISATION, ROLE, ORGNR, PLACE, EMAIL, PHONE, SIGNED_AT, VERSION);

/** A converted value: `same` when it is the cell's own text, else its range in the store's arena. */
type Converted = { same: true } | { same: false; start: number; end: number } | undefined;

/** Reads `source` (file number `fileIndex`) into `store`, calling `keep()` after each good row. */
export function readSource(store: SignatoryColumns, source: Source, fileIndex: number, reporter: Reporter, keep: () => void): FileSummary {
  const { file } = source;
  const text = store.text;
  const summary: FileSummary = { file, rows: 0, organisations: 0, named: 0, counted: 0, rejected: {} };
  const types = new CellCache(signatoryType);
  const consents = new CellCache(readConsent);
  const converted = (convert: (cell: string) => string | undefined) =>
    new CellCache<Converted>((cell) => {
      const value = convert(cell);
      if (value === undefined) return undefined;
      if (value === cell) return { same: true };
      const [start, end] = store.append(value);
      return { same: false, start, end };
    });
  const times = converted(isoTime);
  const versions = converted((cell) => cell.toLowerCase());
  let columns: string[] | undefined;
  /** Each field's column, -1 for none. */
  const column = new Int32Array(SIGNATORY_FIELDS.length);
  /** The current record's cell per field: an absent column is an empty, plain range. */
  const starts = new Int32Array(SIGNATORY_FIELDS.length);
  const ends = new Int32Array(SIGNATORY_FIELDS.length);
  const flags = new Uint8Array(SIGNATORY_FIELDS.length);
  const present = (field: number) => starts[field] !== ends[field];

  /** The ordinary row, stored as ranges; false when it needs `normaliseRow` (or would get a message). */
  const plainRow = (row: number, line: number): boolean => {
    let all = 0;
    for (let field = 0; field < flags.length; field++) all |= flags[field];
    if (all & NOT_PLAIN || !present(F_NAME)) return false;
    let type: "organisation" | "person" | undefined;
    if (present(TYPE)) {
      type = types.get(text, starts[TYPE], ends[TYPE]);
      if (type !== "organisation" && type !== "person") return false;
    }
    // Nine digits as written; spaces or dots in it are the schema's to remove.
    const orgnr = present(F_ORGNR);
    if (orgnr && (ends[F_ORGNR] - starts[F_ORGNR] !== 9 || !checkOrgnr(text.toString("latin1", starts[F_ORGNR], ends[F_ORGNR])))) return false;
    const consent = present(F_PUBLISH) ? consents.get(text, starts[F_PUBLISH], ends[F_PUBLISH]) : false;
    if (consent === undefined) return false;
    const time = present(F_SIGNED_AT) ? times.get(text, starts[F_SIGNED_AT], ends[F_SIGNED_AT]) : undefined;
    if (present(F_SIGNED_AT) && time === undefined) return false;
    const version = present(F_VERSION) ? versions.get(text, starts[F_VERSION], ends[F_VERSION]) : undefined;
    let quotes = 0;
    for (let k = 0; k < WRITTEN_FIELDS.length; k++) {
      const field = WRITTEN_FIELDS[k];
      const slot = WRITTEN_SLOTS[k];
      store.setRange(row, slot, starts[field], ends[field]);
      if (flags[field] & QUOTE_SEMICOLON) quotes |= 1 << slot;
      if (flags[field] & QUOTE_TAB) quotes |= 1 << (TEXT_FIELDS + slot);
    }
    // A converted time or version has the cell's quotes: ISO times have none, lower case keeps them.
    if (time && !time.same) store.setRange(row, SIGNED_AT, ~time.start, ~time.end);
    if (version && !version.same) store.setRange(row, VERSION, ~version.start, ~version.end);
    store.setQuotes(row, quotes);
    const organisation = (type ?? (orgnr ? "organisation" : "person")) === "organisation";
    store.setOrigin(row, organisation, organisation || consent, true, fileIndex, line);
    count(organisation, organisation || consent);
    return true;
  };

  /** Any other row, through `normaliseRow`, with the same input `rowReader` gives it. */
  const otherRow = (row: number, line: number): boolean => {
    const cell = (field: number) => (column[field] >= 0 && column[field] < cellCount ? text.toString("utf8", starts[field], ends[field]) : undefined);
    const input: SignatoryRowInput = {
      type: cell(TYPE),
      name: cell(F_NAME),
      organisation: cell(F_ORGANISATION),
      role: cell(F_ROLE),
      orgnr: cell(F_ORGNR),
      place: cell(F_PLACE),
      email: cell(F_EMAIL),
      phone: cell(F_PHONE),
      publish: cell(F_PUBLISH),
      signed_at: cell(F_SIGNED_AT),
      version: cell(F_VERSION),
      extra: undefined,
    };
    let firstProblem: string | undefined;
    const signatory = normaliseRow(
      input,
      (field, message) => {
        firstProblem ??= field;
        reporter.error(file, { line, column: 1 }, message, "signatory-row");
      },
      { group: undefined, source: { file, line } },
    );
    if (!signatory) {
      summary.rejected[firstProblem!] = (summary.rejected[firstProblem!] ?? 0) + 1;
      return false;
    }
    // `TYPES` is a plain object: a type cell such as "constructor" reads as something else entirely.
    if (signatory.type !== "organisation" && signatory.type !== "person") throw new Unsupported("odd type");
    store.setText(row, NAME, signatory.name);
    store.setText(row, ORGANISATION, signatory.organisation);
    store.setText(row, ROLE, signatory.role);
    store.setText(row, ORGNR, signatory.orgnr);
    store.setText(row, PLACE, signatory.place);
    store.setText(row, EMAIL, signatory.email);
    store.setText(row, SIGNED_AT, signatory.signedAt);
    store.setText(row, VERSION, signatory.version);
    store.setText(row, PHONE, signatory.extra.phone);
    const organisation = signatory.type === "organisation";
    store.setOrigin(row, organisation, signatory.publish, false, fileIndex, line);
    count(organisation, signatory.publish);
    return true;
  };

  const count = (organisation: boolean, publish: boolean) => {
    if (organisation) summary.organisations++;
    else if (publish) summary.named++;
    else summary.counted++;
  };

  let cellCount = 0;
  parseRecords(text, source.start, source.end, source.delimiter, (record, recordLine) => {
    if (!columns) {
      columns = Array.from(record.starts.subarray(0, record.count), (start, k) => text.toString("utf8", start, record.ends[k]));
      const index = fieldIndex(columns);
      SIGNATORY_FIELDS.forEach((field, i) => (column[i] = index[field]));
      return;
    }
    // Spreadsheets pad a list with rows of empty cells (";;;;"); they are not signatories.
    let blank = true;
    for (let k = 0; k < record.count && blank; k++) blank = record.starts[k] === record.ends[k];
    if (blank) return;
    summary.rows++;
    cellCount = record.count;
    for (let field = 0; field < column.length; field++) {
      const k = column[field];
      const has = k >= 0 && k < record.count;
      starts[field] = has ? record.starts[k] : 0;
      ends[field] = has ? record.ends[k] : 0;
      flags[field] = has ? record.flags[k] : 0;
    }
    const line = recordLine + source.lineOffset;
    const row = store.size;
    store.startRow();
    if (plainRow(row, line) || otherRow(row, line)) keep();
  });
  // No rows: the ordinary path warns about it (and about a file with no header at all).
  if (!summary.rows) throw new Unsupported("no rows");
  return summary;
}

/**
 * Each field's column. A header with columns opprop does not use, or two columns for
 * one field, gets messages and `extra` values from the ordinary path.
 */
function fieldIndex(columns: readonly string[]): Record<SignatoryField, number> {
  const mapping = mapColumns(columns);
  if (mapping.shadowed.length) throw new Unsupported("shadowed column");
  // A column without a header is read by nobody and warned about by nobody.
  if (mapping.unknown.some((i) => columns[i])) throw new Unsupported("unknown column");
  return mapping.index;
}

