/**
 * CSV, TSV and text exports as Norwegian spreadsheets and form tools write
 * them: UTF-8 with or without BOM, UTF-16 ("Unicode text" from Excel) or
 * Windows-1252, separated by comma, semicolon or tab, quoted fields that may
 * hold newlines and doubled quotes.
 *
 * A hand-written parser rather than csv-parse: csv-parse took 8–10 s for a
 * million rows here, this one about 0.4 s, and the format is small.
 */
import { isUtf8 } from "node:buffer";
import type { HeaderSink, RowSink } from "./types.js";

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * Windows-1252 differs from Latin-1 only in 0x80–0x9F (€, „, “, –, Š, …); its five
 * unassigned bytes become U+FFFD. Written out, as iconv-lite decodes them: importing
 * iconv-lite for this table cost every build ~20 ms (test/signatories/decode.test.ts compares).
 */
export const CP1252_HIGH =
  "\u20ac\ufffd\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\ufffd\u017d\ufffd" +
  "\ufffd\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\ufffd\u017e\u0178";

export function decode(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.toString("utf8", 3);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.toString("utf16le", 2);
  // Big-endian UTF-16: swapped into little-endian, a trailing odd byte dropped (as iconv-lite does).
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(bytes.subarray(2, 2 + ((bytes.length - 2) & ~1))).swap16().toString("utf16le");
  if (isUtf8(bytes)) return bytes.toString("utf8");
  // Bytes that are not valid UTF-8 are what Norwegian Excel writes: Windows-1252. Node's
  // native Latin-1 decoder plus the 32 differing characters is several times faster than iconv.
  return bytes.toString("latin1").replace(/[\x80-\x9f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]);
}

/** The separator that occurs most often in the header line outside quotes; comma when none does. */
export function detectDelimiter(text: string): string {
  const counts = new Map([[",", 0], [";", 0], ["\t", 0]]);
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === "\n" || c === "\r")) break;
    else if (!quoted && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let best = ",";
  for (const [delimiter, count] of counts) if (count > counts.get(best)!) best = delimiter;
  return best;
}

/** Calls `onRecord(cells, line)` for each record; `line` is the physical line it starts on. */
export function parseDelimited(text: string, delimiter: string, onRecord: (cells: string[], line: number) => void): void {
  const D = delimiter.charCodeAt(0);
  const n = text.length;
  let i = 0;
  let line = 1;
  let recordLine = 1;
  let cells: string[] = [];
  while (i < n || cells.length) {
    let end = i;
    let c = 0;
    let value: string;
    if (text.charCodeAt(i) === QUOTE) {
      // Quoted: doubled quotes are one quote; anything up to the closing quote is data.
      value = "";
      let from = i + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q < 0) {
          value += text.slice(from);
          end = n;
          break;
        }
        value += text.slice(from, q);
        if (text.charCodeAt(q + 1) === QUOTE) {
          value += '"';
          from = q + 2;
          continue;
        }
        end = q + 1;
        break;
      }
      for (let k = value.indexOf("\n"); k >= 0; k = value.indexOf("\n", k + 1)) line++;
      // Text after the closing quote (`"a"b`) is kept rather than rejected, as spreadsheets do.
      const after = end;
      while (end < n && (c = text.charCodeAt(end)) !== D && c !== LF && c !== CR) end++;
      if (end > after) value += text.slice(after, end);
    } else {
      while (end < n && (c = text.charCodeAt(end)) !== D && c !== LF && c !== CR) end++;
      value = text.slice(i, end);
    }
    cells.push(value);
    i = end + 1;
    if (end < n && c === D) continue;
    if (c === CR && text.charCodeAt(i) === LF) i++;
    onRecord(cells, recordLine);
    cells = [];
    recordLine = ++line;
  }
}

const SEP_HINT = /^sep=(.)\r?\n/i;

// Module-level rather than an arrow in the loop: no closure per row.
const hasText = (cell: string) => cell !== "";

export function readDelimited(bytes: Buffer, sink: RowSink, onHeader?: HeaderSink): void {
  let text = decode(bytes);
  // Excel's "sep=;" first line names the separator and is not the header.
  const hint = SEP_HINT.exec(text);
  const delimiter = hint ? hint[1] : detectDelimiter(text);
  const lineOffset = hint ? 1 : 0;
  if (hint) text = text.slice(hint[0].length);
  let columns: string[] | undefined;
  parseDelimited(text, delimiter, (cells, line) => {
    if (!columns) {
      columns = cells;
      onHeader?.(columns);
    }
    // Spreadsheets pad a list with rows of empty cells (";;;;"); they are not signatories.
    else if (cells.some(hasText)) sink({ line: line + lineOffset, columns, cells });
  });
}
