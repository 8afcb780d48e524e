/**
 * Signatory lists (SPEC §4–5): read every file, check each row, merge,
 * sort the Norwegian way, group for the renderers. Shared by `build`, the
 * `signatories` commands and the sign-on server.
 */
import path from "node:path";
import type { Reporter } from "../report/index.js";
import { mapColumns, type ColumnMap, type ColumnMapping } from "./columns.js";
import { SignatoryMerger, nameInMessages } from "./merge.js";
import { readRows, UnreadableFile, type RawRow } from "./readers/index.js";
import { interner, type Interner } from "./normalise.js";
import { normaliseRow, type SignatoryRowInput } from "./schema.js";
import { sortOrder } from "./sort.js";
import type { Signatory, SignatoryList } from "./types.js";

export { COLUMN_ALIASES, SIGNATORY_FIELDS, columnKey, parseColumnMap, type ColumnMap, type SignatoryField } from "./columns.js";
export { cleanText } from "./normalise.js";
export { SIGNATORY_EXTENSIONS } from "./readers/index.js";
export { checkOrgnr, describeIssues, normaliseRow, rawSignatoryRowSchema, signatoryRowSchema, type SignatoryRow, type SignatoryRowInput } from "./schema.js";
export { collator, compareNorwegian, sortSignatories } from "./sort.js";
export { WRITABLE_EXTENSIONS, neutraliseFormula, writeSignatories } from "./write.js";
export { emptySignatoryList, type Signatory, type SignatoryList } from "./types.js";

export interface SignatoryFile {
  /** Absolute path. */
  path: string;
  /** A heading the renderers may group these signatories under. */
  group?: string;
}

export interface LoadOptions {
  /** Message file names are relative to this (default: the working directory). */
  displayRoot?: string;
  /** `--map`: column → field, beating the alias table. */
  map?: ColumnMap;
  /** Called before each file is read, for a progress line. */
  onFile?: (file: string) => void;
}

/** Every signatory from `files`, checked, merged and sorted — persons without consent included. */
export async function mergeSignatoryFiles(files: readonly SignatoryFile[], reporter: Reporter, options: LoadOptions = {}): Promise<Signatory[]> {
  const { signatories, order } = await readSignatoryFiles(files, reporter, options);
  return order.map((i) => signatories[i]);
}

/**
 * What `mergeSignatoryFiles` sorts: the merged signatories in the order they were read
 * (and lie in memory), and their sorted order as positions. `writeSignatories(signatories,
 * file, order)` writes a large merge faster from these than from the sorted list.
 */
export async function readSignatoryFiles(
  files: readonly SignatoryFile[],
  reporter: Reporter,
  options: LoadOptions = {},
): Promise<{ signatories: Signatory[]; order: number[] }> {
  const merger = new SignatoryMerger(reporter);
  // Per call, not per module: the strings may be slices that keep a whole file's text alive.
  const shared = interner();
  for (const { path: absolute, group } of files) {
    const file = displayName(options.displayRoot ?? process.cwd(), absolute);
    options.onFile?.(file);
    const toSignatory = rowReader(file, group, options.map, reporter, shared);
    try {
      await readRows(absolute, (row) => {
        const s = toSignatory(row);
        if (s) merger.add(s);
      });
    } catch (error) {
      if (!(error instanceof UnreadableFile)) throw error;
      reporter.error(file, error.line ? { line: error.line, column: 1 } : undefined, error.message, "signatory-file");
    }
  }
  merger.finish();
  return { signatories: merger.signatories, order: sortOrder(merger.signatories) };
}

/** Turns the raw rows of one file into signatories, reporting bad rows and confusable columns. */
function rowReader(file: string, group: string | undefined, map: ColumnMap | undefined, reporter: Reporter, shared: Interner) {
  // All rows of a CSV or XLSX share one header array; YAML and JSON items repeat the same keys.
  const mappings = new Map<string, ColumnMapping>();
  let columns: readonly string[] = [];
  let mapping = mapColumns(columns);
  return (row: RawRow): Signatory | undefined => {
    if (row.columns !== columns) {
      columns = row.columns;
      const key = columns.join("\0");
      const known = mappings.get(key);
      mapping = known ?? mapColumns(columns, map);
      if (!known) {
        mappings.set(key, mapping);
        for (const { column, by, field } of mapping.shadowed) {
          reporter.info(file, undefined, `column "${column}" also means ${field}; using "${by}" (choose with --map "${column}=${field}")`, "signatory-column");
        }
      }
    }
    const { cells } = row;
    const { index } = mapping;
    let extra: Record<string, string> | undefined;
    for (const i of mapping.unknown) if (cells[i] && columns[i]) (extra ??= {})[columns[i]] = cells[i];
    // A literal with fixed keys, not keys added in a loop: this runs a million times in the benchmark.
    const input: SignatoryRowInput = {
      type: at(cells, index.type),
      name: at(cells, index.name),
      organisation: shared(at(cells, index.organisation)),
      role: shared(at(cells, index.role)),
      orgnr: at(cells, index.orgnr),
      place: shared(at(cells, index.place)),
      email: at(cells, index.email),
      phone: at(cells, index.phone),
      publish: at(cells, index.publish),
      signed_at: shared(at(cells, index.signed_at)),
      version: shared(at(cells, index.version)),
      extra,
    };
    // Readers hand over text only, so the type check of `signatoryRowSchema` is skipped, not its rules.
    return normaliseRow(input, (_field, text) => reporter.error(file, { line: row.line, column: 1 }, text, "signatory-row"), {
      group,
      source: { file, line: row.line },
    });
  };
}

function at(cells: readonly string[], i: number): string | undefined {
  return i < 0 ? undefined : cells[i];
}

/** What renderers get: organisations and consenting persons named, the others counted. */
export function groupSignatories(list: readonly Signatory[]): SignatoryList {
  const organisations = list.filter((s) => s.type === "organisation");
  const persons = list.filter((s) => s.type === "person" && s.publish);
  return { organisations, persons, hiddenPersons: list.length - organisations.length - persons.length, total: list.length };
}

/** SPEC §5: whoever signed another version of the text is named, once, at their row. */
export function checkVersions(list: readonly Signatory[], fingerprint: string, reporter: Reporter): void {
  const current = fingerprint.trim().toLowerCase();
  for (const s of list) {
    if (s.version === undefined || s.version === current) continue;
    reporter.warn(
      s.source.file,
      { line: s.source.line, column: 1 },
      `${nameInMessages(s)} signed version ${s.version}, not this document's ${current}`,
      "signatory-version",
    );
  }
}

/**
 * The list a document shows, from its signatory files. Never throws on bad
 * input: an unreadable file is one error, a bad row one error per problem,
 * and the good rows are kept.
 */
export async function loadSignatories(
  files: readonly SignatoryFile[],
  reporter: Reporter,
  options: LoadOptions & {
    documentFingerprint?: string;
    /** The document's language; names stay in Norwegian order whatever it is. */
    lang?: "nb" | "nn" | "en";
  } = {},
): Promise<SignatoryList> {
  const list = await mergeSignatoryFiles(files, reporter, options);
  if (options.documentFingerprint) checkVersions(list, options.documentFingerprint, reporter);
  return groupSignatories(list);
}

function displayName(root: string, absolute: string): string {
  const relative = path.relative(root, absolute);
  return relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative.split(path.sep).join("/") : absolute;
}
