/**
 * Signatory lists (SPEC §4–5): read every file, check each row, merge,
 * sort the Norwegian way, group for the renderers. Shared by `build`, the
 * `signatories` commands and the sign-on server.
 */
import type { Position, Reporter } from "../report/index.js";
import { t } from "../i18n/catalogue.js";
import { FIELD_WORDS, columnKey, columnMapOf, mapColumns, type ColumnMap, type ColumnMapping } from "./columns.js";
import { SignatoryMerger, nameInMessages } from "./merge.js";
import { displayName } from "./display.js";
import { readRows, UnreadableFile, type RawRow } from "./readers/index.js";
import { interner, type Interner } from "./normalise.js";
import { normaliseRow, type SignatoryRowInput } from "./schema.js";
import { sortOrder } from "./sort.js";
import type { FileSummary } from "./summary.js";
import type { Signatory, SignatoryList } from "./types.js";

export {
  COLUMN_ALIASES,
  FIELD_NAMES,
  FIELD_WORDS,
  SIGNATORY_FIELDS,
  UnknownField,
  columnKey,
  columnMapOf,
  fieldFromWord,
  parseColumnMap,
  type ColumnMap,
  type SignatoryField,
} from "./columns.js";
export { guessColumns, type ColumnGuess } from "./guess.js";
export { describeFileSummary, type FileSummary } from "./summary.js";
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
  /**
   * This file's own column meanings (a document's `map:`): column header → field,
   * English or Norwegian word. Beats `--map` and the aliases. Plain data, so a
   * changed map changes the preview's cache key.
   */
  map?: Readonly<Record<string, string>>;
  /** Where the file is named (a document's `signatories:` entry): a missing file is reported there. */
  namedAt?: { file: string; position?: Position; as: string };
  /** Where each column of `map` was written, for the error about a column the file does not have. */
  mapPlaces?: Readonly<Record<string, { file: string; position?: Position }>>;
}

export interface LoadOptions {
  /** Message file names are relative to this (default: the working directory). */
  displayRoot?: string;
  /** `--map`: column → field, beating the alias table. */
  map?: ColumnMap;
  /** Called before each file is read, for a progress line. */
  onFile?: (file: string) => void;
  /** Called after each file is read: who it names, counts and rejects (before duplicates merge). */
  onSummary?: (summary: FileSummary) => void;
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
  // `--map` columns no file has, with the files that lack them: an error once every file is read.
  const unusedOption = new Map<string, string[]>();
  const fileColumns = new Map<string, readonly string[]>();
  for (const { path: absolute, group, map: words, mapPlaces, namedAt } of files) {
    const file = displayName(options.displayRoot ?? process.cwd(), absolute);
    options.onFile?.(file);
    // Throws UnknownField on a bad word: a document's schema has refused those already.
    const own = words && columnMapOf(words);
    const map = own && options.map ? new Map([...options.map, ...own]) : (own ?? options.map);
    const toSignatory = rowReader(file, group, map, reporter, shared);
    const summary: FileSummary = { file, rows: 0, organisations: 0, named: 0, counted: 0, rejected: {} };
    try {
      await readRows(
        absolute,
        (row) => {
          const s = toSignatory.read(row, summary);
          if (s) merger.add(s);
        },
        toSignatory.header,
      );
    } catch (error) {
      if (!(error instanceof UnreadableFile)) throw error;
      if (error.code === "ENOENT" && namedAt) reporter.error(namedAt.file, namedAt.position, t("signatories.fileNotFound", { name: namedAt.as, file }), "signatory-file");
      else reporter.error(file, error.line ? { line: error.line, column: 1 } : undefined, error.message, "signatory-file");
      continue;
    }
    toSignatory.warnUnused();
    if (!summary.rows) reporter.warn(file, { line: 1, column: 1 }, t("signatories.noRows"), "signatory-file");
    options.onSummary?.(summary);
    const seen = toSignatory.columns();
    fileColumns.set(file, seen);
    const seenKeys = new Set(seen.map(columnKey));
    for (const [key, { column }] of own ?? []) {
      if (seenKeys.has(key)) continue;
      const place = mapPlaces?.[column] ?? { file };
      reporter.error(place.file, place.position, t("signatories.mapColumnMissing", { column, where: t("signatories.theMap"), file, columns: listColumns(seen) }), "signatory-map");
    }
    for (const [key] of options.map ?? []) if (!seenKeys.has(key) && !own?.has(key)) unusedOption.set(key, [...(unusedOption.get(key) ?? []), file]);
  }
  for (const [key, lacking] of unusedOption) {
    if (lacking.length < fileColumns.size) continue;
    const { column } = options.map!.get(key)!;
    for (const file of lacking) reporter.error(file, undefined, t("signatories.mapColumnMissing", { column, where: "--map", file, columns: listColumns(fileColumns.get(file)!) }), "signatory-map");
  }
  merger.finish();
  return { signatories: merger.signatories, order: sortOrder(merger.signatories) };
}

