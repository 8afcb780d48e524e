import { strFromU8, unzipSync } from "fflate";
import type { Root as HastRoot } from "hast";
import { fromHtml } from "hast-util-from-html";
import mammoth from "mammoth";
import { t } from "../i18n/catalogue.js";

export interface DocxContent {
  /** The body as HTML elements (h1…h6, p, ol/ul, table, a, sup…), footnotes last. */
  tree: HastRoot;
  /** What the conversion could not keep, each with the section it stood in; one message per kind. */
  losses: string[];
  /** How many images the file holds (none of them is imported). */
  images: number;
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
  const { losses, images } = scanLosses(buffer);
  return { tree, losses: [...losses, ...groupMessages(result.messages.map((m) => m.message))], images, title: titleProperty(buffer) };
}

const UNKNOWN_STYLE = /^Unrecognised (paragraph|run|table) style: '(.*)' \(Style ID: (.*)\)$/;
const UNDEFINED_STYLE = /^(?:Paragraph|Run|Table) style with ID (.*) was referenced but not defined in the document$/;

/**
 * Word's own styles for ordinary text: read as plain paragraphs, which is what they are, so no
 * warning. (Not in the style map: a mapping would stop numbered List Paragraphs becoming lists.)
 */
const PLAIN_TEXT_STYLES = new Set(["List Paragraph", "No Spacing", "Body Text", "Normal (Web)"]);

/**
 * Mammoth warns once per style and occurrence, in its own words: one message per
 * kind instead ("Word styles opprop does not know, read as plain text: 'Body Text', 'Compact'").
 */
function groupMessages(messages: string[]): string[] {
  const unknown = new Set<string>();
  const undefinedStyles = new Set<string>();
  const other = new Map<string, number>();
  for (const message of messages) {
    const style = UNKNOWN_STYLE.exec(message);
    const missing = UNDEFINED_STYLE.exec(message);
    // A style named 'null' is one the file references without defining: reported with those.
    if (style && PLAIN_TEXT_STYLES.has(style[2])) continue;
    if (style) (style[2] === "null" ? undefinedStyles.add(style[3]) : unknown.add(`'${style[2]}'`));
    else if (missing) undefinedStyles.add(missing[1]);
    else other.set(message, (other.get(message) ?? 0) + 1);
  }
  return [
    ...(unknown.size ? [t("import.unknownStyles", { styles: [...unknown].join(", ") })] : []),
    ...(undefinedStyles.size ? [t("import.undefinedStyles", { styles: [...undefinedStyles].join(", ") })] : []),
    ...[...other].map(([message, n]) => t("import.converter", { message, n })),
  ];
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
const LOSSES: { pattern: RegExp; key: "import.images" | "import.comments" | "import.insertions" | "import.deletions" }[] = [
  { pattern: /<w:drawing[\s>]|<w:pict[\s>]|<w:object[\s>]/g, key: "import.images" },
  { pattern: /<w:commentReference[\s/>]/g, key: "import.comments" },
  { pattern: /<w:ins[\s>]/g, key: "import.insertions" },
  { pattern: /<w:del[\s>]/g, key: "import.deletions" },
];

/**
 * Reads word/document.xml paragraph by paragraph, remembering the last heading,
 * so a warning can say where the image or comment was ("in section «Fakta»").
 */
function scanLosses(buffer: Buffer): { losses: string[]; images: number } {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(new Uint8Array(buffer), { filter: (f) => f.name === "word/document.xml" || /^word\/(header|footer)\d*\.xml$/.test(f.name) });
  } catch {
    return { losses: [], images: 0 };
  }
  const xml = files["word/document.xml"] ? strFromU8(files["word/document.xml"]) : "";
  // Aggregated per kind and section, in reading order: "2 images not imported (in section «Fakta»)".
  const found = new Map<string, { loss: (typeof LOSSES)[number]; section: string; n: number }>();
  let section = t("import.beforeFirstHeading");
  let images = 0;
  for (const paragraph of xml.match(/<w:p[\s>][\s\S]*?<\/w:p>/g) ?? []) {
    const style = /<w:pStyle w:val="([^"]*)"/.exec(paragraph)?.[1] ?? "";
    if (/^(heading|overskrift|title|tittel)/i.test(style)) section = t("import.inSection", { title: textOf(paragraph) });
    LOSSES.forEach((loss, index) => {
      const n = paragraph.match(loss.pattern)?.length ?? 0;
      if (!n) return;
      if (loss.key === "import.images") images += n;
      const key = `${index}\u0000${section}`;
      const entry = found.get(key) ?? { loss, section, n: 0 };
      entry.n += n;
      found.set(key, entry);
    });
  }
  const losses = [...found.values()].map(({ loss, section, n }) => t(loss.key, { n, where: section }));
  const letterIds = new Set<string>(LETTER_STYLES.map(([id]) => id));
  const letterParts = [...xml.matchAll(/<w:pStyle w:val="([^"]*)"/g)].filter((m) => letterIds.has(m[1])).length;
  if (letterParts) losses.push(t("import.letterParts", { n: letterParts }));
  const hasHeaderText = Object.entries(files).some(([name, data]) => name !== "word/document.xml" && textOf(strFromU8(data)).trim());
  if (hasHeaderText) losses.push(t("import.headerFooter"));
  return { losses, images };
}

function textOf(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decodeXml(m[1])).join("");
}

function decodeXml(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos);/g, (_, name: string) => ({ lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" })[name]!);
}
