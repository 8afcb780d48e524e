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

const COLUMNS = ["type", "name", "organisation", "role", "orgnr", "place", "email", "publish", "signed_at", "version"] as const;

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

/** Output is handed to the file in pieces of about this many characters: no 100 MB string for a million rows. */
const CHUNK = 1 << 20;

/** The cells of one signatory, by field rather than through `record()`: this runs a million times in a large merge. */
function fieldCells(s: Signatory, extraColumns: readonly string[]): Array<string | boolean | undefined> {
  const cells: Array<string | boolean | undefined> = [s.type, s.name, s.organisation, s.role, s.orgnr, s.place, s.email, s.publish, s.signedAt, s.version];
  // Own keys only, as `record()` spreads them: an inherited "constructor" is no column value.
  for (const c of extraColumns) cells.push(Object.hasOwn(s.extra, c) ? s.extra[c] : undefined);
  return cells;
}

function* delimited(list: readonly Signatory[], delimiter: string): Generator<string> {
  const extraColumns = new Set<string>();
  for (const s of list) for (const key in s.extra) extraColumns.add(key);
  const known = COLUMNS as readonly string[];
  const extras = [...extraColumns].filter((c) => !known.includes(c));
  const columns = [...COLUMNS, ...extras];
  // An unknown column named like a field ("name") overrides it in `record()`; only then is the slow path needed.
  const overrides = [...extraColumns].some((c) => known.includes(c));
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
  // UTF-8 with BOM and semicolons: what Excel with Norwegian settings opens without an import dialog.
  let chunk = `\ufeff${line(columns)}`;
  for (const s of list) {
    chunk += line(cellsOf(s));
    if (chunk.length >= CHUNK) {
      yield chunk;
      chunk = "";
    }
  }
  yield chunk;
}

function withoutEmpty(s: Signatory): Record<string, string | boolean> {
  return Object.fromEntries(Object.entries(record(s)).filter(([, v]) => v !== undefined && v !== "")) as Record<string, string | boolean>;
}

const FORMATS: Record<string, (list: readonly Signatory[]) => string | Iterable<string>> = {
  ".csv": (list) => delimited(list, ";"),
  ".tsv": (list) => delimited(list, "\t"),
  ".json": (list) => `${JSON.stringify(list.map(withoutEmpty), null, 2)}\n`,
  ".yaml": (list) => stringifyYaml(list.map(withoutEmpty)),
  ".yml": (list) => stringifyYaml(list.map(withoutEmpty)),
};

export const WRITABLE_EXTENSIONS = Object.keys(FORMATS);

export async function writeSignatories(list: readonly Signatory[], file: string): Promise<void> {
  const format = FORMATS[path.extname(file).toLowerCase()];
  if (!format) throw new Error(`cannot write "${path.extname(file) || file}"; use ${WRITABLE_EXTENSIONS.join(", ")}`);
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await writeFile(temp, format(list));
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => {});
    throw error;
  }
}
