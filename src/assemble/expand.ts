import Handlebars from "handlebars";
import type { FootnoteDefinition, Nodes, Paragraph, PhrasingContent, RootContent, Text } from "mdast";
import { toString } from "mdast-util-to-string";
import type { Point } from "unist";
import { t } from "../i18n/catalogue.js";
import { didYouMean, type Position, type Reporter } from "../report/index.js";
import type { Lang, Source } from "../schema/common.js";
import type { Block, Workspace } from "../workspace/index.js";
import type { Citation } from "./types.js";
import { placeholderProblem } from "./placeholder-problem.js";

/** Where a block was included from: the place a user fixes a missing variable. */
interface IncludeSite {
  file: string;
  position: Position;
  blockId: string;
}

interface Scope {
  /** File the nodes come from (relative to the workspace), for messages. */
  file: string;
  blockId?: string;
  /** Sources a citation in this scope may name. */
  sources: Source[];
  includeSite?: IncludeSite;
  /** Block ids being expanded, to stop include cycles. */
  stack: string[];
}

export interface ExpandContext {
  workspace: Workspace;
  lang: Lang;
  vars: Record<string, unknown>;
  reporter: Reporter;
  /** Blocks included, in order of first use. */
  used: string[];
  /** Every source listed by an included block, by id, first definition wins. */
  sources: Map<string, Source>;
}

type HbsNode = hbs.AST.Statement & { loc: hbs.AST.SourceLocation };

/**
 * Replaces `{{> block-id}}` paragraphs with the block's content and `{{var}}` in text
 * with the variable's value as literal text (never re-read as Markdown), and turns
 * `[@source]` into citation nodes. Works on mdast, so positions stay true to each file.
 */
export function expandNodes(nodes: RootContent[], scope: Scope, ctx: ExpandContext): RootContent[] {
  return nodes.flatMap((node) => expandNode(node, scope, ctx));
}

export function documentScope(file: string): Scope {
  return { file, sources: [], stack: [] };
}

function expandNode(node: RootContent, scope: Scope, ctx: ExpandContext): RootContent[] {
  if (scope.blockId) {
    node.data = { ...node.data, blockId: scope.blockId };
  }
  if (node.type === "paragraph") {
    const include = standaloneInclude(node, scope, ctx);
    if (include) return includeBlock(include.id, include.position, scope, ctx);
  }
  if (node.type === "text") {
    reportLiteralFootnotes(node, scope, ctx);
    return expandText(node, scope, ctx) as RootContent[];
  }
  if (node.type === "link" && !node.url.trim()) {
    // Word bookmarks and unfinished links; the PDF engine would die on them later.
    ctx.reporter.error(scope.file, startOf(node), t("input.emptyLink", { text: toString(node) }), "empty-link");
  }
  if (node.type === "footnoteReference" && scope.blockId) {
    node.identifier = `${scope.blockId}:${node.identifier}`;
    node.label = node.identifier;
  }
  if (node.type === "footnoteDefinition" && scope.blockId) {
    (node as FootnoteDefinition).identifier = `${scope.blockId}:${node.identifier}`;
    node.label = node.identifier;
  }
  if ("children" in node) {
    (node as { children: RootContent[] }).children = expandNodes(node.children as RootContent[], scope, ctx);
  }
  return [node];
}

/** A paragraph that is nothing but `{{> id}}` includes a block in its place. */
function standaloneInclude(node: Paragraph, scope: Scope, ctx: ExpandContext): { id: string; position: Position } | undefined {
  if (node.children.length !== 1 || node.children[0].type !== "text") return undefined;
  const text = node.children[0];
  const trimmed = text.value.trim();
  if (!trimmed.startsWith("{{>") || !trimmed.endsWith("}}")) return undefined;
  // Quietly: a paragraph that does not parse is reported once, by expandText.
  const statements = parseHandlebars(text, scope, ctx, false);
  const meaningful = statements?.filter((s) => !(s.type === "ContentStatement" && !(s as hbs.AST.ContentStatement).value.trim()));
  if (meaningful?.length !== 1 || meaningful[0].type !== "PartialStatement") return undefined;
  const partial = meaningful[0] as hbs.AST.PartialStatement & { loc: hbs.AST.SourceLocation };
  return { id: partialName(partial), position: positionIn(text, partial.loc.start) };
}

function partialName(partial: hbs.AST.PartialStatement): string {
  const name = partial.name as hbs.AST.PathExpression | hbs.AST.StringLiteral;
  return "original" in name ? String(name.original) : String((name as hbs.AST.StringLiteral).value);
}

