/**
 * Characters XML 1.0 cannot carry at all: C0 controls other than tab, line feed and
 * carriage return, unpaired surrogates, and U+FFFE/U+FFFF. Word refuses a file that
 * holds one, and in HTML or Markdown they make a text file "binary" to mail and git.
 */
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlSafe(value: string): string {
  return value.replace(XML_INVALID, "");
}

/**
 * Invisible characters that change how text reads without showing themselves: bidi
 * embeddings, overrides and isolates (U+202E turns "gnirts" around, a spoofing trick in
 * a list of names), directional marks, zero-width space, word joiner and invisible
 * operators, BOM. A letter to a health authority has no use for them, and PDF text layers
 * lose or reorder letters around them, so they are removed along with the XML-invalid ones.
 * U+200C and U+200D (zero-width non-joiner and joiner) are kept: they are part of the
 * spelling of Persian, Kurdish and Sinhala names («محمدی‌نژاد») and of emoji sequences.
 */
const INVISIBLE = /[\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** The text every renderer gets: nothing XML cannot hold, nothing invisible that reorders or hides. */
export function cleanText(value: string): string {
  return value.replace(XML_INVALID, "").replace(INVISIBLE, "");
}

/**
 * Cleans every string of a plain data tree, in place, so that
 * every renderer gets the same clean text. Positions hold only numbers and are skipped.
 */
export function cleanStrings<T>(value: T): T {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = typeof value[i] === "string" ? cleanText(value[i]) : cleanStrings(value[i]);
  } else if (value !== null && typeof value === "object") {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (key === "position") continue;
      const field = record[key];
      record[key] = typeof field === "string" ? cleanText(field) : cleanStrings(field);
    }
  }
  return value;
}