function listColumns(columns: readonly string[]): string {
  return columns.length ? columns.map((c) => `"${c}"`).join(", ") : t("signatories.noColumns");
}

/**
 * Turns the raw rows of one file into signatories, reporting bad rows and
 * confusable columns; remembers every column the file has, for the map check.
 */
function rowReader(file: string, group: string | undefined, map: ColumnMap | undefined, reporter: Reporter, shared: Interner) {
  // All rows of a CSV or XLSX share one header array; YAML and JSON items repeat the same keys.
  const mappings = new Map<string, ColumnMapping>();
  const seen = new Set<string>();
  // Columns that mean nothing to opprop, in file order; warned about once the whole file is read.
  const unused = new Set<string>();
  let columns: readonly string[] = [];
  let mapping = mapColumns(columns);
  const useColumns = (next: readonly string[]) => {
    columns = next;
    const key = columns.join("\0");
    const known = mappings.get(key);
    mapping = known ?? mapColumns(columns, map);
    if (known) return;
    mappings.set(key, mapping);
    for (const column of columns) seen.add(column);
    const shadowed = new Set(mapping.shadowed.map((s) => s.column));
    for (const i of mapping.unknown) if (columns[i] && !shadowed.has(columns[i])) unused.add(columns[i]);
    for (const { column, by, field } of mapping.shadowed) {
      reporter.info(file, { line: 1, column: 1 }, t("signatories.shadowed", { column, field, word: FIELD_WORDS[field][0], by }), "signatory-column");
    }
  };
  const read = (row: RawRow, summary: FileSummary): Signatory | undefined => {
    summary.rows++;
    if (row.columns !== columns) useColumns(row.columns);
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
    let firstProblem: string | undefined;
    const signatory = normaliseRow(
      input,
      (field, text) => {
        firstProblem ??= field;
        reporter.error(file, { line: row.line, column: 1 }, text, "signatory-row");
      },
      { group, source: { file, line: row.line } },
    );
    if (!signatory) summary.rejected[firstProblem!] = (summary.rejected[firstProblem!] ?? 0) + 1;
    else if (signatory.type === "organisation") summary.organisations++;
    else if (signatory.publish) summary.named++;
    else summary.counted++;
    return signatory;
  };
  /** One warning for the columns nobody uses, and a louder one for what looks like the consent question. */
  const warnUnused = () => {
    const consent = mapping.index.publish < 0 ? [...unused].find((column) => CONSENT_QUESTION.test(column)) : undefined;
    if (consent) reporter.warn(file, { line: 1, column: 1 }, t("signatories.consentQuestion", { column: consent }), "signatory-consent");
    const rest = [...unused].filter((column) => column !== consent);
    if (rest.length) reporter.warn(file, { line: 1, column: 1 }, t("signatories.unusedColumns", { columns: rest.map((column) => t("signatories.columnName", { column })).join(", "), n: rest.length, example: rest[0] }), "signatory-column");
  };
  return { read, header: useColumns, columns: (): readonly string[] => [...seen], warnUnused };
}

/** A header that asks for consent to be named ("Jeg samtykker til at navnet mitt vises offentlig", "Publish my name?"). */
const CONSENT_QUESTION = /samtykk|consent|offentlig|publis|vis(es|e|t)?\b.*navn|navn.*vis|public|agree/i;

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
      t("signatories.otherVersion", { name: nameInMessages(s), version: s.version, current }),
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
  return documentList(await mergeSignatoryFiles(files, reporter, options), options.documentFingerprint, reporter);
}

/** What a document shows of a merged list: its signatories of other versions named, the rest grouped. */
export function documentList(list: readonly Signatory[], documentFingerprint: string | undefined, reporter: Reporter): SignatoryList {
  if (documentFingerprint) checkVersions(list, documentFingerprint, reporter);
  return groupSignatories(list);
}
