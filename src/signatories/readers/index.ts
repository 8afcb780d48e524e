/** Picks the reader by file extension; every reader reports rows to the same sink. */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { t } from "../../i18n/catalogue.js";
import { decode, readDelimited } from "./delimited.js";
import { readJson, readYaml } from "./structured.js";
import { UnreadableFile, type HeaderSink, type RowSink } from "./types.js";
import { fileProblem } from "../../report/file-problem.js";

export { UnreadableFile, type HeaderSink, type RawRow, type RowSink } from "./types.js";

const READERS: Record<string, (bytes: Buffer, sink: RowSink, onHeader?: HeaderSink) => void | Promise<void>> = {
  ".csv": readDelimited,
  ".tsv": readDelimited,
  ".txt": readDelimited,
  // Loaded on first use: exceljs alone takes about half a second to import.
  ".xlsx": async (bytes, sink, onHeader) => (await import("./xlsx.js")).readXlsx(bytes, sink, onHeader),
  ".yaml": (bytes, sink) => readYaml(decode(bytes), sink),
  ".yml": (bytes, sink) => readYaml(decode(bytes), sink),
  ".json": (bytes, sink) => readJson(decode(bytes), sink),
};

export const SIGNATORY_EXTENSIONS = Object.keys(READERS);

/**
 * Reads one file into `sink`, and a table's header row into `onHeader` (a
 * header with no rows below it is still the file's columns); throws
 * `UnreadableFile` when the file as a whole cannot be read.
 */
export async function readRows(file: string, sink: RowSink, onHeader?: HeaderSink): Promise<void> {
  const extension = path.extname(file).toLowerCase();
  const reader = READERS[extension];
  if (!reader) {
    throw new UnreadableFile(t("signatories.unknownExtension", { extension: extension || path.basename(file), extensions: SIGNATORY_EXTENSIONS.join(", ") }));
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UnreadableFile(fileProblem(error), undefined, code);
  }
  await reader(bytes, sink, onHeader);
}
