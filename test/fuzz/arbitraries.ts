/**
 * Shared fast-check settings and generators. `npm test` runs few cases per
 * property (FUZZ_RUNS, default 100); `npm run fuzz` runs 10,000. Renderers that
 * start an engine (docx, pdf) get a hundredth of that, at least 5.
 * A failure prints its seed; rerun it with FUZZ_SEED=<seed>.
 */
import fc from "fast-check";
import { HOSTILE } from "../fixtures/hostile/corpus.js";

export const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
export const HEAVY_RUNS = Math.max(5, Math.round(RUNS / 100));

export function fuzzOptions(numRuns = RUNS): fc.Parameters<unknown> {
  const seed = process.env.FUZZ_SEED;
  return { numRuns, ...(seed ? { seed: Number(seed) } : {}) };
}

/** A vitest timeout for `runs` cases of about `msPerCase` each; never below the config's 120 s. */
export const timeoutFor = (runs: number, msPerCase: number) => Math.max(120_000, runs * msPerCase * 3);

/** Tokens that mean something to one of the parsers or output formats. */
const TOKENS = [
  "{{", "}}", "{{>", "{{x}}", "{{{x}}}", "{{#if x}}", "{{/if}}", "{{!", "{{else}}", "[@", "[@s1]", "[@nope]", "]", "[", "[^", "[^1]", "[^1]: ",
  "#", "# ", "## ", "*", "**", "_", "`", "```", "~~~", "~~", "<", ">", "> ", "&", "&amp;", "&#0;", "<!--", "-->", "<script>", "<b>", "\\", "|", "| a | b |\n|---|---|\n",
  "-", "- ", "---", "***", "1. ", "2) ", "+ ", "    ", " ", "\n", "\n\n", "\t", "\r", "\r\n", '"', "'", ",", ";", ":", ": ", "=", "+", "@", "%", "$", "$$", "#set", "#read(",
  "!", "?", "&&", "ja", "nei", "yes", "organisation", "person", "974760673", "123456789", "2026-11-22", "22.11.2026 10:15",
  "æøå", "ÆØÅ", "é", "e\u0301", "\u0000", "\u0001", "\u001f", "\u007f", "\u0085", "\u00a0", "\u200b", "\u200e", "\u202e", "\u2028", "\ufeff", "\ufffe", "\ud800", "\udc00", "😀",
  ...HOSTILE.filter((e) => e.text.length < 200).map((e) => e.text),
];

/** Text mixing parser tokens with random characters: the shape most likely to find escaping bugs. */
export const nastyText = (maxPieces = 8): fc.Arbitrary<string> =>
  fc
    .array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...TOKENS) }, fc.string({ unit: "binary", maxLength: 6 }), fc.string({ unit: "grapheme-ascii", maxLength: 10 })), { maxLength: maxPieces })
    .map((pieces) => pieces.join(""));

/** Text a reader can see: something besides whitespace and characters dropped on the way. */
export const visibleText = (maxPieces = 6) => nastyText(maxPieces).filter((s) => /[\p{L}\p{N}\p{P}\p{S}]/u.test(s));

/** Markdown bodies: lines built from tokens, includes (good, missing, cyclic, traversing) and plain text. */
export const markdownBody = (includes: readonly string[]): fc.Arbitrary<string> =>
  fc
    .array(
      fc.oneof(
        { weight: 4, arbitrary: nastyText(6) },
        { weight: 2, arbitrary: fc.constantFrom(...includes).map((id) => `{{> ${id}}}`) },
        { weight: 1, arbitrary: fc.constantFrom(...includes).map((id) => `1. {{> ${id}}}`) },
        { weight: 1, arbitrary: fc.constantFrom("{{x}}", "{{y.z}}", "{{missing}}", "[@s1]", "[@s2]", "[^n]", "[^n]: Fotnote [^m]", "[^m]: Fotnote {{x}}", "| a | {{x}} |\n|---|---|\n| [@s1] | b |") },
      ),
      { maxLength: 10 },
    )
    .chain((lines) => fc.constantFrom("\n", "\n\n", "\r\n", " ").map((sep) => lines.join(sep) + "\n"));
