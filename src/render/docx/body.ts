import { AlignmentType, ExternalHyperlink, FootnoteReferenceRun, InternalHyperlink, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, type NumberingDefinition, type ParagraphChild } from "docx";
import type { Definition, Nodes, PhrasingContent, Root, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import { visit } from "unist-util-visit";
import type { AssembledDocument } from "../../assemble/types.js";
import { headingLevels } from "../headings.js";
import { softBreaks } from "../soft-breaks.js";
import type { RenderOptions } from "../types.js";
import { headingStyle, listDefinition, STYLE, TEXT_WIDTH } from "./styles.js";
import { linkTarget, sourceBookmark, textRuns, type RunStyle } from "./text.js";

export type Block = Paragraph | Table;

/** What the handlers share while walking one document. */
export interface BodyContext {
  doc: AssembledDocument;
  reporter: RenderOptions["reporter"];
  footnoteNumbers: Map<string, number>;
  linkDefinitions: Map<string, Definition>;
  listDefinitions: Map<string, NumberingDefinition>;
  /** Footnotes already referred to in the text. */
  referencedFootnotes: Set<string>;
  /** Every list gets its own numbering instance, so no list runs on from the one before. */
  listInstances: number;
  /** A body heading's level under the title (render/headings.ts). */
  headingLevel: (depth: number) => number;
}

/** Where in the document a handler is: it decides paragraph styles and list levels. */
interface Place {
  ctx: BodyContext;
  /** Style of a plain paragraph here: Normal, Quote, footnote text, a list continuation… */
  paragraphStyle: string;
  listDepth: number;
  inFootnote: boolean;
}

interface Marks {
  strong?: boolean;
  emphasis?: boolean;
  strike?: boolean;
  code?: boolean;
  link?: boolean;
}

type BlockHandler<T> = (node: T, place: Place) => Block[];
type InlineHandler<T> = (node: T, place: Place, marks: Marks) => ParagraphChild[];
type NodeOf<K extends Nodes["type"]> = Extract<Nodes, { type: K }>;

export function bodyContext(doc: AssembledDocument, options: RenderOptions): BodyContext {
  const linkDefinitions = new Map<string, Definition>();
  const collect = (tree: Nodes) => visit(tree, "definition", (node) => void linkDefinitions.set(node.identifier, node));
  collect(doc.body);
  for (const footnote of doc.footnotes) collect({ type: "root", children: footnote.children } as Root);
  return {
    doc,
    reporter: options.reporter,
    footnoteNumbers: new Map(doc.footnotes.map((f) => [f.id, f.number])),
    linkDefinitions,
    listDefinitions: new Map(),
    referencedFootnotes: new Set(),
    listInstances: 0,
    headingLevel: headingLevels(doc),
  };
}

export function bodyBlocks(ctx: BodyContext, nodes: RootContent[]): Block[] {
  return blocks(nodes, { ctx, paragraphStyle: STYLE.normal, listDepth: 0, inFootnote: false });
}

function blocks(nodes: readonly RootContent[], place: Place): Block[] {
  return nodes.flatMap((node) => block(node, place));
}

function block(node: RootContent, place: Place): Block[] {
  const handler = BLOCK_HANDLERS[node.type as keyof typeof BLOCK_HANDLERS] as BlockHandler<RootContent> | undefined;
  if (handler) return handler(node, place);
  // Phrasing content standing alone (a citation at the top level) still makes a paragraph.
  if (node.type in INLINE_HANDLERS) return [new Paragraph({ style: place.paragraphStyle, children: inline([node as PhrasingContent], place, {}) })];
  const text = unknownNode(node, place);
  return text ? [new Paragraph({ style: place.paragraphStyle, children: textRuns(text) })] : [];
}

function inline(nodes: readonly PhrasingContent[], place: Place, marks: Marks): ParagraphChild[] {
  return nodes.flatMap((node) => {
    const handler = INLINE_HANDLERS[node.type as keyof typeof INLINE_HANDLERS] as InlineHandler<PhrasingContent> | undefined;
    if (handler) return handler(node, place, marks);
    const text = unknownNode(node, place);
    return text ? textRuns(text, runStyle(marks)) : [];
  });
}

/** Reported, never silently dropped; its plain text, if any, is kept. */
function unknownNode(node: Nodes, place: Place): string {
  const { doc, reporter } = place.ctx;
  const start = node.position?.start;
  reporter.warn(doc.file, start && { line: start.line, column: start.column }, `the DOCX renderer does not know node type "${node.type}"; only its text is kept`, "unknown-node");
  return toString(node);
}

/** One named character style per run; a second mark on the same text is added as direct formatting. */
function runStyle(marks: Marks): RunStyle {
  const style = marks.link ? STYLE.hyperlink : marks.code ? STYLE.code : marks.strong ? STYLE.strong : marks.emphasis ? STYLE.emphasis : undefined;
  return {
    style,
    bold: marks.strong && style !== STYLE.strong ? true : undefined,
    italics: marks.emphasis && style !== STYLE.emphasis ? true : undefined,
    strike: marks.strike || undefined,
  };
}

const hyperlink = (url: string, children: PhrasingContent[], place: Place, marks: Marks): ParagraphChild[] => [
  new ExternalHyperlink({ link: linkTarget(url), children: inline(children, place, { ...marks, link: true }) }),
];

const INLINE_HANDLERS: { [K in PhrasingContent["type"]]?: InlineHandler<NodeOf<K>> } = {
  text: (node, _place, marks) => textRuns(softBreaks(node.value), runStyle(marks)),
  strong: (node, place, marks) => inline(node.children, place, { ...marks, strong: true }),
  emphasis: (node, place, marks) => inline(node.children, place, { ...marks, emphasis: true }),
  delete: (node, place, marks) => inline(node.children, place, { ...marks, strike: true }),
  inlineCode: (node, _place, marks) => textRuns(node.value, runStyle({ ...marks, code: true })),
  // Raw HTML in the text is shown as written: data stays data.
  html: (node, _place, marks) => textRuns(node.value, runStyle(marks)),
  break: () => [new TextRun({ break: 1 })],
  link: (node, place, marks) => hyperlink(node.url, node.children, place, marks),
  linkReference: (node, place, marks) => {
    const definition = place.ctx.linkDefinitions.get(node.identifier);
    return definition ? hyperlink(definition.url, node.children, place, marks) : inline(node.children, place, marks);
  },
  image: (node, place, marks) => imageAsText(node, node.alt ?? "", place, marks),
  imageReference: (node, place, marks) => imageAsText(node, node.alt ?? "", place, marks),
  // A link to the entry's bookmark in the source list (letter.ts), underlined as every link is.
  citation: (node, _place, marks) => [new InternalHyperlink({ anchor: sourceBookmark(node.number), children: textRuns(`[${node.number}]`, runStyle({ ...marks, link: true })) })],
  footnoteReference: (node, place, marks) => {
    const number = place.ctx.footnoteNumbers.get(node.identifier);
    if (number === undefined) return textRuns(`[^${node.label ?? node.identifier}]`, runStyle(marks));
    // A Word footnote has one reference, in the body: a note referred to again, or from inside
    // another note, shows its number in the footnote reference style instead of a second note.
    const again = place.inFootnote || place.ctx.referencedFootnotes.has(node.identifier);
    place.ctx.referencedFootnotes.add(node.identifier);
    return again ? [new TextRun({ text: String(number), style: STYLE.footnoteReference })] : [new FootnoteReferenceRun(number)];
  },
};

function imageAsText(node: Nodes, alt: string, place: Place, marks: Marks): ParagraphChild[] {
  const start = node.position?.start;
  place.ctx.reporter.warn(place.ctx.doc.file, start && { line: start.line, column: start.column }, "images in the text are not embedded in DOCX; the alt text is shown instead", "docx-image");
  return alt ? textRuns(`[${alt}]`, runStyle(marks)) : [];
}

const CELL_ALIGNMENT = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

const BLOCK_HANDLERS: { [K in RootContent["type"]]?: BlockHandler<NodeOf<K>> } = {
  paragraph: (node, place) => [new Paragraph({ style: place.paragraphStyle, children: inline(node.children, place, {}) })],
  heading: (node, place) => [new Paragraph({ style: headingStyle(place.ctx.headingLevel(node.depth)), children: inline(node.children, place, {}) })],
  blockquote: (node, place) => blocks(node.children, { ...place, paragraphStyle: STYLE.quote }),
  code: (node) => [new Paragraph({ style: STYLE.preformatted, children: textRuns(node.value) })],
  html: (node, place) => [new Paragraph({ style: place.paragraphStyle, children: textRuns(node.value) })],
  thematicBreak: (_node, place) => [new Paragraph({ style: place.paragraphStyle, thematicBreak: true })],
  // Link definitions are used by the references that name them and show nothing themselves.
  definition: () => [],
  list: (node, place) => {
    const { ctx } = place;
    const ordered = Boolean(node.ordered);
    const key = `${ordered}:${node.start ?? 1}`;
    if (!ctx.listDefinitions.has(key)) ctx.listDefinitions.set(key, listDefinition(ordered, node.start ?? 1));
    const numbering = { reference: ctx.listDefinitions.get(key)!, level: Math.min(place.listDepth, 8), instance: ++ctx.listInstances };
    const level = Math.min(place.listDepth, 2);
    const style = (ordered ? STYLE.listNumber : STYLE.listBullet)[level];
    const inner: Place = { ...place, paragraphStyle: STYLE.listContinue[level], listDepth: place.listDepth + 1 };
    return node.children.flatMap((item) => {
      const [first, ...rest] = item.children;
      const checkbox = item.checked === true || item.checked === false ? textRuns(item.checked ? "☒ " : "☐ ") : [];
      const lead = first?.type === "paragraph" ? inline(first.children, place, {}) : [];
      // An item that starts with something else (a nested list) still needs its own numbered paragraph.
      const head = new Paragraph({ style, numbering, children: [...checkbox, ...lead] });
      return [head, ...blocks(first?.type === "paragraph" ? rest : item.children, inner)];
    });
  },
  table: (node, place) => {
    const columns = Math.max(...node.children.map((row) => row.children.length));
    const rows = node.children.map(
      (row, index) =>
        new TableRow({
          // The header row repeats on every page the table runs over.
          tableHeader: index === 0 || undefined,
          cantSplit: true,
          children: Array.from({ length: columns }, (_, column) => {
            const cell = row.children[column];
            const alignment = CELL_ALIGNMENT[node.align?.[column] ?? "left"];
            return new TableCell({ children: [new Paragraph({ style: index === 0 ? STYLE.tableHeading : STYLE.tableText, alignment, children: cell ? inline(cell.children, place, {}) : [] })] });
          }),
        }),
    );
    return [new Table({ style: STYLE.table, width: { size: 100, type: WidthType.PERCENTAGE }, columnWidths: Array(columns).fill(Math.floor(TEXT_WIDTH / columns)), rows })];
  },
};

/** Real Word footnotes, numbered as the assembled document numbers them. */
export function footnotesOf(ctx: BodyContext): Record<number, { children: Paragraph[] }> {
  const notes: Record<number, { children: Paragraph[] }> = {};
  for (const footnote of ctx.doc.footnotes) {
    // A table in a note is valid WordprocessingML; docx only types notes as paragraphs.
    const place: Place = { ctx, paragraphStyle: STYLE.footnoteText, listDepth: 0, inFootnote: true };
    notes[footnote.number] = { children: blocks(footnote.children as RootContent[], place) as Paragraph[] };
  }
  return notes;
}
