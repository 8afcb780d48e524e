import { existsSync } from "node:fs";
import type { AssembledDocument } from "../../assemble/types.js";
import { t } from "../../i18n/catalogue.js";
import { languageTag } from "../../i18n/index.js";
import { compactParagraphs, describeSignatory, ONE_PER_LINE_UP_TO, personsInOrder } from "../../signatories/describe.js";
import type { Signatory } from "../../signatories/types.js";
import type { RenderOptions } from "../types.js";
import { consultationLines, referenceFields, sourceText } from "../letter-parts.js";
import { declaredFamilyFor, SANS_FALLBACK, textChain, type DeclaredFamily } from "./fonts.js";
import { logoOf } from "./logo.js";
import { bodyToPdfTree } from "./tree.js";

/** The chain of families text is set in: the template's font as a declared family (or the sans fallback, with a warning) first. */
export function fontsOf(doc: AssembledDocument, options: RenderOptions): DeclaredFamily[] {
  const wanted = doc.template.style.font;
  let family = declaredFamilyFor(wanted);
  if (!family) {
    family = SANS_FALLBACK;
    options.reporter.warn(doc.file, undefined, t("render.fontUnknown", { font: wanted, template: doc.template.name, fallback: family }), "pdf-font");
  }
  const chain = textChain(family);
  if (!existsSync(chain[0].files[0])) options.reporter.warn(doc.file, undefined, t("render.fontNotInstalled", { family, debian: chain[0].debian }), "pdf-font");
  return chain;
}

/**
 * Reference values up to this long sit side by side under their labels, as on DOCX's
 * reference line; a longer one would make a row taller than a page, whose cells Typst
 * then breaks page by page, interleaving their text, so the fields go one per row.
 */
const REF_ACROSS_UP_TO = 30;

/** Page numbers are only known inside Typst; the label travels with these stand-ins. */
export const PAGE = "\u{E000}";
export const PAGES = "\u{E001}";

/**
 * Typst lays out its page runs (the stretches between explicit page breaks) in parallel,
 * one per core; as one run, 100,000 names keep a single core busy for seconds. So running
 * text is cut into parts of at least this many names, and each part begins on a new page
 * where the initial letter changes, so that the break reads as the start of a section.
 */
const NAMES_PER_PART = 10_000;

/**
 * Initials compare as the list is sorted: Norwegian, whatever the document's language.
 * Made on first use, as Intl objects cost 15–25 ms to make and most letters never need them.
 */
let letters: Intl.Collator | undefined;
const initialOf = (line: string) => String.fromCodePoint(line.codePointAt(0) ?? 0);
const sameInitial = (a: string, b: string) => (letters ??= new Intl.Collator("nb", { sensitivity: "base" })).compare(initialOf(a), initialOf(b)) === 0;

/** A long name list as parts (each to start on a new page) of paragraphs of names. */
function compactParts(lines: string[]): string[][] {
  const parts: string[][] = [[]];
  lines.forEach((line, i) => {
    const part = parts[parts.length - 1];
    if (part.length >= NAMES_PER_PART && !sameInitial(line, lines[i - 1])) parts.push([line]);
    else part.push(line);
  });
  return parts.map(compactParagraphs);
}

/** Up to ONE_PER_LINE_UP_TO names a group is one paragraph per signatory; a longer one is running text, as in DOCX. */
function nameList(heading: string, signatories: readonly Signatory[]) {
  const lines = signatories.map(describeSignatory);
  return lines.length <= ONE_PER_LINE_UP_TO ? { heading, lines } : { heading, parts: compactParts(lines) };
}

/**
 * A run of more non-space characters than this is no word (Norwegian compounds reach
 * about 35 letters) but a pasted token, a URL in running text, or a hostile value.
 */
const LONGEST_WORD = 40;
/** Whole runs only (the look-behind spares re-scanning every suffix of a word: 100,000 names take 10 ms, not 50). */
const LONG_RUN = new RegExp(`(?<!\\S)\\S{${LONGEST_WORD + 1},}`, "g");
/**
 * False when no stretch between two plain spaces is longer than a word: then no run of
 * non-space characters is either, and LONG_RUN need not look (100,000 names: 6–15 ms
 * instead of 30–40).
 */
