import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Nodes as HastNodes } from "hast";
import { toString } from "mdast-util-to-string";
import { readDocx } from "../import/docx.js";
import { partDepth } from "../import/headings.js";
import { parseMarkdown } from "../parse/markdown.js";

/** What a høringssvar needs from the consulted document: its title and chapter titles, in order. */
export interface Outline {
  title: string;
  chapters: string[];
}

interface HeadingText {
  depth: number;
  text: string;
}

/**
 * Reads the headings of the consulted document (Markdown, or Word via mammoth) and
 * keeps the level that divides it into chapters; a lone top heading is its title.
 * Throws with a message for the user when the file has no headings or is neither.
 */
export async function readOutline(file: string): Promise<Outline> {
  const extension = path.extname(file).toLowerCase();
  let headings: HeadingText[];
  if (extension === ".md" || extension === ".markdown") headings = markdownHeadings(await readFile(file, "utf8"));
  else if (extension === ".docx") headings = hastHeadings((await readDocx(await readFile(file))).tree);
  else throw new Error(`${file}: read the consulted document's headings from .md or .docx, not "${extension || "no extension"}"`);
  headings = headings.filter((h) => h.text);
  const parts = partDepth(headings.map((h) => h.depth));
  if (!parts) throw new Error(`${file} has no headings to answer chapter by chapter`);
  return {
    title: parts.titleIndex === undefined ? path.basename(file, extension) : headings[parts.titleIndex].text,
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
    if (level) found.push({ depth: Number(level[1]), text: clean(textOf(node)) });
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
