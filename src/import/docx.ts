import { strFromU8, unzipSync } from "fflate";
import type { Root as HastRoot } from "hast";
import { fromHtml } from "hast-util-from-html";
import mammoth from "mammoth";

export interface DocxContent {
  /** The body as HTML elements (h1…h6, p, ol/ul, table, a, sup…), footnotes last. */
  tree: HastRoot;
  /** What the conversion could not keep, each with the section it stood in. */
  losses: string[];
  /** The title property (File › Properties), when the file has one. */
  title?: string;
}

/**
 * Word → HTML with mammoth (headings by style name, lists, tables, links,
 * footnotes), then HTML → hast. Images are not carried over: they are replaced by
 * nothing here and named in `losses`, with everything else mammoth leaves out.
 */
export async function readDocx(buffer: Buffer): Promise<DocxContent> {
  const result = await mammoth.convertToHtml({ buffer }, { styleMap: STYLE_MAP, convertImage: mammoth.images.imgElement(async () => ({ src: "" })) });
  const tree = fromHtml(result.value, { fragment: true });
  const losses = [...scanLosses(buffer), ...result.messages.map((m) => m.message)];
  return { tree, losses, title: titleProperty(buffer) };
}

/** `dc:title` of docProps/core.xml; Word leaves it empty unless someone set it. */
function titleProperty(buffer: Buffer): string | undefined {
  try {
    const core = unzipSync(new Uint8Array(buffer), { filter: (f) => f.name === "docProps/core.xml" })["docProps/core.xml"];
    const title = core && /<dc:title>([^<]*)<\/dc:title>/.exec(strFromU8(core))?.[1];
    return title ? decodeXml(title).replace(/\s+/g, " ").trim() || undefined : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The letter parts of a DOCX that opprop built (src/render/docx/styles.ts): the template
 * and frontmatter make them again, so they are no block text. The title is a heading.
 */
const LETTER_STYLES = [
  ["Letterhead", "Letterhead"],
  ["Recipient", "Recipient"],
  ["ReferenceLine", "Reference Line"],
  ["Consultation", "Consultation Info"],
  ["DocumentLabel", "Document Label"],
  ["Closing", "Closing"],
  ["Signature", "Signature"],
  ["Signatory", "Signatory"],
  ["SignatoryCompact", "Signatory List"],
] as const;

const STYLE_MAP = [
  // The class tells a Title-styled paragraph (the document's title) from a first Heading 1.
  "p[style-name='Title'] => h1.title:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Bibliography'] => p:fresh",
  "p[style-name='Table Text'] => p:fresh",
  "p[style-name='Table Heading'] => p:fresh",
  "p[style-name='List Continue'] => p:fresh",
  "r[style-name='Strong'] => strong",
  "r[style-name='Emphasis'] => em",
  "r[style-name='HTML Code'] => code",
  ...LETTER_STYLES.map(([, name]) => `p[style-name='${name}'] => !`),
];

/** What a paragraph of document.xml holds that mammoth drops or changes silently. */
const LOSSES: { pattern: RegExp; describe: (n: number) => string }[] = [
  { pattern: /<w:drawing[\s>]|<w:pict[\s>]|<w:object[\s>]/g, describe: (n) => `${plural(n, "image")} not imported` },
  { pattern: /<w:commentReference[\s/>]/g, describe: (n) => `${plural(n, "comment")} not imported` },
  { pattern: /<w:ins[\s>]/g, describe: (n) => `${plural(n, "tracked insertion")} imported as accepted` },
  { pattern: /<w:del[\s>]/g, describe: (n) => `${plural(n, "tracked deletion")} left out` },
];

/**
 * Reads word/document.xml paragraph by paragraph, remembering the last heading,
 * so a warning can say where the image or comment was ("in section «Fakta»").
 */
function scanLosses(buffer: Buffer): string[] {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(new Uint8Array(buffer), { filter: (f) => f.name === "word/document.xml" || /^word\/(header|footer)\d*\.xml$/.test(f.name) });
  } catch {
    return [];
  }
  const xml = files["word/document.xml"] ? strFromU8(files["word/document.xml"]) : "";
  // Aggregated per kind and section, in reading order: "2 images not imported (in section «Fakta»)".
  const found = new Map<string, { loss: (typeof LOSSES)[number]; section: string; n: number }>();
  let section = "before the first heading";
  for (const paragraph of xml.match(/<w:p[\s>][\s\S]*?<\/w:p>/g) ?? []) {
    const style = /<w:pStyle w:val="([^"]*)"/.exec(paragraph)?.[1] ?? "";
    if (/^(heading|overskrift|title|tittel)/i.test(style)) section = `in section «${textOf(paragraph)}»`;
    LOSSES.forEach((loss, index) => {
      const n = paragraph.match(loss.pattern)?.length ?? 0;
      if (!n) return;
      const key = `${index}\u0000${section}`;
      const entry = found.get(key) ?? { loss, section, n: 0 };
      entry.n += n;
      found.set(key, entry);
    });
  }
  const losses = [...found.values()].map(({ loss, section, n }) => `${loss.describe(n)} (${section})`);
  const letterIds = new Set<string>(LETTER_STYLES.map(([id]) => id));
  const letterParts = [...xml.matchAll(/<w:pStyle w:val="([^"]*)"/g)].filter((m) => letterIds.has(m[1])).length;
  if (letterParts) losses.push(`${plural(letterParts, "paragraph")} of letter parts (letterhead, recipients, references, closing, signatures, signatories) left out: the template and the frontmatter make them`);
  const hasHeaderText = Object.entries(files).some(([name, data]) => name !== "word/document.xml" && textOf(strFromU8(data)).trim());
  if (hasHeaderText) losses.push("page header and footer text not imported");
  return losses;
}

function textOf(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decodeXml(m[1])).join("");
}

function decodeXml(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos);/g, (_, name: string) => ({ lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" })[name]!);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
