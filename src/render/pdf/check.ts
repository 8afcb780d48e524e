import { existsSync } from "node:fs";
import type { AssembledDocument } from "../../assemble/types.js";
import { t } from "../../i18n/catalogue.js";
import type { RenderOptions } from "../types.js";
import { uncovered } from "./coverage.js";
import { PAGE, PAGES } from "./data.js";
import type { DeclaredFamily } from "./fonts.js";
import { shownText, type ShownText } from "./shown-text.js";

/** «ꙮ» (U+A66E): the character, and its code point for when it cannot be seen either. */
export const describeChars = (chars: Iterable<string>): string =>
  [...chars].map((c) => `«${c}» (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")})`).join(", ");

/**
 * Printable ASCII, Latin-1, dashes and quotes, which every declared text font has: text
 * made only of these (most names, with their " — place") is skipped fast.
 */
const COMMON = "\\x20-\\x7e\\u00a0-\\u00ff\\u2013\\u2014\\u2018\\u2019\\u201a\\u201c\\u201d\\u201e\\u2026";
const ONLY_COMMON = new RegExp(`^[${COMMON}\\n]*$`);
const COMMON_CHARS = new RegExp(`[${COMMON}]`);
/** Runs of code units, not /u characters: the regex engine scans megabytes of names 5–7 times as fast so. */
const UNCOMMON_RUNS = new RegExp(`[^${COMMON}\\n]+`, "g");

let common: string[] | undefined;
/** The common characters themselves (U+0020 … U+2026), made on first use. */
function commonChars(): string[] {
  common ??= Array.from({ length: 0x2026 - 0x20 + 1 }, (_, i) => String.fromCodePoint(0x20 + i)).filter((c) => COMMON_CHARS.test(c));
  return common;
}

/** The distinct characters of `text`, found by one scan for the uncommon ones; every common character is counted. */
export function charactersOf(text: string): Set<string> {
  const found = new Set(commonChars());
  // Both halves of a surrogate pair are uncommon, so a pair is never split between runs.
  for (const [run] of text.matchAll(UNCOMMON_RUNS)) for (const c of run) found.add(c);
  return found;
}

/**
 * How JSON.stringify writes a lone surrogate (which a JSON signatory file can hold): a
 * \u escape whose backslash is not itself escaped (a backslash the user typed is doubled).
 */
const LONE_SURROGATE = /(?<!\\)((?:\\\\)*)\\u(d[89a-f][0-9a-f]{2})/g;
/** JSON.stringify writes only those and control characters as \u escapes: most data has none. */
const mayHoldSurrogates = (json: string) => json.includes("\\u");

/**
 * The characters of the JSON data handed to Typst (data.ts): every text the PDF shows is
 * in it, so one scan of it serves the coverage check and the font set (compilers.ts).
 * A lone surrogate counts as itself, not as its escape.
 */
export function dataCharacters(json: string): Set<string> {
  const found = charactersOf(json);
  if (mayHoldSurrogates(json)) for (const [, , hex] of json.matchAll(LONE_SURROGATE)) found.add(String.fromCharCode(parseInt(hex, 16)));
  // The footer's stand-ins become page numbers in Typst.
  found.delete(PAGE);
  found.delete(PAGES);
  return found;
}

/**
 * Typst's JSON parser refuses a lone surrogate and would stop the PDF with its own words;
 * the coverage check has named it with its place, so Typst gets U+FFFD instead, and a
 * plain PDF is made with a box there, as for any character no font has.
 */
export const withoutLoneSurrogates = (json: string): string => (mayHoldSurrogates(json) ? json.replace(LONE_SURROGATE, "$1\\ufffd") : json);

/** The characters of every shown text, for `check`, which makes no data. */
export function shownCharacters(doc: AssembledDocument): Set<string> {
  const distinct = new Set(commonChars());
  for (const { text } of shownText(doc)) if (!ONLY_COMMON.test(text)) for (const c of text) distinct.add(c);
  return distinct;
}

/** Each shown text that holds one of `chars`, with those of its characters. */
export function placesOf(doc: AssembledDocument, matches: (char: string) => boolean): { place: ShownText; chars: Set<string> }[] {
  const found: { place: ShownText; chars: Set<string> }[] = [];
  for (const place of shownText(doc)) {
    if (ONLY_COMMON.test(place.text)) continue;
    const chars = new Set([...place.text].filter(matches));
    if (chars.size) found.push({ place, chars });
  }
  return found;
}

/**
 * Before Typst sees the document: every character of `chars` (those of the data, or of
 * the shown texts) that no font of the chain can show is reported where it was written
 * (a signatory's row, a block, a field). An archival or accessible PDF must not show a
 * box for a letter, so then it is an error and the PDF is not made; a plain PDF is made,
 * with a warning. The shown texts are only walked when a character is missing.
 */
export function checkCoverage(doc: AssembledDocument, options: RenderOptions, chain: readonly DeclaredFamily[], chars: ReadonlySet<string>): void {
  // The common characters are in `chars` too (charactersOf), so their coverage is checked as well.
  const missing = uncovered(chars, chain, existsSync);
  if (!missing.size) return;
  const places = placesOf(doc, (c) => missing.has(c));
  // The data also holds strings that are never laid out as text (a link's target): a
  // character only they hold has no place, and is no box in the PDF.
  if (!places.length) return;
  const strict = options.pdfStandard !== undefined;
  for (const { place, chars } of places) {
    const text = t("render.fontMissing", { chars: describeChars(chars), who: place.who });
    if (strict) options.reporter.error(place.file, place.position, text, "pdf-font-coverage");
    else options.reporter.warn(place.file, place.position, text, "pdf-font-coverage");
  }
  if (strict) throw new Error(t("render.fontMissingStop"));
}
