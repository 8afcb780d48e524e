import { BookmarkEnd, BookmarkStart, ExternalHyperlink, Footer, PageNumber, Paragraph, Tab, TextRun, type ParagraphChild } from "docx";
import type { AssembledDocument } from "../../assemble/types.js";
import { consultationLines, referenceFields, sourceText } from "../letter-parts.js";
import type { RenderOptions } from "../types.js";
import { bodyBlocks, type Block, type BodyContext } from "./body.js";
import { logoRun } from "./logo.js";
import { signatoryBlocks } from "./signatories.js";
import { headingStyle, STYLE } from "./styles.js";
import { linkTarget, sourceBookmark, textRuns } from "./text.js";

const tab = () => new TextRun({ children: [new Tab()] });
const strong = (text: string) => textRuns(text, { style: STYLE.strong });
const lineBreak = () => new TextRun({ break: 1 });
const paragraph = (style: string, children: ParagraphChild[]) => new Paragraph({ style, children });
/** Lines of one paragraph, separated by line breaks (an address block is one paragraph). */
const lines = (...parts: ParagraphChild[][]) => parts.flatMap((part, index) => (index ? [lineBreak(), ...part] : part));

/** The whole letter, in the order the HTML renderer shows it; the footer is separate. */
export async function letterBlocks(doc: AssembledDocument, ctx: BodyContext, options: RenderOptions): Promise<Block[]> {
  return [
    ...(await letterhead(doc, options)),
    ...recipients(doc),
    referenceLine(doc),
    ...consultation(doc),
    ...title(doc),
    ...bodyBlocks(ctx, doc.body.children),
    ...closing(doc),
    ...signatoryBlocks(doc),
    ...sourceList(doc),
  ];
}

async function letterhead(doc: AssembledDocument, options: RenderOptions): Promise<Paragraph[]> {
  const { labels } = doc;
  const blocks: Paragraph[] = [];
  for (const sender of doc.meta.from) {
    const logo = await logoRun(doc, sender, options);
    if (logo) blocks.push(paragraph(STYLE.letterhead, [logo]));
    const details = [sender.address, sender.orgnr && `${labels.orgnr} ${sender.orgnr}`].filter((value): value is string => Boolean(value));
    blocks.push(paragraph(STYLE.letterhead, lines(strong(sender.name), ...details.map((value) => textRuns(value)))));
  }
  return blocks;
}

function recipients(doc: AssembledDocument): Paragraph[] {
  return [
    paragraph(STYLE.recipient, strong(doc.labels.to)),
    ...doc.meta.to.map((r) => paragraph(STYLE.recipient, lines(textRuns(r.name), ...(r.address ? [textRuns(r.address)] : [])))),
  ];
}

/** "Deres ref. / Vår ref. / Dato" as Norwegian letters have it: labels over values, lined up by tab stops. */
function referenceLine(doc: AssembledDocument): Paragraph {
  const fields = referenceFields(doc);
  const row = (texts: string[], style?: string) => texts.flatMap((text, index) => [...(index ? [tab()] : []), ...textRuns(text, { style })]);
  return paragraph(STYLE.referenceLine, [...row(fields.map(([label]) => label), STYLE.strong), lineBreak(), ...row(fields.map(([, value]) => value))]);
}

function consultation(doc: AssembledDocument): Paragraph[] {
  return consultationLines(doc).map((line) => {
    const value = line.url ? [new ExternalHyperlink({ link: linkTarget(line.url), children: textRuns(line.value, { style: STYLE.hyperlink }) })] : textRuns(line.value);
    return paragraph(STYLE.consultation, [...(line.label ? strong(`${line.label}: `) : []), ...value]);
  });
}

function title(doc: AssembledDocument): Paragraph[] {
  const label = doc.template.label[doc.meta.lang];
  return [...(label ? [paragraph(STYLE.documentLabel, textRuns(label))] : []), paragraph(STYLE.title, textRuns(doc.meta.title))];
}

/** "Med vennlig hilsen", the sending organisations, and the people who sign for them. */
function closing(doc: AssembledDocument): Paragraph[] {
  if (!doc.template.closing) return [];
  const { meta, labels } = doc;
  return [
    paragraph(STYLE.closing, lines(textRuns(labels.closing), ...meta.from.map((sender) => strong(sender.name)))),
    ...meta.signature.map((person) => paragraph(STYLE.signature, lines(textRuns(person.name), ...(person.role ? [textRuns(person.role)] : [])))),
  ];
}

/** "Kilder": numbered as the citations in the text ("[n]") number them. */
function sourceList(doc: AssembledDocument): Paragraph[] {
  if (!doc.sources.length) return [];
  return [
    paragraph(headingStyle(2), textRuns(doc.labels.sources)),
    ...doc.sources.map((source) => {
      const text = sourceText(doc, source);
      const link = source.url ? [...textRuns(". "), new ExternalHyperlink({ link: linkTarget(source.url), children: textRuns(source.url, { style: STYLE.hyperlink }) })] : [];
      // docx numbers its Bookmark ids with a counter for the whole process; the source number keeps them the same in every render.
      const mark: ParagraphChild[] = [new BookmarkStart(sourceBookmark(source.number), source.number) as unknown as ParagraphChild, ...textRuns(`[${source.number}]`), new BookmarkEnd(source.number) as unknown as ParagraphChild];
      return paragraph(STYLE.bibliography, [...mark, tab(), ...textRuns(text), ...link]);
    }),
  ];
}

/** Marks where the label puts the page numbers; control characters can never come from a label's words. */
const PAGE_MARK = "\u0001";
const PAGES_MARK = "\u0002";

/** "Side X av Y" with real PAGE and NUMPAGES fields, and the version (fingerprint) at the right margin. */
export function footer(doc: AssembledDocument): Footer {
  const { labels } = doc;
  const pageOf = labels.pageOf(PAGE_MARK, PAGES_MARK).split(/([\u0001\u0002])/).filter(Boolean);
  // Each field gets a run of its own; literal text is always `text`, which docx never reads as a field name.
  const runs = pageOf.flatMap((part) => (part === PAGE_MARK ? [new TextRun({ children: [PageNumber.CURRENT] })] : part === PAGES_MARK ? [new TextRun({ children: [PageNumber.TOTAL_PAGES] })] : textRuns(part)));
  return new Footer({ children: [paragraph(STYLE.footer, [...runs, tab(), ...textRuns(`${labels.version} ${doc.fingerprint}`)])] });
}
