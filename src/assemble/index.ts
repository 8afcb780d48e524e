import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { FootnoteDefinition, Nodes, Root, RootContent, Yaml } from "mdast";
import { toString } from "mdast-util-to-string";
import { visit } from "unist-util-visit";
import { applyConsultation } from "../consultation/index.js";
import { t } from "../i18n/catalogue.js";
import { formatDate, LABELS } from "../i18n/index.js";
import { positionInFrontmatter, readFrontmatter } from "../parse/frontmatter.js";
import { parseMarkdown } from "../parse/markdown.js";
import { didYouMean, Reporter, type Position } from "../report/index.js";
import { documentFrontmatterSchema, type DocumentFrontmatter } from "../schema/document.js";
import { emptySignatoryList, loadSignatories, type FileSummary, type SignatoryFile } from "../signatories/index.js";
import { blockCacheFor } from "../workspace/cache.js";
import type { Workspace } from "../workspace/index.js";
import { cleanStrings } from "./clean.js";
import { loadSignatoriesCached } from "./signatories.js";
import { documentScope, expandNodes, type ExpandContext } from "./expand.js";
import type { AssembledDocument, Citation, Footnote, NumberedSource } from "./types.js";
import { fileProblem } from "../report/file-problem.js";

export type { AssembledDocument } from "./types.js";

export interface AssembleOptions {
  /** ISO day used when the document sets no `date` (default: today, or SOURCE_DATE_EPOCH). */
  today?: string;
  /** Skip reading signatory files (e.g. the live preview of the text). */
  skipSignatories?: boolean;
  /** Reads the signatory files; the live preview passes one that remembers unchanged files. */
  loadSignatories?: typeof loadSignatories;
  /** Called once per signatory file read: who it names, counts and rejects. */
  onSignatorySummary?: (summary: FileSummary) => void;
}

/**
 * Reads one document and turns it, with the workspace's blocks and templates, into
 * the AssembledDocument every renderer takes. Problems go to the reporter; returns
 * undefined when the document has errors.
 */
export async function assemble(workspace: Workspace, documentPath: string, reporter: Reporter, options: AssembleOptions = {}): Promise<AssembledDocument | undefined> {
  const absolute = path.resolve(documentPath);
  const file = displayPath(workspace.root, absolute);
  let source: string;
  try {
    source = await readFile(absolute, "utf8");
  } catch (error) {
    reporter.error(file, undefined, fileProblem(error), "read");
    return undefined;
  }
  // Any error from here on, in this document, its blocks or its signatory files, means no output for it.
  const messagesBefore = reporter.messages.length;
  const { tree, frontmatter, meta } = readDocument(workspace.root, absolute, file, source, reporter);
  if (!meta) return undefined;

  const template = workspace.templates.get(meta.template);
  if (!template) {
    reporter.error(file, positionInFrontmatter(frontmatter, ["template"]), t("input.unknownTemplate", { name: meta.template, hint: didYouMean(meta.template, workspace.templates.keys()) }), "unknown-template");
  }

  const ctx: ExpandContext = { workspace, lang: meta.lang, vars: meta.vars, reporter, used: [], sources: new Map() };
  const children = expandNodes(tree.children, documentScope(file), ctx);
  const body: Root = { type: "root", children: children.filter((n) => n.type !== "footnoteDefinition") };
  // Høringssvar: deadline warnings and "no comments" sections (part of the text, so before the fingerprint).
  applyConsultation({ body, meta, template, labels: LABELS[meta.lang], workspace, file, source, today: options.today ?? today(), reporter });
  const definitions = children.flatMap((n) => collectDefinitions(n));
  const footnotes = numberFootnotes(body, definitions, file, reporter);
  const sources = numberSources(body, footnotes, ctx, file, reporter);
  const fingerprint = fingerprintOf(meta, body, footnotes);

  const signatories = options.skipSignatories
    ? undefined
    : await (options.loadSignatories ?? loadSignatoriesCached)(resolveSignatoryFiles(workspace.root, absolute, meta, (i, within = []) => positionInFrontmatter(frontmatter, ["signatories", i, ...within]), file, reporter), reporter, {
        documentFingerprint: fingerprint,
        lang: meta.lang,
        displayRoot: workspace.root,
        onSummary: options.onSignatorySummary,
      });

  if (!template || reporter.messages.slice(messagesBefore).some((m) => m.severity === "error")) return undefined;
  const date = meta.date ?? options.today ?? today();
  return cleanStrings({
    file: absolute,
    name: path.basename(absolute).replace(/\.md$/, ""),
    meta: {
      title: meta.title,
      lang: meta.lang,
      date,
      dateText: formatDate(date, meta.lang),
      to: meta.to,
      from: meta.from ?? [],
      ref: meta.ref ?? {},
      consultation: meta.consultation,
      signature: meta.signature,
      personOrder: meta.personOrder,
    },
    template,
    labels: LABELS[meta.lang],
    body,
    footnotes,
    sources,
    signatories: signatories ?? emptySignatoryList(),
    fingerprint,
    blocks: ctx.used,
  });
}

