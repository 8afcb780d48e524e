/**
 * One file's rows into the columnar store, as `rowReader` + `normaliseRow` in
 * src/signatories/index.ts and schema.ts would make them. A row whose cells are all
 * plain (Latin-1 text without stray spaces, which `cleanText` returns unchanged) and
 * whose type, orgnr, consent and time read without a message is stored as byte ranges
 * of its cells. Any other row is made into strings and given to `normaliseRow` itself,
 * so its messages and its cleaned values are the ordinary path's by construction.
 */
import type { Reporter } from "../../report/index.js";
import { mapColumns, type SignatoryField } from "../columns.js";
import { checkOrgnr, isoTime, normaliseRow, readConsent, signatoryType, type SignatoryRowInput } from "../schema.js";
import type { FileSummary } from "../summary.js";
import { CellCache } from "./cell-cache.js";
import { parseRecords, type Cells } from "./records.js";
import type { Source } from "./source.js";
import { EMAIL, NAME, ORGANISATION, ORGNR, PHONE, PLACE, ROLE, SIGNED_AT, VERSION, type SignatoryColumns } from "./store.js";
import { Unsupported } from "./unsupported.js";

/** Fields stored as they are written (after the plainness check), by store slot. */
const AS_WRITTEN: ReadonlyArray<[SignatoryField, number]> = [
  ["name", NAME],
  ["organisation", ORGANISATION],
  ["role", ROLE],
  ["place", PLACE],
  ["email", EMAIL],
  ["phone", PHONE],
];

/** A converted value: `same` when it is the cell's own text, else its range in the store's arena. */
type Converted = { same: true } | { same: false; start: number; end: number } | undefined;

