/**
 * The million-row merge without an object per signatory or a string per cell
 * (ISSUE 14): what `readSignatoryFiles` + `writeSignatories` do for CSV/TSV output,
 * on byte ranges in typed arrays. It takes only what it reproduces exactly —
 * UTF-8 or Windows-1252 CSV/TSV files whose columns all mean a field, no `--map`,
 * no groups — and returns undefined for anything else, before reporting
 * anything: the caller then runs the ordinary path, which stays the reference
 * (test/signatories/columnar.test.ts compares the two).
 */
import path from "node:path";
import { Reporter } from "../../report/index.js";
import { displayName } from "../display.js";
import type { FileSummary } from "../summary.js";
import { ColumnarMerger } from "./dedupe.js";
import { readSource } from "./read.js";
import { sortColumns } from "./sort.js";
import { readSources } from "./source.js";
import { SignatoryColumns } from "./store.js";
import { Unsupported } from "./unsupported.js";
import { writeColumns } from "./write.js";

/** Extensions the columnar merge writes, with their separators. */
const DELIMITERS: Readonly<Record<string, string>> = { ".csv": ";", ".tsv": "\t" };

export interface ColumnarMerge {
  /** The counts `groupSignatories` gives. */
  total: number;
  organisations: number;
  named: number;
  counted: number;
  /** Writes the sorted list as `writeSignatories` would; `file` ends in .csv or .tsv. */
  write(file: string): Promise<void>;
}

/** Whether a columnar merge can write `file`. */
export function columnarWrites(file: string): boolean {
  return Object.hasOwn(DELIMITERS, extension(file));
}

/**
 * `files` read, checked, merged and sorted as `readSignatoryFiles` does, with its messages
 * and summaries; undefined (and nothing reported) when the ordinary path must do it.
 */
export function readColumnar(
  files: readonly { path: string; group?: string; map?: unknown }[],
  reporter: Reporter,
  // `readSignatoryFiles`'s options (`LoadOptions`, not imported: signatories/index.ts is the ordinary path).
  options: { displayRoot?: string; map?: unknown; onFile?: (file: string) => void; onSummary?: (summary: FileSummary) => void } = {},
): ColumnarMerge | undefined {
  if (options.map || files.some((f) => f.map || f.group !== undefined)) return undefined;
  // Messages and summaries wait here until the whole merge has gone through.
  const messages = new Reporter();
  const summaries: FileSummary[] = [];
  let store: SignatoryColumns;
  let order: ArrayLike<number>;
  try {
    const root = options.displayRoot ?? process.cwd();
    const { text, sources } = readSources(
      files.map((f) => ({ path: f.path, file: displayName(root, f.path) })),
      options.onFile,
    );
    // Sized by the line breaks (a native search, milliseconds): a hash table sized by guess
    // touches every page of its guess, since hashes land anywhere in it.
    const expected = sources.reduce((n, s) => n + lineBreaks(text, s.start, s.end) + 1, 0);
    store = new SignatoryColumns(text, sources.map((s) => s.file), expected);
    const merger = new ColumnarMerger(store, messages, expected);
    sources.forEach((source, i) => summaries.push(readSource(store, source, i, messages, () => merger.add())));
    merger.finish();
    order = sortColumns(store);
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
  reporter.messages.push(...messages.messages);
  for (const summary of summaries) options.onSummary?.(summary);
  let organisations = 0;
  let named = 0;
  for (let i = 0; i < store.size; i++) {
    if (store.isOrganisation(i)) organisations++;
    else if (store.publishes(i)) named++;
  }
  return {
    total: store.size,
    organisations,
    named,
    counted: store.size - organisations - named,
    write: (file) => writeColumns(store, order, file, DELIMITERS[extension(file)]),
  };
}

/** How many LF bytes `text[start, end)` holds: at least the records less one (a bare CR ends one too, rarely). */
function lineBreaks(text: Buffer, start: number, end: number): number {
  // A view, so the search never runs on past the file into the buffer's unused room.
  const region = text.subarray(start, end);
  let n = 0;
  for (let at = region.indexOf(10); at >= 0; at = region.indexOf(10, at + 1)) n++;
  return n;
}

/** As `writeSignatories` picks its format. */
function extension(file: string): string {
  return path.extname(file).toLowerCase();
}