function includeBlock(id: string, position: Position, scope: Scope, ctx: ExpandContext): RootContent[] {
  const block = pickVariant(id, position, scope, ctx);
  if (!block) return [];
  if (scope.stack.includes(id)) {
    ctx.reporter.error(scope.file, position, t("input.includeCycle", { id, path: [...scope.stack, id].join(" → ") }), "include-cycle");
    return [];
  }
  if (!ctx.used.includes(id)) ctx.used.push(id);
  for (const source of block.meta.sources) if (!ctx.sources.has(source.id)) ctx.sources.set(source.id, source);
  const site: IncludeSite = scope.includeSite ?? { file: scope.file, position, blockId: id };
  for (const name of block.meta.requires) {
    if (lookup(ctx.vars, name) === undefined) {
      ctx.reporter.error(site.file, site.position, t("input.requiresVariable", { id, name, hint: didYouMean(name, Object.keys(ctx.vars)) }), "missing-variable");
    }
  }
  const inner: Scope = { file: block.file, blockId: id, sources: block.meta.sources, includeSite: site, stack: [...scope.stack, id] };
  // Each include gets its own copy: the same block may stand in several places.
  return expandNodes(structuredClone(block.tree.children), inner, ctx);
}

function pickVariant(id: string, position: Position, scope: Scope, ctx: ExpandContext): Block | undefined {
  const variants = ctx.workspace.blocks.get(id);
  if (!variants) {
    ctx.reporter.error(scope.file, position, t("input.unknownBlock", { id, hint: didYouMean(id, ctx.workspace.blocks.keys()) }), "unknown-block");
    return undefined;
  }
  const exact = variants.get(ctx.lang);
  const block = exact ?? variants.get("nb") ?? [...variants.values()][0];
  if (block.problem) {
    ctx.reporter.error(scope.file, position, t("input.blockBroken", { id, problem: block.problem }), "broken-block");
    return undefined;
  }
  if (!exact) ctx.reporter.warn(scope.file, position, t("input.langFallback", { id, lang: ctx.lang, used: block.meta.lang }), "lang-fallback");
  return block;
}

/** `{> krav/x}`: an include with a brace missing on each side, which would be printed as it stands. */
const SINGLE_BRACE_INCLUDE = /(?<!\{)\{\s*>\s*([\p{L}\p{N}_./-]+)\s*\}(?!\})/gu;

function expandText(node: Text, scope: Scope, ctx: ExpandContext): PhrasingContent[] {
  for (const match of node.value.matchAll(SINGLE_BRACE_INCLUDE)) {
    const before = node.value.slice(0, match.index).split(/\r\n|\r|\n/);
    const position = positionIn(node, { line: before.length, column: before.at(-1)!.length });
    ctx.reporter.error(scope.file, position, t("input.placeholderSingleBrace", { written: match[0], fixed: `{{> ${match[1]}}}` }), "template-syntax");
  }
  if (!node.value.includes("{{") && !node.value.includes("[@")) return [node];
  const whole = { type: "ContentStatement", value: node.value, loc: { start: { line: 1, column: 0 } } };
  const statements = node.value.includes("{{") ? parseHandlebars(node, scope, ctx) : [whole as unknown as HbsNode];
  if (!statements) return [node];
  const out: PhrasingContent[] = [];
  const pushText = (value: string) => {
    const last = out.at(-1);
    if (last?.type === "text") last.value += value;
    else out.push({ type: "text", value, position: node.position, data: node.data });
  };
  for (const statement of statements) {
    switch (statement.type) {
      case "ContentStatement":
        splitCitations(statement as hbs.AST.ContentStatement & { loc: hbs.AST.SourceLocation }, node, scope, ctx, pushText, out);
        break;
      case "MustacheStatement":
        pushText(variableValue(statement as hbs.AST.MustacheStatement, node, scope, ctx));
        break;
      case "CommentStatement":
        break;
      case "PartialStatement":
        ctx.reporter.error(scope.file, positionIn(node, statement.loc.start), t("input.inlineInclude"), "inline-include");
        break;
      default:
        ctx.reporter.error(scope.file, positionIn(node, statement.loc.start), t("input.unsupportedTemplate"), "unsupported-template");
    }
  }
  return out;
}

// Markdown leaves a footnote reference without a definition in its file as literal text.
const LITERAL_FOOTNOTE = /\[\^([^\]\s]+)\]/g;

