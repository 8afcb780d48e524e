/**
 * Right-to-left stretches of text (a Persian, Arabic, Urdu or Hebrew name in a Norwegian
 * letter), each with the language a reader should announce it in. DOCX marks them as
 * right-to-left runs, the PDF as spans with their language.
 */
const RTL_LETTER = "\\u0590-\\u05FF\\u0600-\\u06FF\\u0700-\\u074F\\u0750-\\u077F\\u0780-\\u07BF\\u08A0-\\u08FF\\uFB1D-\\uFDFF\\uFE70-\\uFEFF";
/** Letters, then more letters, joiners and marks, with spaces only between right-to-left words. */
const RTL_RUN = new RegExp(`[${RTL_LETTER}][${RTL_LETTER}\\u200C\\u200D]*(?:[ \\u00A0]+[${RTL_LETTER}][${RTL_LETTER}\\u200C\\u200D]*)*`, "g");
const HAS_RTL = new RegExp(`[${RTL_LETTER}]`);

/** The language of a right-to-left stretch, by letters only one language of its script uses. */
function languageOf(run: string): string {
  if (/[\u0590-\u05FF\uFB1D-\uFB4F]/.test(run)) return "he";
  if (/[\u0679\u0688\u0691\u06BA\u06BE\u06C1\u06D2]/.test(run)) return "ur";
  if (/[\u067E\u0686\u0698\u06AF\u06A9\u06CC\u200C]/.test(run)) return "fa";
  if (/[\u0700-\u074F]/.test(run)) return "syr";
  if (/[\u0780-\u07BF]/.test(run)) return "dv";
  return "ar";
}

export interface TextPiece {
  text: string;
  /** Set on a right-to-left stretch: its BCP 47 language. */
  rtl?: string;
}

export const hasRtl = (text: string): boolean => HAS_RTL.test(text);

/** The text cut into left-to-right and right-to-left pieces, in logical order. */
export function rtlPieces(text: string): TextPiece[] {
  if (!hasRtl(text)) return [{ text }];
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const match of text.matchAll(RTL_RUN)) {
    if (match.index > at) pieces.push({ text: text.slice(at, match.index) });
    pieces.push({ text: match[0], rtl: languageOf(match[0]) });
    at = match.index + match[0].length;
  }
  if (at < text.length) pieces.push({ text: text.slice(at) });
  return pieces;
}
