/**
 * What a reader of each output format sees, as plain text, by parsing the real
 * output the way a browser, a Markdown viewer, Word or a PDF viewer would. A value
 * that was pasted in as markup instead of text shows up here changed (or as a node
 * type that should not be there), so "the text contains the value" is the test
 * that data stayed data.
 */
import type { Element, Nodes as HastNodes } from "hast";
import { fromHtml } from "hast-util-from-html";
import type { Nodes as MdastNodes } from "mdast";
import { strFromU8, unzipSync } from "fflate";
import { SaxesParser } from "saxes";
import { parseMarkdown } from "../../src/parse/markdown.js";
import { XML_INVALID } from "../fixtures/hostile/corpus.js";

export interface Extracted {
  /** The visible text, one line per block (paragraph, list item, cell). */
  text: string;
  /** Things that must never come out of data: script elements, event handlers, raw HTML… */
  unsafe: string[];
}

const BLOCK_ELEMENTS = new Set(["p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "div", "section", "header", "footer", "br", "tr", "td", "th", "blockquote", "title"]);

export function htmlText(bytes: Uint8Array): Extracted {
  const tree = fromHtml(new TextDecoder().decode(bytes));
  const parts: string[] = [];
  const unsafe: string[] = [];
  const walk = (node: HastNodes) => {
    if (node.type === "text") parts.push(node.value);
    if (node.type !== "element" && node.type !== "root") return;
    if (node.type === "element") checkElement(node, unsafe);
    if (node.type === "element" && (node.tagName === "style" || node.tagName === "head")) return;
    const block = node.type === "element" && BLOCK_ELEMENTS.has(node.tagName);
    if (block) parts.push("\n");
    for (const child of node.children) walk(child as HastNodes);
    if (block) parts.push("\n");
  };
  walk(tree);
  return { text: parts.join(""), unsafe };
}

function checkElement(node: Element, unsafe: string[]): void {
  if (["script", "iframe", "object", "embed", "img", "svg", "form", "base"].includes(node.tagName)) unsafe.push(`<${node.tagName}>`);
  for (const [key, value] of Object.entries(node.properties ?? {})) {
    if (/^on/i.test(key)) unsafe.push(`${node.tagName}[${key}]`);
    if ((key === "href" || key === "src") && /^\s*(javascript|vbscript|data):/i.test(String(value))) unsafe.push(`${node.tagName}[${key}=${value}]`);
  }
}

/** Markdown node types that data can never produce: their presence means a value was read as Markdown. */
const MARKUP_FROM_DATA = new Set(["html", "image", "imageReference", "linkReference", "emphasis", "strong", "delete", "inlineCode", "code", "footnoteReference", "definition", "blockquote", "table", "thematicBreak", "math", "inlineMath"]);

/**
 * The Markdown output parsed back with the same parser opprop reads Markdown with.
 * `allowed` lists node types the document itself legitimately contains (e.g. its body's emphasis).
 */
export function markdownText(bytes: Uint8Array, allowed: readonly string[] = []): Extracted {
  const { tree } = parseMarkdown(new TextDecoder().decode(bytes));
  const parts: string[] = [];
  const unsafe: string[] = [];
  const walk = (node: MdastNodes) => {
    if (MARKUP_FROM_DATA.has(node.type) && !allowed.includes(node.type)) unsafe.push(node.type);
    if (node.type === "link" && /^\s*(javascript|vbscript|data):/i.test(node.url)) unsafe.push(`link ${node.url}`);
    if (node.type === "text" || node.type === "inlineCode" || node.type === "code" || node.type === "html") parts.push(node.value);
    if (node.type === "break") parts.push("\n");
    if ("children" in node) {
      for (const child of node.children) walk(child as MdastNodes);
      if (node.type === "paragraph" || node.type === "heading" || node.type === "tableCell") parts.push("\n");
    }
  };
  walk(tree);
  return { text: parts.join(""), unsafe };
}

/** Every XML part of the package, checked well-formed by a strict parser; text from w:t, w:tab, w:br. */
export function docxText(bytes: Uint8Array): Extracted & { parts: Record<string, string> } {
  const zip = unzipSync(bytes);
  const parts: Record<string, string> = {};
  const text: string[] = [];
  const unsafe: string[] = [];
  for (const [name, data] of Object.entries(zip)) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    const xml = strFromU8(data);
    parts[name] = xml;
    const parser = new SaxesParser({ xmlns: false });
    let inText = false;
    parser.on("error", (error) => {
      throw new Error(`${name} is not well-formed XML: ${error.message}`);
    });
    parser.on("opentag", (tag) => {
      if (tag.name === "w:t") inText = true;
      if (tag.name === "w:tab") text.push("\t");
      if (tag.name === "w:br" || tag.name === "w:cr") text.push("\n");
      if (tag.name === "w:altChunk") unsafe.push(`${name}: altChunk`);
    });
    parser.on("closetag", (tag) => {
      if (tag.name === "w:t") inText = false;
      if (tag.name === "w:p") text.push("\n");
    });
    parser.on("text", (value) => {
      if (inText) text.push(value);
    });
    parser.write(xml).close();
  }
  return { text: text.join(""), unsafe, parts };
}

/**
 * Baselines below this (points from the page's bottom edge) are page furniture: the footer
 * ("Side 1 av 3  Versjon …") sits in the 2.5 cm bottom margin, and would otherwise cut a
 * long name that runs on to the next page in two.
 */
const FOOTER_ZONE = 60;

/** The PDF's body text as pdf.js (Firefox's viewer) extracts it; throws when the file does not open. */
export async function pdfText(bytes: Uint8Array): Promise<Extracted & { pages: number }> {
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, verbosity: 0 }).promise;
  const text: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    for (const item of content.items) if ("str" in item && item.transform[5] >= FOOTER_ZONE) text.push(item.str + (item.hasEOL ? "\n" : ""));
    text.push("\n");
  }
  const unsafe: string[] = [];
  const raw = new TextDecoder("latin1").decode(bytes);
  // Typst writes neither; data must not be able to add them.
  for (const key of ["/JavaScript", "/JS ", "/Launch", "/EmbeddedFile"]) if (raw.includes(key)) unsafe.push(key);
  const pages = pdf.numPages;
  await pdf.destroy();
  return { text: text.join(""), unsafe, pages };
}

