import path from "node:path";
import { DOMParser } from "@xmldom/xmldom";
import { strFromU8, unzipSync } from "fflate";
import type { AssembledDocument } from "../../../src/assemble/types.js";
import { assembleDocuments } from "../../../src/build/index.js";
import { render } from "../../../src/render/docx/index.js";
import { Reporter } from "../../../src/report/index.js";

export const REPO = path.resolve(import.meta.dirname, "../../..");
export const FIXTURE = path.resolve(REPO, "test/fixtures/docx-letter");
export const TODAY = "2026-11-25";

export async function assembleOne(file: string, reporter = new Reporter()): Promise<AssembledDocument> {
  const [doc] = await assembleDocuments([file], reporter, { today: TODAY });
  if (!doc) throw new Error(`could not assemble ${file}:\n${reporter.messages.map((m) => `${m.file}:${m.line} ${m.text}`).join("\n")}`);
  return doc;
}

export interface Paragraph {
  style?: string;
  numId?: string;
  level?: string;
  /** Text with `\t` for tabs and `\n` for line breaks. */
  text: string;
  element: Element;
}

export interface Docx {
  bytes: Uint8Array;
  reporter: Reporter;
  /** Every XML part of the package, by path. */
  parts: Record<string, string>;
  xml(part: string): Document;
  paragraphs(part?: string): Paragraph[];
}

/** Renders and unzips: tests look at the real package, parsed as XML. */
export async function renderDocx(doc: AssembledDocument, reporter = new Reporter()): Promise<Docx> {
  const bytes = await render(doc, { reporter });
  const files = unzipSync(bytes);
  const parts = Object.fromEntries(Object.entries(files).filter(([name]) => /\.(xml|rels)$/.test(name)).map(([name, data]) => [name, strFromU8(data)]));
  const xml = (part: string) => parseXml(parts[part] ?? fail(`no part ${part}`));
  return { bytes, reporter, parts, xml, paragraphs: (part = "word/document.xml") => paragraphsOf(xml(part)) };
}

function fail(message: string): never {
  throw new Error(message);
}

/** Strict: any well-formedness error fails the test. */
export function parseXml(text: string): Document {
  const raise = (message: string) => {
    throw new Error(`XML error: ${message}`);
  };
  return new DOMParser({ errorHandler: { warning: () => {}, error: raise, fatalError: raise } }).parseFromString(text, "text/xml") as unknown as Document;
}

export const elements = (node: Document | Element, name: string): Element[] => Array.from(node.getElementsByTagName(name));
export const attr = (node: Element | undefined, name: string): string | undefined => node?.getAttribute(name) ?? undefined;

export function textOf(node: Element): string {
  let text = "";
  const walk = (n: Node) => {
    if (n.nodeType !== 1) return;
    const element = n as Element;
    if (element.nodeName === "w:t") text += element.textContent ?? "";
    else if (element.nodeName === "w:instrText") return; // a field's code is not text the reader sees
    else if (element.nodeName === "w:tab") text += "\t";
    else if (element.nodeName === "w:br") text += "\n";
    else Array.from(element.childNodes).forEach(walk);
  };
  walk(node);
  return text;
}

export function paragraphsOf(doc: Document): Paragraph[] {
  return elements(doc, "w:p").map((p) => ({
    style: attr(elements(p, "w:pStyle")[0], "w:val"),
    numId: attr(elements(p, "w:numId")[0], "w:val"),
    level: attr(elements(p, "w:ilvl")[0], "w:val"),
    text: textOf(p),
    element: p,
  }));
}

/** Style ids by their names in styles.xml. */
export function styleIdsByName(styles: Document): Map<string, string> {
  return new Map(elements(styles, "w:style").map((style) => [attr(elements(style, "w:name")[0], "w:val")!, attr(style, "w:styleId")!]));
}
