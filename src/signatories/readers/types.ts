/** What every reader hands on: one record with the physical line it starts on. */
export interface RawRow {
  line: number;
  columns: readonly string[];
  cells: readonly string[];
}

export type RowSink = (row: RawRow) => void;

/** Receives the header row of a table (CSV, TSV, XLSX); YAML and JSON items name their own keys. */
export type HeaderSink = (columns: readonly string[]) => void;

/** A file that cannot be read at all; `line` when the format says where it broke. */
export class UnreadableFile extends Error {
  constructor(
    message: string,
    readonly line?: number,
    /** `ENOENT` for a file that does not exist: the message then belongs where the file is named. */
    readonly code?: string,
  ) {
    super(message);
  }
}

/** Spreadsheet and YAML cells are numbers, dates or booleans too; the row schema reads text. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  // Spreadsheets store wall-clock times without a zone; exceljs hands them over as UTC.
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString().replace(/(?:\.000)?Z$/, "");
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}
