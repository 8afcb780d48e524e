import type { Definition, Nodes, RootContent } from "mdast";
import { visit } from "unist-util-visit";
import type { AssembledDocument } from "../../assemble/types.js";
import { headingLevels } from "../headings.js";
import { softBreaks } from "../soft-breaks.js";
import type { RenderOptions } from "../types.js";

/**
 * The body as a plain JSON tree for the Typst template: a string is text, every
 * other node is `{ type, ...fields }` with a Typst function of the same name in
 * `template.ts`. Text only ever travels as JSON strings, so nothing a user wrote
 * can become Typst markup or code.
 */
export type PdfNode = string | { type: string; children?: PdfNode[]; [field: string]: unknown };

interface State {
  doc: AssembledDocument;
  options: RenderOptions;
  definitions: Map<string, Definition>;
  /** Footnote ids already placed: later references point at the first one. */
  placedFootnotes: Set<string>;
  footnoteBodies: Map<string, PdfNode[]>;
  /** A body heading's level under the title (render/headings.ts). */
  headingLevel: (depth: number) => number;
}

type Handler = (state: State, node: never) => PdfNode[];

const all = (state: State, nodes: readonly RootContent[]): PdfNode[] => nodes.flatMap((n) => one(state, n));
const wrap = (type: string, fields: Record<string, unknown> = {}) => (state: State, node: { children: RootContent[] }): PdfNode[] => [{ type, ...fields, children: all(state, node.children) }];

/** Node types that have nothing to show, on purpose. */
const IGNORED = new Set(["definition", "yaml", "toml", "footnoteDefinition"]);

const HANDLERS: Record<string, Handler> = {
  root: (state, node: { children: RootContent[] }) => all(state, node.children),
  paragraph: wrap("paragraph"),
  heading: (state, node: { depth: number; children: RootContent[] }) => [{ type: "heading", level: state.headingLevel(node.depth), children: all(state, node.children) }],
  text: (_state, node: { value: string }) => [softBreaks(node.value)],
  emphasis: wrap("emphasis"),
  strong: wrap("strong"),
  delete: wrap("delete"),
  inlineCode: (_state, node: { value: string }) => [{ type: "inlineCode", value: node.value }],
  code: (_state, node: { value: string }) => [{ type: "code", value: node.value }],
  break: () => [{ type: "break" }],
  thematicBreak: () => [{ type: "thematicBreak" }],
  blockquote: wrap("blockquote"),
  list: (state, node: { ordered?: boolean | null; start?: number | null; spread?: boolean | null; children: RootContent[] }) => [
    { type: "list", ordered: Boolean(node.ordered), start: node.start ?? 1, tight: !node.spread, children: all(state, node.children) },
  ],
  listItem: (state, node: { checked?: boolean | null; children: RootContent[] }) => {
    const children = all(state, node.children);
    // A task-list box as plain text: no font has to carry ☐/☑ glyphs.
    if (typeof node.checked === "boolean") children.unshift(node.checked ? "[x] " : "[ ] ");
    return [{ type: "listItem", children }];
  },
  table: (state, node: { align?: (string | null)[] | null; children: RootContent[] }) => [{ type: "table", align: node.align ?? [], children: all(state, node.children) }],
  tableRow: wrap("tableRow"),
  tableCell: wrap("tableCell"),
  link: (state, node: { url: string; children: RootContent[] }) => [{ type: "link", url: node.url, children: all(state, node.children) }],
  linkReference: (state, node: { identifier: string; children: RootContent[] }) => {
    const definition = state.definitions.get(node.identifier);
    const children = all(state, node.children);
    return definition ? [{ type: "link", url: definition.url, children }] : children;
  },
  image: (state, node: Nodes & { alt?: string | null }) => imageAsText(state, node),
  imageReference: (state, node: Nodes & { alt?: string | null }) => imageAsText(state, node),
  html: (state, node: Nodes & { value: string }) => {
    if (!/^\s*<!--[\s\S]*-->\s*$/.test(node.value)) state.options.reporter.warn(state.doc.file, node.position?.start, "raw HTML is not shown in the PDF", "pdf-html");
    return [];
  },
  footnoteReference: (state, node: { identifier: string }) => {
    const first = !state.placedFootnotes.has(node.identifier);
    state.placedFootnotes.add(node.identifier);
    return [{ type: "footnote", id: node.identifier, children: first ? (state.footnoteBodies.get(node.identifier) ?? []) : undefined }];
  },
  citation: (_state, node: { number: number }) => [{ type: "citation", number: node.number }],
};

function imageAsText(state: State, node: Nodes & { alt?: string | null }): PdfNode[] {
  state.options.reporter.warn(state.doc.file, node.position?.start, "images in the text are shown as their alt text in the PDF", "pdf-image");
  return node.alt ? [node.alt] : [];
}

function one(state: State, node: Nodes): PdfNode[] {
  if (IGNORED.has(node.type)) return [];
  const handler = HANDLERS[node.type] as ((state: State, node: Nodes) => PdfNode[]) | undefined;
  if (handler) return handler(state, node);
  state.options.reporter.warn(state.doc.file, node.position?.start, `the PDF renderer does not know node type "${node.type}"`, "unknown-node");
  return [];
}

/** The body (with footnote texts placed at their first reference) as PdfNodes. */
export function bodyToPdfTree(doc: AssembledDocument, options: RenderOptions): PdfNode[] {
  const definitions = new Map<string, Definition>();
  visit(doc.body, "definition", (d: Definition) => void definitions.set(d.identifier, d));
  const state: State = { doc, options, definitions, placedFootnotes: new Set(), footnoteBodies: new Map(), headingLevel: headingLevels(doc) };
  for (const footnote of doc.footnotes) state.footnoteBodies.set(footnote.id, all(state, footnote.children));
  return one(state, doc.body);
}
