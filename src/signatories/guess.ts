/**
 * What opprop makes of a signatory file's columns, before anything is merged:
 * the studio shows one drop-down per column with this guess preselected.
 */
import { columnMapOf, mapColumns, type SignatoryField } from "./columns.js";
import { readRows } from "./readers/index.js";

export interface ColumnGuess {
  /** The header as the file writes it. */
  column: string;
  /** The field opprop reads the column as; undefined when it does not recognise it (kept, never shown). */
  field?: SignatoryField;
  /** Set when another column means the same field and wins: this one is then kept as unrecognised. */
  shadowedBy?: string;
}

/**
 * The columns of `file` in file order (for YAML and JSON, every key in order
 * of first use) with opprop's reading of each; `map` (header → field, English
 * or Norwegian word) beats the alias table as in a document's `map:`.
 * Throws `UnreadableFile` for a file that cannot be read and `UnknownField` for a bad map word.
 */
export async function guessColumns(file: string, map: Readonly<Record<string, string>> = {}): Promise<ColumnGuess[]> {
  const overrides = columnMapOf(map);
  const columns: string[] = [];
  const seen = new Set<string>();
  const add = (header: readonly string[]) => {
    for (const column of header) {
      if (seen.has(column)) continue;
      seen.add(column);
      columns.push(column);
    }
  };
  await readRows(file, (row) => add(row.columns), add);
  const { index, shadowed } = mapColumns(columns, overrides);
  return columns.map((column, i) => {
    const field = (Object.keys(index) as SignatoryField[]).find((f) => index[f] === i);
    const lost = shadowed.find((s) => s.column === column);
    return field ? { column, field } : lost ? { column, shadowedBy: lost.by } : { column };
  });
}
