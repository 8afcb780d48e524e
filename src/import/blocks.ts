import type { Element, ElementContent, Root as HastRoot } from "hast";
import { toMdast } from "hast-util-to-mdast";
import type { FootnoteDefinition, FootnoteReference, Heading, Root, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import { SKIP, visit } from "unist-util-visit";
import type { BlockKind } from "../schema/block.js";
import type { Lang } from "../schema/common.js";
import { t } from "../i18n/catalogue.js";
import { partDepth } from "./headings.js";
import { keepLiteral } from "./literal.js";

export interface ImportedBlock {
  title: string;
  kind: BlockKind;
  lang: Lang;
  /** The section's content without its heading, footnote definitions included. */
  body: Root;
}

export interface SplitOptions {
  /** Title for text before the first heading when the file has no title heading. */
  fallbackTitle: string;
  /** Language for every block; guessed from the text when not given. */
  lang?: Lang;
}

/**
 * The converted Word body into blocks: one per section at the level that divides
 * the document (see partDepth), each with its own footnotes. Deeper headings stay
 * inside their block, one level below the `## ` a document gives the block.
 */
export function splitIntoBlocks(tree: HastRoot, options: SplitOptions): { blocks: ImportedBlock[]; notes: string[] } {
  const definitions = takeFootnotes(tree);
  const styledTitle = takeStyledTitle(tree);
  unwrapAnchors(tree);
  breakCellParagraphs(tree);
  const mdast = toMdast(tree) as Root;
  linkFootnotes(mdast);
  keepLiteral(mdast);
  const lang = options.lang ?? guessLang(toString(mdast));
  const children = mdast.children;
  const headings = children.flatMap((node, index) => (node.type === "heading" ? [{ index, depth: node.depth }] : []));
  const parts = partDepth(headings.map((h) => h.depth));
  const titleAt = parts?.titleIndex === undefined ? undefined : headings[parts.titleIndex].index;
  const notes: string[] = [];

  const first = titleAt === undefined ? (styledTitle ?? options.fallbackTitle) : toString(children[titleAt]);
  const sections: { title: string; nodes: RootContent[] }[] = [{ title: first, nodes: [] }];
  children.forEach((node, index) => {
    if (index === titleAt) return;
    if (node.type === "heading" && parts && node.depth <= parts.depth) sections.push({ title: toString(node).trim(), nodes: [] });
    else sections.at(-1)!.nodes.push(node);
  });

  const blocks: ImportedBlock[] = [];
  for (const section of sections) {
    // Headings alone (a signatory list whose names were left out) are no text to keep, nor are empty paragraphs.
    if (section.nodes.every((node) => node.type === "heading" || isEmptyParagraph(node))) {
      if (section !== sections[0]) notes.push(t("import.emptySection", { title: section.title }));
      continue;
    }
    for (const node of section.nodes) if (node.type === "heading" && parts) node.depth = Math.min(6, node.depth - parts.depth + 2) as Heading["depth"];
    const body: Root = { type: "root", children: [...section.nodes, ...footnotesUsed(section.nodes, definitions)] };
    if (toString(body).includes("[@")) notes.push(t("import.citationLike", { title: section.title }));
    blocks.push({ title: section.title || options.fallbackTitle, kind: guessKind(section.title, section.nodes), lang, body });
  }
  return { blocks, notes };
}

const NOTE_LINK = /^#((?:foot|end)note)-(\d+)$/;

/** A paragraph that held only an image (left out) or a bookmark: nothing to read. */
function isEmptyParagraph(node: RootContent): boolean {
  if (node.type !== "paragraph" || toString(node).trim()) return false;
  let reference = false;
  visit(node, "footnoteReference", () => void (reference = true));
  return !reference;
}

/** Word's Title style (mapped to `h1.title`) names the document: it is no section of its own. */
function takeStyledTitle(tree: HastRoot): string | undefined {
  const index = tree.children.findIndex((node) => node.type === "element" && node.tagName === "h1" && String(node.properties.className ?? "").includes("title"));
  if (index < 0) return undefined;
  const [title] = tree.children.splice(index, 1);
  return hastText(title).replace(/\s+/g, " ").trim() || undefined;
}

function hastText(node: HastRoot | ElementContent | HastRoot["children"][number]): string {
  if (node.type === "text") return node.value;
  return "children" in node ? (node.children as ElementContent[]).map(hastText).join("") : "";
}

/**
 * Word bookmarks arrive as `<a id="…">` with no address, and links to them as
 * `href="#…"`, which point nowhere once the text is a block: both keep their text
 * and lose the link, so no `[]()` is written. Footnote links are kept for linkFootnotes.
 */
function unwrapAnchors(tree: HastRoot): void {
  visit(tree, "element", (node, index, parent) => {
    if (node.tagName !== "a" || !parent || index === undefined) return;
    const href = String(node.properties.href ?? "");
    if (href && (!href.startsWith("#") || NOTE_LINK.test(href))) return;
    parent.children.splice(index, 1, ...node.children);
    return [SKIP, index];
  });
}

/** Paragraphs in a table cell become lines of one cell (`<br>`), not one run-on text. */
function breakCellParagraphs(tree: HastRoot): void {
  visit(tree, "element", (cell) => {
    if (cell.tagName !== "td" && cell.tagName !== "th") return;
    const paragraphs = cell.children.filter((child) => child.type === "element" && child.tagName === "p");
    if (paragraphs.length < 2) return;
    cell.children = paragraphs.flatMap((p, i) => (i ? [{ type: "element", tagName: "br", properties: {}, children: [] } as Element, ...(p as Element).children] : (p as Element).children));
  });
}

/** Mammoth puts footnotes last, as `<li id="footnote-1">…<a href="#footnote-ref-1">↑</a></li>`. */
function takeFootnotes(tree: HastRoot): Map<string, FootnoteDefinition> {
  const found = new Map<string, FootnoteDefinition>();
  visit(tree, "element", (node, index, parent) => {
    const match = node.tagName === "li" ? NOTE_LINK.exec(`#${String(node.properties.id ?? "")}`) : null;
    if (!match || !parent || index === undefined) return;
    const label = noteLabel(match[1], match[2]);
    const content = withoutBackLinks(node.children);
    const children = (toMdast({ type: "root", children: content }) as Root).children as FootnoteDefinition["children"];
    found.set(label, { type: "footnoteDefinition", identifier: label, label, children });
    parent.children.splice(index, 1);
    return [SKIP, index];
  });
  // The list that held the notes is empty now.
  visit(tree, "element", (node, index, parent) => {
    if ((node.tagName === "ol" || node.tagName === "ul") && !node.children.some((c) => c.type === "element") && parent && index !== undefined) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
  });
  return found;
}

function withoutBackLinks(children: ElementContent[]): ElementContent[] {
  return children
    .filter((child) => !(child.type === "element" && child.tagName === "a" && /^#(foot|end)note-ref-/.test(String(child.properties.href ?? ""))))
    .map((child) => (child.type === "element" ? ({ ...child, children: withoutBackLinks(child.children) } as Element) : child));
}

/** Footnote 1 stays `[^1]`; endnote 1 becomes `[^e1]` so the two never clash. */
function noteLabel(kind: string, number: string): string {
  return kind === "endnote" ? `e${number}` : number;
}

/** `[1]` links to `#footnote-1` become footnote references; images (reported earlier) go. */
function linkFootnotes(tree: Root): void {
  visit(tree, (node, index, parent) => {
    if (!parent || index === undefined) return;
    if (node.type === "image") {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    const match = node.type === "link" ? NOTE_LINK.exec(node.url) : null;
    if (!match) return;
    const label = noteLabel(match[1], match[2]);
    const reference: FootnoteReference = { type: "footnoteReference", identifier: label, label };
    parent.children.splice(index, 1, reference as never);
    return SKIP;
  });
}

function footnotesUsed(nodes: RootContent[], definitions: Map<string, FootnoteDefinition>): FootnoteDefinition[] {
  const used: FootnoteDefinition[] = [];
  visit({ type: "root", children: nodes } as Root, "footnoteReference", (reference) => {
    const definition = definitions.get(reference.identifier);
    if (definition && !used.includes(definition)) used.push(definition);
  });
  return used;
}

/**
 * Norwegian demands are written "Å stanse …" ("to stop …"). (A string, not a regex literal:
 * esbuild escapes non-ASCII in strings only, and an ASCII bundle starts faster, see scripts/bundle.mjs.)
 */
const DEMAND = new RegExp("^Å\\s", "i");
const SOURCES_TITLE = /^(kilder|kjelder|referanser|litteratur|sources|references)\b/i;

/**
 * A guess the author corrects in the frontmatter: a numbered list of "Å …" items (or
 * only "Å …" paragraphs) is a demand, a source list or number-heavy text is a fact,
 * the rest argues.
 */
export function guessKind(title: string, nodes: RootContent[]): BlockKind {
  if (SOURCES_TITLE.test(title.trim())) return "fact";
  const items = nodes.flatMap((node) => (node.type === "list" && node.ordered ? node.children.map((item) => toString(item).trim()) : []));
  if (items.length && items.filter((item) => DEMAND.test(item)).length * 2 >= items.length) return "demand";
  const paragraphs = nodes.filter((node) => node.type === "paragraph").map((node) => toString(node).trim());
  if (!items.length && paragraphs.length && paragraphs.every((text) => DEMAND.test(text))) return "demand";
  const words = nodes.map((node) => toString(node)).join(" ").split(/\s+/).filter(Boolean);
  const numeric = words.filter((word) => /\d/.test(word)).length;
  if (numeric >= 3 && numeric / words.length >= 0.05) return "fact";
  return "argument";
}

/** Words common in one of the three languages and rare in the other two. */
const MARKERS: Record<Lang, Set<string>> = {
  nb: new Set(["ikke", "jeg", "hva", "hvordan", "fra", "være", "bare", "noen", "hvis", "en", "et", "mye", "kommer", "de", "og", "på", "som", "det", "av", "til", "med", "vi", "har", "skal", "må"]),
  nn: new Set(["ikkje", "eg", "kva", "korleis", "frå", "vere", "berre", "nokon", "dersom", "ein", "eit", "mykje", "kjem", "dei", "og", "på", "som", "det", "av", "til", "med", "vi", "har", "skal", "må"]),
  en: new Set(["the", "and", "of", "to", "is", "are", "that", "with", "for", "not", "a", "an", "we", "our", "this", "be", "in", "on", "by", "it", "as", "will", "should", "must", "have", "has", "was", "which", "who", "they", "their", "or", "all", "stop"]),
};

export function guessLang(text: string): Lang {
  const words = text.toLocaleLowerCase("nb").match(/[\p{L}]+/gu) ?? [];
  const score = (lang: Lang) => words.filter((word) => MARKERS[lang].has(word)).length;
  const [best] = (["nb", "nn", "en"] as const).map((lang) => ({ lang, n: score(lang) })).sort((a, b) => b.n - a.n);
  return best.n ? best.lang : "nb";
}