function reportLiteralFootnotes(node: Text, scope: Scope, ctx: ExpandContext): void {
  if (!node.value.includes("[^")) return;
  for (const match of node.value.matchAll(LITERAL_FOOTNOTE)) {
    const at = offsetPosition(node, { line: 1, column: 0 }, node.value, match.index);
    ctx.reporter.error(scope.file, at, t("input.footnoteUndefined", { label: match[1] }), "footnote");
  }
}

function startOf(node: Nodes): Position | undefined {
  const start = node.position?.start;
  return start && { line: start.line, column: start.column };
}

const CITATION = /\[@([\p{L}\p{N}_:./-]+)\]/gu;

/** `[@id]` in literal text becomes a citation node; variable values never pass through here. */
function splitCitations(content: hbs.AST.ContentStatement & { loc: hbs.AST.SourceLocation }, node: Text, scope: Scope, ctx: ExpandContext, pushText: (v: string) => void, out: PhrasingContent[]): void {
  const value = content.value;
  let last = 0;
  for (const match of value.matchAll(CITATION)) {
    pushText(value.slice(last, match.index));
    last = match.index + match[0].length;
    const sourceId = match[1];
    const point = offsetPosition(node, content.loc.start, value, match.index);
    // A document may cite any source its blocks list; that is checked once all blocks are in.
    if (scope.blockId && !scope.sources.some((s) => s.id === sourceId)) {
      ctx.reporter.error(scope.file, point, t("input.unknownBlockSource", { id: sourceId, hint: didYouMean(sourceId, scope.sources.map((s) => s.id)) }), "unknown-source");
      continue;
    }
    const position = { start: { ...point, offset: undefined }, end: { ...point, offset: undefined } };
    const citation: Citation = { type: "citation", sourceId, number: 0, position, data: scope.blockId ? { blockId: scope.blockId } : undefined };
    out.push(citation);
  }
  pushText(value.slice(last));
}

function variableValue(statement: hbs.AST.MustacheStatement, node: Text, scope: Scope, ctx: ExpandContext): string {
  const name = String((statement.path as hbs.AST.PathExpression).original ?? "");
  const value = lookup(ctx.vars, name);
  const position = positionIn(node, statement.loc.start);
  if (value === undefined) {
    const where = scope.includeSite;
    if (where) {
      const declared = ctx.workspace.blocks.get(where.blockId)?.get(ctx.lang)?.meta.requires.includes(name);
      // A declared requirement was already reported at the include site.
      if (!declared) {
        ctx.reporter.error(where.file, where.position, t("input.usesVariable", { id: scope.blockId!, name, at: `${scope.file}:${position.line}:${position.column}`, hint: didYouMean(name, Object.keys(ctx.vars)) }), "missing-variable");
      }
    } else {
      ctx.reporter.error(scope.file, position, t("input.unknownVariable", { name, hint: didYouMean(name, Object.keys(ctx.vars)) }), "missing-variable");
    }
    return `{{${name}}}`;
  }
  if (typeof value === "object") {
    ctx.reporter.error(scope.file, position, t("input.variableType", { name }), "variable-type");
    return "";
  }
  return String(value);
}

function lookup(vars: Record<string, unknown>, name: string): unknown {
  let value: unknown = vars;
  for (const part of name.split(".")) {
    if (value === null || typeof value !== "object" || !Object.hasOwn(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function parseHandlebars(node: Text, scope: Scope, ctx: ExpandContext, report = true): HbsNode[] | undefined {
  try {
    return Handlebars.parseWithoutProcessing(node.value).body as HbsNode[];
  } catch (error) {
    if (!report) return undefined;
    const line = Number(/line (\d+)/.exec((error as Error).message)?.[1] ?? 1);
    const { message, column } = placeholderProblem(node.value, line);
    ctx.reporter.error(scope.file, positionIn(node, { line, column }), message, "template-syntax");
    return undefined;
  }
}

/** Handlebars locations are relative to the text node (line 1-based, column 0-based). */
function positionIn(node: Nodes, loc: { line: number; column: number }): Position {
  const start: Point = node.position?.start ?? { line: 1, column: 1 };
  if (loc.line === 1) return { line: start.line, column: start.column + loc.column };
  return { line: start.line + loc.line - 1, column: loc.column + 1 };
}

/** Where `index` of a piece of the text node stands, the piece starting at `start` (Handlebars location). */
function offsetPosition(node: Nodes, start: { line: number; column: number }, value: string, index: number): Position {
  const before = value.slice(0, index).split("\n");
  const column = before.length === 1 ? start.column + before[0].length : before.at(-1)!.length;
  return positionIn(node, { line: start.line + before.length - 1, column });
}