interface ReadDocument {
  tree: Root;
  frontmatter?: Yaml;
  meta?: DocumentFrontmatter;
}

/**
 * The document's Markdown tree and validated frontmatter. The CLI's cache (workspace/cache.ts)
 * remembers them for a text that gave no message at all, so that a cached document has
 * nothing to repeat; any other text is parsed every time.
 */
function readDocument(root: string, absolute: string, file: string, source: string, reporter: Reporter): ReadDocument {
  const cache = blockCacheFor(root);
  const cached = cache.getParsed<ReadDocument>(absolute, source);
  if (cached) return cached;
  const own = new Reporter();
  const { tree, frontmatter } = parseMarkdown(source);
  const meta = readFrontmatter(file, frontmatter, documentFrontmatterSchema, own, source);
  if (meta && own.messages.length === 0) cache.putParsed(absolute, source, { tree, frontmatter, meta } satisfies ReadDocument);
  reporter.messages.push(...own.messages);
  return { tree, frontmatter, meta };
}

function displayPath(root: string, absolute: string): string {
  const relative = path.relative(root, absolute);
  return relative.startsWith("..") ? absolute : relative;
}

/** Definitions can sit inside list items or block quotes of an included block; lift them all out. */
function collectDefinitions(node: RootContent): FootnoteDefinition[] {
  if (node.type === "footnoteDefinition") return [node];
  if (!("children" in node)) return [];
  const found: FootnoteDefinition[] = [];
  node.children = (node.children as RootContent[]).filter((child) => {
    if (child.type === "footnoteDefinition") {
      found.push(child);
      return false;
    }
    found.push(...collectDefinitions(child));
    return true;
  }) as never;
  return found;
}

function numberFootnotes(body: Root, definitions: FootnoteDefinition[], file: string, reporter: Reporter): Footnote[] {
  const byId = new Map<string, FootnoteDefinition>();
  for (const definition of definitions) if (!byId.has(definition.identifier)) byId.set(definition.identifier, definition);
  const footnotes: Footnote[] = [];
  const numbered = new Map<string, Footnote>();
  const number = (tree: Nodes) =>
    visit(tree, "footnoteReference", (reference) => {
      if (numbered.has(reference.identifier)) return;
      const definition = byId.get(reference.identifier);
      if (!definition) {
        const where = reference.position?.start;
        reporter.error(file, where && { line: where.line, column: where.column }, t("input.footnoteNoDefinition", { label: reference.label ?? reference.identifier }), "footnote");
        return;
      }
      const footnote: Footnote = { id: reference.identifier, number: footnotes.length + 1, children: definition.children };
      footnotes.push(footnote);
      numbered.set(reference.identifier, footnote);
      // A footnote may itself refer to another footnote.
      number({ type: "root", children: definition.children } as Root);
    });
  number(body);
  for (const [id, definition] of byId) {
    const where = definition.position?.start;
    if (!numbered.has(id)) reporter.warn(file, where && { line: where.line, column: where.column }, t("input.footnoteUnused", { label: definition.label ?? id }), "footnote");
  }
  return footnotes;
}

