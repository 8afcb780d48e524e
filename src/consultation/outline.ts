import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Nodes as HastNodes } from "hast";
import { toString } from "mdast-util-to-string";
import { t } from "../i18n/catalogue.js";
import { readDocx } from "../import/docx.js";
import { partDepth } from "../import/headings.js";
import { parseMarkdown } from "../parse/markdown.js";
import { fileProblem } from "../report/file-problem.js";

/** What a høringssvar needs from the consulted document: its title and chapter titles, in order. */
export interface Outline {
  title: string;
  chapters: string[];
}

interface HeadingText {
  depth: number;
  text: string;
  /** A Word paragraph in the Title style: the document's title, not a chapter. */
  styledTitle?: boolean;
}

/** The consulted document cannot be read as chapters; the message is for the user (exit 1, not a usage error). */
export class OutlineError extends Error {}

/**
 * Reads the headings of the consulted document (Markdown, or Word via mammoth) and
 * keeps the level that divides it into chapters; a lone top heading is its title.
 * Throws with a message for the user when the file has no headings or is neither.
 */
export async function readOutline(file: string): Promise<Outline> {
  const extension = path.extname(file).toLowerCase();
  if (extension !== ".md" && extension !== ".markdown" && extension !== ".docx") throw new OutlineError(t("consultation.outlineFormat", { extension: extension || "—" }));
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new OutlineError(fileProblem(error));
  }
  let headings: HeadingText[];
  let titleProperty: string | undefined;
  if (extension === ".docx") {
    const content = await readDocx(bytes).catch((error: Error) => {
      throw new OutlineError(t("consultation.notDocx", { reason: error.message.split("\n")[0] }));
    });
    headings = hastHeadings(content.tree);
    titleProperty = content.title;
  } else headings = markdownHeadings(bytes.toString("utf8"));
  headings = headings.filter((h) => h.text);
  // Word's Title style names the document; the chapters are the headings after it.
  const styled = headings[0]?.styledTitle ? headings.shift()!.text : undefined;
  const parts = partDepth(headings.map((h) => h.depth));
  if (!parts) throw new OutlineError(t("consultation.noHeadings"));
  const topHeading = parts.titleIndex === undefined ? undefined : headings[parts.titleIndex].text;
  return {
    title: styled ?? topHeading ?? titleProperty ?? path.basename(file, extension),
    chapters: headings.filter((h, index) => h.depth === parts.depth && index !== parts.titleIndex).map((h) => h.text),
  };
}

function markdownHeadings(source: string): HeadingText[] {
  return parseMarkdown(source).tree.children.flatMap((node) => (node.type === "heading" ? [{ depth: node.depth, text: clean(toString(node)) }] : []));
}

function hastHeadings(tree: HastNodes): HeadingText[] {
  const found: HeadingText[] = [];
  const walk = (node: HastNodes) => {
    const level = node.type === "element" ? /^h([1-6])$/.exec(node.tagName) : null;
    if (level) found.push({ depth: Number(level[1]), text: clean(textOf(node)), styledTitle: node.type === "element" && String(node.properties.className ?? "").includes("title") });
    else if ("children" in node) node.children.forEach(walk);
  };
  walk(tree);
  return found;
}

function textOf(node: HastNodes): string {
  if (node.type === "text") return node.value;
  return "children" in node ? node.children.map(textOf).join("") : "";
}

function clean(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
