import { TextRun, type IRunOptions } from "docx";
import { xmlSafe } from "../../assemble/clean.js";
import { rtlPieces } from "../rtl.js";

export { xmlSafe } from "../../assemble/clean.js";

/**
 * A hyperlink's address as a relationship target, which OPC wants to be a URI: spaces and
 * other raw characters are percent-encoded (normalised by URL when the address is
 * absolute), so no reader of the package has to guess.
 */
export function linkTarget(url: string): string {
  const cleaned = xmlSafe(url).trim();
  try {
    return new URL(cleaned).href;
  } catch {
    return encodeURI(cleaned);
  }
}

/** A source-list entry's bookmark name: Word allows letters, digits and underscores. */
export const sourceBookmark = (number: number): string => `source_${number}`;

export type RunStyle = Omit<IRunOptions, "text" | "children" | "break">;

/**
 * Text as docx runs: the one way text enters the document. The string is data
 * (docx escapes it); a line feed in data, such as a multi-line address, becomes a
 * line break rather than a character Word would show as a space.
 */
export function textRuns(value: string, style: RunStyle = {}): TextRun[] {
  return xmlSafe(value)
    .split(/\r?\n/)
    .flatMap((line, index) =>
      // A right-to-left stretch is its own run, marked w:rtl with its language (w:lang w:bidi), so Word orders and announces it right.
      rtlPieces(line).map((piece, i) =>
        new TextRun({ ...style, text: piece.text, break: index > 0 && i === 0 ? 1 : undefined, ...(piece.rtl ? { rightToLeft: true, language: { bidirectional: piece.rtl } } : {}) }),
      ),
    );
}