export function extract(format: string, bytes: Uint8Array, allowedMarkdown: readonly string[] = []): Promise<Extracted> {
  if (format === "html") return Promise.resolve(htmlText(bytes));
  if (format === "md") return Promise.resolve(markdownText(bytes, allowedMarkdown));
  if (format === "docx") return Promise.resolve(docxText(bytes));
  if (format === "pdf") return pdfText(bytes);
  throw new Error(`no text extractor for ${format}`);
}

/** Text as it must be seen: XML-invalid characters dropped (DOCX cannot hold them), NFC, as a UTF-8 file holds it. */
export function visible(text: string): string {
  return Buffer.from(text.replace(XML_INVALID, "")).toString().normalize("NFC");
}

/**
 * The form in which an expected value and a format's extracted text are compared: whitespace
 * runs are one space (layout adds line breaks); PDF lines wrap, and may hyphenate, anywhere
 * in a long name, so PDF text is compared without any whitespace or hyphens. Left out on both
 * sides: C1 controls (a layout may break a line at U+0085), invisible format characters
 * (zero-width, bidi marks: a text layer may or may not keep them) and U+FFFD, a parser's
 * stand-in for what a format cannot hold (a lone surrogate, a NUL). Control characters in
 * html and md output are checked for on their own.
 */
export function comparable(format: string, text: string): string {
  const seen = visible(text).replace(/[\u0080-\u009f\ufffd\p{Cf}]/gu, "");
  if (format === "pdf") return seen.replace(/[\s\u00ad-]+/g, "");
  return seen.replace(/\s+/g, " ").trim();
}
