import { strFromU8, unzipSync } from "fflate";
import type { Root as HastRoot } from "hast";
import { fromHtml } from "hast-util-from-html";
import mammoth from "mammoth";

export interface DocxContent {
  /** The body as HTML elements (h1…h6, p, ol/ul, table, a, sup…), footnotes last. */
  tree: HastRoot;
  /** What the conversion could not keep, each with the section it stood in. */
  losses: string[];
}

/**
 * Word → HTML with mammoth (headings by style name, lists, tables, links,
 * footnotes), then HTML → hast. Images are not carried over: they are replaced by
 * nothing here and named in `losses`, with everything else mammoth leaves out.
 */
export async function readDocx(buffer: Buffer): Promise<DocxContent> {
  const result = await mammoth.convertToHtml({ buffer }, { convertImage: mammoth.images.imgElement(async () => ({ src: "" })) });
  const tree = fromHtml(result.value, { fragment: true });
  const losses = [...scanLosses(buffer), ...result.messages.map((m) => m.message)];
  return { tree, losses };
}

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
  const counts = new Map<string, number>();
  let section = "(before the first heading)";
  for (const paragraph of xml.match(/<w:p[\s>][\s\S]*?<\/w:p>/g) ?? []) {
    const style = /<w:pStyle w:val="([^"]*)"/.exec(paragraph)?.[1] ?? "";
    if (/^(heading|overskrift|title|tittel)/i.test(style)) section = `«${textOf(paragraph)}»`;
    for (const { pattern, describe } of LOSSES) {
      const n = paragraph.match(pattern)?.length ?? 0;
      if (!n) continue;
      const key = `${describe.name}\u0000${section}`;
      counts.set(key, (counts.get(key) ?? 0) + n);
      counts.set(`${LOSSES.indexOf(LOSSES.find((l) => l.pattern === pattern)!)}\u0000${section}`, (counts.get(`${LOSSES.findIndex((l) => l.pattern === pattern)}\u0000${section}`) ?? 0));
    }
  }
  const losses: string[] = [];
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
