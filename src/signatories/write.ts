/**
 * Writes a merged list as CSV, TSV, JSON or YAML (by extension), atomically:
 * a temp file beside the target, renamed over it, so a failed write never
 * leaves a truncated list where a good one was.
 */
import { randomBytes } from "node:crypto";
import { rename, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { stringify } from "yaml";

/** No folding: yaml would fold a long line between the halves of a surrogate pair, breaking the character. */
const stringifyYaml = (value: unknown) => stringify(value, { lineWidth: 0 });
import type { Signatory } from "./types.js";

/** The known columns, in the order every CSV/TSV output starts with; shared with the columnar writer. */
export const COLUMNS = ["type", "name", "organisation", "role", "orgnr", "place", "email", "publish", "signed_at", "version"] as const;

/**
 * A spreadsheet runs a cell starting with = + - @ (or tab/CR before one) as a
 * formula; a leading apostrophe makes it text. Reading never strips it again.
 */
export function neutraliseFormula(value: string): string {
  // By char code rather than a regex: this runs for every cell of a million-row list.
  const c = value.charCodeAt(0);
  return c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13 ? `'${value}` : value;
}

/** A flat record per signatory: the known fields, then every unknown column as read. */
function record(s: Signatory): Record<string, string | boolean | undefined> {
  return {
    type: s.type,
    name: s.name,
    organisation: s.organisation,
    role: s.role,
    orgnr: s.orgnr,
    place: s.place,
    email: s.email,
    publish: s.publish,
    signed_at: s.signedAt,
    version: s.version,
    ...s.extra,
  };
}

/** Output is handed to the file in pieces of about this size: no 100 MB string for a million rows. */
const CHUNK = 1 << 20;

/** The cells of one signatory, by field rather than through `record()`: this runs a million times in a large merge. */
function fieldCells(s: Signatory, extraColumns: readonly string[]): Array<string | boolean | undefined> {
  const cells: Array<string | boolean | undefined> = [s.type, s.name, s.organisation, s.role, s.orgnr, s.place, s.email, s.publish, s.signedAt, s.version];
  // Own keys only, as `record()` spreads them: an inherited "constructor" is no column value.
  for (const c of extraColumns) cells.push(Object.hasOwn(s.extra, c) ? s.extra[c] : undefined);
  return cells;
}

/**
 * Unknown columns in the order a pass down the written list meets them (first row
 * first, each row's keys in their own order), without walking the list in that order:
 * each key is placed by the earliest output rank of a row that has it.
 */
function extraColumnsOf(list: readonly Signatory[], rank: Int32Array): string[] {
  const first = new Map<string, { rank: number; position: number }>();
  list.forEach((s, i) => {
    let position = 0;
    for (const key in s.extra) {
      const seen = first.get(key);
      if (!seen || rank[i] < seen.rank) first.set(key, { rank: rank[i], position });
      position++;
    }
  });
  return [...first].sort(([, a], [, b]) => a.rank - b.rank || a.position - b.position).map(([key]) => key);
}

/**
 * CSV/TSV of `list` in the output order `order` (positions in `list`). Rows are made
 * in `list`'s own order, which is the order the signatories were read and so the order
 * they lie in memory: a million rows read field by field in sorted order cost ten
 * times more in cache misses. Each row's bytes go into one buffer; the output then
 * copies them out in `order`.
 */
function* delimited(list: readonly Signatory[], delimiter: string, order: ArrayLike<number>): Generator<Uint8Array> {
  const rank = new Int32Array(list.length);
  for (let k = 0; k < order.length; k++) rank[order[k]] = k;
  const extraColumns = extraColumnsOf(list, rank);
  const known = COLUMNS as readonly string[];
  const extras = extraColumns.filter((c) => !known.includes(c));
  const columns = [...COLUMNS, ...extras];
  // An unknown column named like a field ("name") overrides it in `record()`; only then is the slow path needed.
  const overrides = extraColumns.some((c) => known.includes(c));
  const cellsOf = overrides ? (s: Signatory) => columns.map((c) => record(s)[c]) : (s: Signatory) => fieldCells(s, extras);
  const D = delimiter.charCodeAt(0);
  const cell = (value: string | boolean | undefined): string => {
    if (value === undefined || value === "") return "";
    const text = neutraliseFormula(typeof value === "boolean" ? (value ? "yes" : "no") : value);
    // A char-code scan, not a regex: cells are short, and there are ten million of them.
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 34 || c === 10 || c === 13 || c === D) return `"${text.replace(/"/g, '""')}"`;
    }
    return text;
  };
  // join() makes one flat string; `+=` cell by cell built cons strings that cost more to flatten and collect.
  const line = (cells: ReadonlyArray<string | boolean | undefined>): string => `${cells.map(cell).join(delimiter)}\r\n`;
  let rows = Buffer.allocUnsafe(Math.max(1024, list.length * 128));
  const ends = new Float64Array(list.length + 1);
  let used = 0;
  list.forEach((s, i) => {
    const text = line(cellsOf(s));
    // UTF-8 needs at most 3 bytes per UTF-16 unit; grow before writing, never truncate.
    if (used + text.length * 3 > rows.length) {
      const grown = Buffer.allocUnsafe(Math.max(rows.length * 2, used + text.length * 3));
      rows.copy(grown, 0, 0, used);
      rows = grown;
    }
    used += rows.write(text, used, "utf8");
    ends[i + 1] = used;
  });
  // UTF-8 with BOM and semicolons: what Excel with Norwegian settings opens without an import dialog.
  const header = Buffer.from(`\ufeff${line(columns)}`, "utf8");
  let chunk = Buffer.allocUnsafe(Math.max(CHUNK, header.length));
  let filled = header.copy(chunk, 0);
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    const length = ends[i + 1] - ends[i];
    if (filled + length > chunk.length) {
      yield chunk.subarray(0, filled);
      chunk = Buffer.allocUnsafe(Math.max(CHUNK, length));
      filled = 0;
    }
    filled += rows.copy(chunk, filled, ends[i], ends[i + 1]);
  }
  yield chunk.subarray(0, filled);
}

