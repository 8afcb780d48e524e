/** Excel workbooks and Microsoft Forms exports: the first sheet, header in its first non-empty row. */
import ExcelJS from "exceljs";
import { UnreadableFile, cellText, type HeaderSink, type RowSink } from "./types.js";

/** The text a cell shows: rich text joined, a link's text, a formula's result, no error codes. */
function xlsxText(value: ExcelJS.CellValue): string {
  if (value && typeof value === "object" && !(value instanceof Date)) {
    if ("richText" in value) return value.richText.map((part) => part.text).join("");
    if ("hyperlink" in value) return xlsxText(value.text as ExcelJS.CellValue);
    if ("formula" in value || "sharedFormula" in value) return xlsxText(value.result as ExcelJS.CellValue);
    if ("error" in value) return "";
  }
  return cellText(value);
}

export async function readXlsx(bytes: Buffer, sink: RowSink, onHeader?: HeaderSink): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new UnreadableFile(`not a readable .xlsx workbook (${(error as Error).message})`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return;
  let columns: string[] | undefined;
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    for (let i = 1; i <= row.cellCount; i++) cells.push(xlsxText(row.getCell(i).value));
    if (!columns) {
      columns = cells;
      onHeader?.(columns);
    } else if (cells.some((cell) => cell.trim() !== "")) sink({ line, columns, cells });
  });
}