/** Cited sources are numbered in reading order; sources a block lists but never cites follow. */
function numberSources(body: Root, footnotes: Footnote[], ctx: ExpandContext, file: string, reporter: Reporter): NumberedSource[] {
  const numbers = new Map<string, number>();
  const cite = (tree: Nodes) =>
    visit(tree, "citation", (node: Citation) => {
      if (!ctx.sources.has(node.sourceId)) {
        const where = node.position?.start;
        reporter.error(file, where && { line: where.line, column: where.column }, t("input.unknownSource", { id: node.sourceId, hint: didYouMean(node.sourceId, ctx.sources.keys()) }), "unknown-source");
        return;
      }
      if (!numbers.has(node.sourceId)) numbers.set(node.sourceId, numbers.size + 1);
      node.number = numbers.get(node.sourceId)!;
    });
  cite(body);
  for (const footnote of footnotes) cite({ type: "root", children: footnote.children } as Root);
  for (const id of ctx.sources.keys()) if (!numbers.has(id)) numbers.set(id, numbers.size + 1);
  return [...numbers].map(([id, number]) => ({ ...ctx.sources.get(id)!, number }));
}

/** SPEC §5: SHA-256 over the normalised title, recipients and body (not date, not signatories). */
export function fingerprintOf(meta: DocumentFrontmatter, body: Root, footnotes: Footnote[]): string {
  const parts = [
    meta.title,
    ...meta.to.map((r) => [r.name, r.address ?? ""].join("\n")),
    ...body.children.map((node) => textOf(node)),
    ...footnotes.map((f) => `${f.number} ${f.children.map((c) => textOf(c)).join("\n")}`),
  ];
  const normalised = parts
    .map((part) => part.normalize("NFC").replace(/\s+/g, " ").trim())
    .filter(Boolean)
    .join("\n");
  return createHash("sha256").update(normalised).digest("hex").slice(0, 12);
}

/** Plain text of a node, with citations as their numbers so renumbering changes the fingerprint. */
function textOf(node: Nodes): string {
  if (node.type === "citation") return `[${node.number}]`;
  if ("children" in node) return (node.children as Nodes[]).map(textOf).join(node.type === "list" || node.type === "listItem" || node.type === "root" || node.type === "blockquote" ? "\n" : "");
  return toString(node);
}

function resolveSignatoryFiles(
  root: string,
  documentPath: string,
  meta: DocumentFrontmatter,
  positionOf: (index: number, within?: string[]) => Position | undefined,
  file: string,
  reporter: Reporter,
) {
  const files: SignatoryFile[] = [];
  for (const [index, entry] of meta.signatories.entries()) {
    const resolved = path.resolve(path.dirname(documentPath), entry.file);
    if (path.relative(root, resolved).startsWith("..")) {
      reporter.error(file, positionOf(index), t("input.signatoryOutside", { file: entry.file }), "signatory-path");
      continue;
    }
    const { map } = entry;
    // Found only when a message needs it: each lookup parses the frontmatter's YAML again.
    const place = (within: string[]) => ({
      file,
      get position() {
        return positionOf(index, within);
      },
    });
    const mapPlaces = map && Object.fromEntries(Object.keys(map).map((column) => [column, place(["map", column])]));
    files.push({ path: resolved, group: entry.group, map, mapPlaces, namedAt: Object.assign(place(entry.map || entry.group ? ["file"] : []), { as: entry.file }) });
  }
  return files;
}

/** Today as an ISO day in local time; SOURCE_DATE_EPOCH pins it for reproducible builds. */
function today(): string {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  const now = epoch ? new Date(Number(epoch) * 1000) : new Date();
  // Built from the date's parts: toLocaleDateString would load ICU data on every build.
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