function withoutEmpty(s: Signatory): Record<string, string | boolean> {
  return Object.fromEntries(Object.entries(record(s)).filter(([, v]) => v !== undefined && v !== "")) as Record<string, string | boolean>;
}

type Format = (list: readonly Signatory[], order: ArrayLike<number>) => string | Iterable<Uint8Array>;

const inOrder = (list: readonly Signatory[], order: ArrayLike<number>) => Array.from(order, (i) => withoutEmpty(list[i]));

const FORMATS: Record<string, Format> = {
  ".csv": (list, order) => delimited(list, ";", order),
  ".tsv": (list, order) => delimited(list, "\t", order),
  ".json": (list, order) => `${JSON.stringify(inOrder(list, order), null, 2)}\n`,
  ".yaml": (list, order) => stringifyYaml(inOrder(list, order)),
  ".yml": (list, order) => stringifyYaml(inOrder(list, order)),
};

export const WRITABLE_EXTENSIONS = Object.keys(FORMATS);

/**
 * `order` lists positions in `list` in the order to write them (default: as listed).
 * A merge passes its signatories as read plus their sorted order, which writes faster
 * than the sorted list itself (see `delimited`).
 */
export async function writeSignatories(list: readonly Signatory[], file: string, order: ArrayLike<number> = list.map((_, i) => i)): Promise<void> {
  const format = FORMATS[path.extname(file).toLowerCase()];
  if (!format) throw new Error(`cannot write "${path.extname(file) || file}"; use ${WRITABLE_EXTENSIONS.join(", ")}`);
  await writeAtomically(file, format(list, order));
}

/** `data` into `file` through a temp file beside it, renamed over it once complete. */
export async function writeAtomically(file: string, data: string | Iterable<Uint8Array>): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await writeFile(temp, data);
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => {});
    throw error;
  }
}
