/**
 * Text normalisation shared by every reader and the sign-on form: what two
 * spellings of the same name must have in common before they are compared.
 */

// Most cells are plain Latin-1 without stray spaces; those are already NFC and
// clean, and skipping `normalize` for them is what keeps a million rows fast.
const NEEDS_WORK = /[^\x20-\x7e\u00a1-\u00ff]|^ | $| {2}/;
const WHITESPACE = /\s+/g;
// C0/C1 controls, zero-width space, word joiner and BOM left after whitespace is collapsed;
// zero-width (non-)joiners are spelling (Persian, Sinhala, emoji) and stay.
const INVISIBLE = /[\x00-\x1f\x7f-\x9f\u200b\u2060\ufeff]/g;

/** NFC, whitespace collapsed to single spaces, trimmed, controls removed. */
export function cleanText(value: string): string {
  if (!NEEDS_WORK.test(value)) return value;
  return value.normalize("NFC").replace(WHITESPACE, " ").replace(INVISIBLE, "").trim();
}

/** The form two cleaned values are compared in: case does not make another signatory. */
export function foldCase(value: string): string {
  return value.toLowerCase();
}

export type Interner = (value: string | undefined) => string | undefined;

/**
 * One string object per distinct value. Places, organisations, roles,
 * versions and signing dates repeat down a list, and in a million-row merge every separate copy
 * is an object the garbage collector must move. Bounded: a column of unique
 * values would otherwise only fill it.
 */
export function interner(limit = 10_000): Interner {
  let seen = new Map<string, string>();
  return (value) => {
    if (value === undefined) return undefined;
    const known = seen.get(value);
    if (known !== undefined) return known;
    if (seen.size >= limit) seen = new Map();
    seen.set(value, value);
    return value;
  };
}