/** Reads `source` (file number `fileIndex`) into `store`, calling `keep()` after each good row. */
export function readSource(store: SignatoryColumns, source: Source, fileIndex: number, reporter: Reporter, keep: () => void): FileSummary {
  const { file } = source;
  const text = store.text;
  const summary: FileSummary = { file, rows: 0, organisations: 0, named: 0, counted: 0, rejected: {} };
  // Per file: a cache's arena ranges would survive, but the files' own rules are the same anyway.
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
  let index: Record<SignatoryField, number> = {} as Record<SignatoryField, number>;
  // The cell of `field` in the current record, as a range; an absent column is an empty range.
  let cells: Cells;
  const startOf = (field: SignatoryField) => (index[field] >= 0 && index[field] < cells.count ? cells.starts[index[field]] : 0);
  const endOf = (field: SignatoryField) => (index[field] >= 0 && index[field] < cells.count ? cells.ends[index[field]] : 0);

  /** The ordinary row, stored as ranges; false when it needs `normaliseRow` (or would get a message). */
  const plainRow = (row: number, line: number): boolean => {
    for (const field of ALL_FIELDS) {
      const start = startOf(field);
      const end = endOf(field);
      if (start !== end && !plainCell(text, start, end)) return false;
    }
    if (startOf("name") === endOf("name")) return false;
    let type: "organisation" | "person" | undefined;
    if (startOf("type") !== endOf("type")) {
      type = types.get(text, startOf("type"), endOf("type"));
      if (type !== "organisation" && type !== "person") return false;
    }
    const orgnrStart = startOf("orgnr");
    const orgnrEnd = endOf("orgnr");
    // Nine digits as written; spaces or dots in it are the schema's to remove.
    if (orgnrStart !== orgnrEnd && (orgnrEnd - orgnrStart !== 9 || !checkOrgnr(text.toString("latin1", orgnrStart, orgnrEnd)))) return false;
    let consent: boolean | undefined = false;
    if (startOf("publish") !== endOf("publish")) {
      consent = consents.get(text, startOf("publish"), endOf("publish"));
      if (consent === undefined) return false;
    }
    const time = startOf("signed_at") === endOf("signed_at") ? undefined : times.get(text, startOf("signed_at"), endOf("signed_at"));
    if (startOf("signed_at") !== endOf("signed_at") && time === undefined) return false;
    const version = startOf("version") === endOf("version") ? undefined : versions.get(text, startOf("version"), endOf("version"));
    for (const [field, slot] of AS_WRITTEN) store.setRange(row, slot, startOf(field), endOf(field));
    store.setRange(row, ORGNR, orgnrStart, orgnrEnd);
    setConverted(row, SIGNED_AT, "signed_at", time);
    setConverted(row, VERSION, "version", version);
    const organisation = (type ?? (orgnrStart !== orgnrEnd ? "organisation" : "person")) === "organisation";
    store.setOrigin(row, { organisation, publish: organisation || consent, plain: true, file: fileIndex, line });
    count(organisation, organisation || consent);
    return true;
  };

  const setConverted = (row: number, slot: number, field: SignatoryField, value: Converted) => {
    if (value === undefined) store.setRange(row, slot, 0, 0);
    else if (value.same) store.setRange(row, slot, startOf(field), endOf(field));
    else store.setRange(row, slot, ~value.start, ~value.end);
  };

  /** Any other row, through `normaliseRow`, with the same input `rowReader` gives it. */
  const otherRow = (row: number, line: number): boolean => {
    const cell = (field: SignatoryField) => (index[field] >= 0 && index[field] < cells.count ? text.toString("utf8", startOf(field), endOf(field)) : undefined);
    const input: SignatoryRowInput = {
      type: cell("type"),
      name: cell("name"),
      organisation: cell("organisation"),
      role: cell("role"),
      orgnr: cell("orgnr"),
      place: cell("place"),
      email: cell("email"),
      phone: cell("phone"),
      publish: cell("publish"),
      signed_at: cell("signed_at"),
      version: cell("version"),
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
    store.setOrigin(row, { organisation, publish: signatory.publish, plain: false, file: fileIndex, line });
    count(organisation, signatory.publish);
    return true;
  };

  const count = (organisation: boolean, publish: boolean) => {
    if (organisation) summary.organisations++;
    else if (publish) summary.named++;
    else summary.counted++;
  };

  parseRecords(text, source.start, source.end, source.delimiter, (record, recordLine) => {
    cells = record;
    if (!columns) {
      columns = Array.from(record.starts.subarray(0, record.count), (start, k) => text.toString("utf8", start, record.ends[k]));
      index = fieldIndex(columns);
      return;
    }
    // Spreadsheets pad a list with rows of empty cells (";;;;"); they are not signatories.
    let blank = true;
    for (let k = 0; k < record.count && blank; k++) blank = record.starts[k] === record.ends[k];
    if (blank) return;
    summary.rows++;
    const line = recordLine + source.lineOffset;
    const row = store.size;
    store.startRow();
    if (plainRow(row, line) || otherRow(row, line)) keep();
  });
  // No rows: the ordinary path warns about it (and about a file with no header at all).
  if (!summary.rows) throw new Unsupported("no rows");
  return summary;
}

const ALL_FIELDS: readonly SignatoryField[] = ["type", "name", "organisation", "role", "orgnr", "place", "email", "phone", "publish", "signed_at", "version"];

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

/**
 * Whether `cleanText` returns the cell unchanged: `NEEDS_WORK` in normalise.ts
 * (`/[^\x20-\x7e\u00a1-\u00ff]|^ | $| {2}/`) on the UTF-8 bytes. U+00A1–U+00BF are
 * C2 A1–BF, U+00C0–U+00FF are C3 80–BF; the input is valid UTF-8, so a lead byte
 * always has its continuation inside the cell.
 */
export function plainCell(text: Uint8Array, start: number, end: number): boolean {
  if (text[start] === 32 || text[end - 1] === 32) return false;
  for (let k = start; k < end; k++) {
    const b = text[k];
    if (b > 32 && b < 127) continue;
    if (b === 32) {
      if (text[k - 1] === 32) return false;
    } else if (b === 0xc2) {
      const next = text[++k];
      if (next < 0xa1 || next > 0xbf) return false;
    } else if (b === 0xc3) k++;
    else return false;
  }
  return true;
}
