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
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
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

function delimited(list: readonly Signatory[], delimiter: string): string {
  const extraColumns = new Set<string>();
  for (const s of list) for (const key in s.extra) extraColumns.add(key);
  const columns = [...COLUMNS, ...[...extraColumns].filter((c) => !(COLUMNS as readonly string[]).includes(c))];
  const needsQuotes = new RegExp(`["\\r\\n${delimiter}]`);
  const cell = (value: string | boolean | undefined): string => {
    const text = neutraliseFormula(typeof value === "boolean" ? (value ? "yes" : "no") : (value ?? ""));
    return needsQuotes.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [columns.map(cell).join(delimiter)];
  for (const s of list) {
    const r = record(s);
    lines.push(columns.map((c) => cell(r[c])).join(delimiter));
  }
  // UTF-8 with BOM and semicolons: what Excel with Norwegian settings opens without an import dialog.
  return `\ufeff${lines.join("\r\n")}\r\n`;
}

function withoutEmpty(s: Signatory): Record<string, string | boolean> {
  return Object.fromEntries(Object.entries(record(s)).filter(([, v]) => v !== undefined && v !== "")) as Record<string, string | boolean>;
}

const FORMATS: Record<string, (list: readonly Signatory[]) => string> = {
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
