import { readFileSync, statSync } from "node:fs";
import { readFile, readdir, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Root } from "mdast";
import { parse as parseYaml } from "yaml";
import { readFrontmatter, useZodLocale } from "../parse/frontmatter.js";
import { parseMarkdown, readFrontmatterNode } from "../parse/markdown.js";
import { t } from "../i18n/catalogue.js";
import { Reporter } from "../report/index.js";
import { blockFrontmatterSchema, type BlockFrontmatter } from "../schema/block.js";
import { LANGS, type Lang } from "../schema/common.js";
import { templateSchema, type TemplateDef } from "../schema/template.js";
import { blockCacheFor, fileStamp, stampIsSafe, treeFromCache, type BlockCache } from "./cache.js";

export interface Block {
  id: string;
  /** Path relative to the workspace root, for messages. */
  file: string;
  meta: BlockFrontmatter;
  tree: Root;
  /**
   * Set when the file's frontmatter is broken: its first problem, with its place.
   * The file's problems are warnings until a document includes the block, which is then an error.
   */
  problem?: string;
}

export interface Workspace {
  root: string;
  /** Block id → its variants by language. */
  blocks: Map<string, Map<Lang, Block>>;
  templates: Map<string, TemplateDef & { name: string }>;
}

/** The installed package, whose `templates/` every workspace can use. */
export const PACKAGE_ROOT = path.resolve(fileURLToPath(import.meta.url), "../../..");

/** `x.en.md` is the English variant of block `x`; a plain `x.md` takes its language from frontmatter. */
const VARIANT = new RegExp(`^(.*?)(?:\\.(${LANGS.join("|")}))?\\.md$`);

/**
 * Reads every block and template of a workspace. Bad files are reported and left
 * out; the rest loads, so one broken block does not hide the others.
 */
export async function loadWorkspace(root: string, reporter: Reporter): Promise<Workspace> {
  const absoluteRoot = path.resolve(root);
  const [blocks, shipped, own] = await Promise.all([
    loadBlocks(absoluteRoot, reporter),
    absoluteRoot === PACKAGE_ROOT ? new Map() : loadTemplates(PACKAGE_ROOT, reporter),
    loadTemplates(absoluteRoot, reporter),
  ]);
  // The shipped templates are always there; a workspace's own folder of the same name wins.
  return { root: absoluteRoot, blocks, templates: new Map([...shipped, ...own]) };
}

async function loadBlocks(root: string, reporter: Reporter): Promise<Workspace["blocks"]> {
  const dir = path.join(root, "demands");
  const files = (await listFiles(dir)).filter((f) => f.endsWith(".md")).sort();
  const cache = blockCacheFor(root);
  cache.keepOnly(files);
  // Synchronous reads: ninety small files read one after another beat as many promises.
  return indexBlocks(files.map((file) => loadBlockCached(root, file, reporter, cache)), reporter);
}

/** A block from the cache when its file is unchanged, else loaded and remembered; messages either way. */
function loadBlockCached(root: string, absoluteFile: string, reporter: Reporter, cache: BlockCache): Block | undefined {
  const stats = statSync(absoluteFile);
  const stamp = fileStamp(stats);
  const hit = cache.get(absoluteFile, stamp);
  if (hit) {
    reporter.messages.push(...hit.messages);
    if (!hit.meta || hit.id === undefined) return undefined;
    const file = path.relative(root, absoluteFile);
    if (hit.problem !== undefined) return { id: hit.id, file, meta: hit.meta, tree: { type: "root", children: [] }, problem: hit.problem };
    const cachedTree = hit.tree;
    const source = cachedTree ? "" : readFileSync(absoluteFile, "utf8");
    return lazyTree({ id: hit.id, file, meta: hit.meta }, () => {
      if (cachedTree) return treeFromCache(cachedTree);
      const tree = parseMarkdown(source).tree;
      cache.putTree(absoluteFile, tree);
      return tree;
    });
  }
  const own = new Reporter();
  const source = readFileSync(absoluteFile, "utf8");
  const block = blockFromSource(root, absoluteFile, source, own, (tree) => cache.putTree(absoluteFile, tree));
  if (stampIsSafe(stats)) cache.put(absoluteFile, stamp, { id: block?.id, meta: block?.meta, problem: block?.problem, messages: own.messages });
  reporter.messages.push(...own.messages);
  return block;
}

/** Blocks by id and language; a second block with the same id and language is an error. */
export function indexBlocks(loaded: readonly (Block | undefined)[], reporter: Reporter): Workspace["blocks"] {
  const blocks: Workspace["blocks"] = new Map();
  for (const block of loaded) {
    if (!block) continue;
    const variants = blocks.get(block.id) ?? new Map<Lang, Block>();
    const twin = variants.get(block.meta.lang);
    if (twin) {
      reporter.error(block.file, { line: 1, column: 1 }, t("input.blockTwice", { id: block.id, lang: block.meta.lang, other: twin.file }), "duplicate-block");
      continue;
    }
    variants.set(block.meta.lang, block);
    blocks.set(block.id, variants);
  }
  return blocks;
}

