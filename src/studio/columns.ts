import { mapColumns, SIGNATORY_FIELDS, type SignatoryField } from "../signatories/columns.js";
import { readRows } from "../signatories/readers/index.js";

export interface ColumnGuess {
  header: string;
  /** The field opprop reads the column as, or undefined when it keeps it unprinted. */
  guess?: SignatoryField;
  /** The first few values, so that the person mapping sees what the column holds. */
  samples: string[];
}

export { SIGNATORY_FIELDS };

/** The columns of a signatory file with opprop's reading of each, as `signatories` would merge it. */
export async function guessColumns(file: string): Promise<ColumnGuess[]> {
  let columns: readonly string[] = [];
  const samples: string[][] = [];
  await readRows(file, (row) => {
    columns = row.columns;
    row.cells.forEach((cell, i) => {
      const seen = (samples[i] ??= []);
      if (cell.trim() && seen.length < 3 && !seen.includes(cell)) seen.push(cell);
    });
  });
  const { index } = mapColumns(columns);
  return columns.map((header, i) => ({ header, guess: SIGNATORY_FIELDS.find((field) => index[field] === i), samples: samples[i] ?? [] }));
}