function mayHaveLongRun(text: string): boolean {
  let start = 0;
  for (let space = text.indexOf(" "); space !== -1; space = text.indexOf(" ", start)) {
    if (space - start > LONGEST_WORD) return true;
    start = space + 1;
  }
  return text.length - start > LONGEST_WORD;
}
/** Break opportunities so frequent that a run wraps even in a signature column a third of the page wide. */
const BREAK_EVERY = 8;
const ZWSP = "\u200B";
/** Made on first use, as `letters` above. */
let graphemes: Intl.Segmenter | undefined;

/**
 * Typst has no overflow-wrap: a run it cannot break goes on past the margin and off the
 * page. So a long run gets a zero-width space every few characters (between whole
 * graphemes, so no accent or emoji is torn), which the template turns into a break
 * opportunity (t() in template.ts). Ordinary words are left alone and still hyphenate.
 */
function wrappable(text: string): string {
  if (!mayHaveLongRun(text)) return text;
  const segmenter = (graphemes ??= new Intl.Segmenter("nb", { granularity: "grapheme" }));
  return text.replace(LONG_RUN, (run) => Array.from(segmenter.segment(run), ({ segment }, i) => (i > 0 && i % BREAK_EVERY === 0 ? ZWSP : "") + segment).join(""));
}

/** Fields whose strings are not laid out as text: metadata, settings, link targets, labels, image bytes. */
const NOT_LAID_OUT = new Set(["document", "lang", "region", "style", "url", "id", "type", "logo"]);

/** Every laid-out string of the data made wrappable. */
function wrapLongRuns<T>(value: T): T {
  if (typeof value === "string") return wrappable(value) as T;
  if (Array.isArray(value)) return value.map(wrapLongRuns) as T;
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, NOT_LAID_OUT.has(key) ? v : wrapLongRuns(v)])) as T;
  return value;
}

/** Everything the Typst template shows, as plain JSON data. */
export async function documentData(doc: AssembledDocument, options: RenderOptions) {
  const { meta, labels, signatories, template } = doc;
  const showSignatories = template.signatories && signatories.total > 0;
  return wrapLongRuns({
    document: { title: meta.title, author: meta.from.map((s) => s.name) },
    lang: meta.lang,
    region: languageTag(meta.lang).split("-")[1],
    title: meta.title,
    style: { size: template.style.fontSize, headingColor: template.style.headingColor },
    letterhead: await Promise.all(
      meta.from.map(async (s) => ({ name: s.name, logo: await logoOf(doc, s, options), lines: [s.address, s.orgnr ? `${labels.orgnr} ${s.orgnr}` : undefined].filter(Boolean) })),
    ),
    to: { label: labels.to, recipients: meta.to.map((r) => ({ name: r.name, address: r.address ?? null })) },
    refs: { fields: referenceFields(doc), across: referenceFields(doc).every(([, value]) => value.length <= REF_ACROSS_UP_TO) },
    consultation: consultationLines(doc).map((line) => ({ label: line.label ?? null, value: line.value, url: line.url ?? null })),
    label: template.label[meta.lang] ?? null,
    body: bodyToPdfTree(doc, options),
    closing: template.closing ? { text: labels.closing, senders: meta.from.map((s) => s.name), signature: meta.signature.map((s) => ({ name: s.name, role: s.role ?? null })) } : null,
    signatories: showSignatories
      ? {
          heading: labels.signatories,
          organisations: signatories.organisations.length ? nameList(labels.organisations, signatories.organisations) : null,
          persons: signatories.persons.length || signatories.hiddenPersons ? nameList(labels.persons, personsInOrder(signatories.persons, meta.personOrder)) : null,
          hidden: signatories.hiddenPersons ? labels.hiddenPersons(signatories.hiddenPersons) : null,
        }
      : null,
    sources: doc.sources.length
      ? { heading: labels.sources, items: doc.sources.map((s) => ({ number: s.number, text: sourceText(doc, s), url: s.url ?? null })) }
      : null,
    footer: { pageOf: labels.pageOf(PAGE, PAGES), version: `${labels.version} ${doc.fingerprint}` },
  });
}