export async function loadBlock(root: string, absoluteFile: string, reporter: Reporter): Promise<Block | undefined> {
  return blockFromSource(root, absoluteFile, await readFile(absoluteFile, "utf8"), reporter);
}

/** `onParsed` sees the body's tree as parsed, before any document walks it. */
function blockFromSource(root: string, absoluteFile: string, source: string, reporter: Reporter, onParsed?: (tree: Root) => void): Block | undefined {
  const file = path.relative(root, absoluteFile);
  const frontmatter = readFrontmatterNode(source);
  const relative = path.relative(path.join(root, "demands"), absoluteFile).split(path.sep).join("/");
  const [, base, suffixLang] = VARIANT.exec(relative)!;
  const own = new Reporter();
  const meta = readFrontmatter(file, frontmatter, blockFrontmatterSchema, own, source);
  if (!meta) {
    // A broken block fails only the documents that use it (SPEC §2): warn now, error at each include.
    for (const m of own.messages) reporter.warn(m.file, m.line ? { line: m.line, column: m.column ?? 1 } : undefined, `${m.text}  (${t("input.blockUnusable")})`, m.rule);
    const first = own.messages[0];
    const problem = first ? `${first.file}${first.line ? `:${first.line}:${first.column ?? 1}` : ""} ${first.text}` : file;
    const placeholder: BlockFrontmatter = { title: base, kind: "other", lang: (suffixLang as Lang | undefined) ?? "nb", tags: [], requires: [], sources: [] };
    return { id: base, file, meta: placeholder, tree: { type: "root", children: [] }, problem };
  }
  reporter.messages.push(...own.messages);
  if (suffixLang && frontmatter && suffixLang !== meta.lang) {
    reporter.warn(file, { line: 1, column: 1 }, t("input.blockLangMismatch", { suffix: suffixLang, lang: meta.lang }), "block-lang");
    meta.lang = suffixLang as Lang;
  }
  return lazyTree({ id: meta.id ?? base, file, meta }, () => {
    const tree = parseMarkdown(source).tree;
    onParsed?.(tree);
    return tree;
  });
}

/** The body is parsed when a document first includes the block: most builds use a few of many. */
function lazyTree(fields: Omit<Block, "tree">, parse: () => Root): Block {
  let tree: Root | undefined;
  return {
    ...fields,
    get tree() {
      return (tree ??= parse());
    },
  };
}

async function loadTemplates(root: string, reporter: Reporter): Promise<Workspace["templates"]> {
  const dir = path.join(root, "templates");
  const templates: Workspace["templates"] = new Map();
  let names: string[] = [];
  try {
    names = (await readdir(dir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name);
  } catch {
    return templates;
  }
  const cache = blockCacheFor(root);
  for (const name of names.sort()) {
    const file = path.join("templates", name, "template.yaml");
    const absolute = path.join(root, file);
    let source: string;
    try {
      source = await readFile(absolute, "utf8");
    } catch (error) {
      templateUnreadable(file, error, reporter);
      continue;
    }
    // A valid template's fields are remembered by its text (an invalid one has messages to give each time).
    let fields = cache.getParsed<TemplateDef>(absolute, source);
    if (!fields) {
      fields = readTemplate(file, source, reporter);
      if (!fields) continue;
      cache.putParsed(absolute, source, fields);
    }
    templates.set(name, { ...fields, name });
  }
  return templates;
}

function readTemplate(file: string, source: string, reporter: Reporter): TemplateDef | undefined {
  let raw: unknown;
  try {
    raw = parseYaml(source) ?? {};
  } catch (error) {
    templateUnreadable(file, error, reporter);
    return undefined;
  }
  useZodLocale();
  const result = templateSchema.safeParse(raw);
  if (!result.success) {
    for (const issue of result.error.issues) reporter.error(file, undefined, `${issue.path.join(".") || "template"}: ${issue.message}`, "template");
    return undefined;
  }
  return result.data;
}

/** A template that could not be read or is no YAML: the first line of what went wrong, at its place if it has one. */
function templateUnreadable(file: string, error: unknown, reporter: Reporter): void {
  reporter.error(file, positionOf(error), t("input.yamlOther", { message: (error as Error).message.split("\n")[0] }), "yaml");
}

function positionOf(error: unknown) {
  const pos = (error as { linePos?: { line: number; col: number }[] }).linePos?.[0];
  return pos ? { line: pos.line, column: pos.col } : undefined;
}

async function listFiles(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}

/** The workspace a folder belongs to: the nearest folder at or above it with `demands/` or `templates/`. */
export async function findWorkspaceRoot(startDir: string): Promise<string> {
  let dir = path.resolve(startDir);
  for (;;) {
    for (const marker of ["demands", "templates"]) {
      if (await isDirectory(path.join(dir, marker))) return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve(startDir);
    dir = parent;
  }
}

async function isDirectory(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isDirectory();
  } catch {
    return false;
  }
}
