/**
 * The block index on disk, for cold CLI runs: what loading a block file gave (its id,
 * validated frontmatter, messages, and its Markdown tree once a document included it),
 * keyed by the file's path, size, mtime, ctime and inode. A cold `opprop build` then
 * reads one file instead of parsing 90 frontmatters and the included bodies again.
 * Beside it, what parsing a document or a template gave, keyed by its path and text
 * (both are read anyway; the text's hash leaves no doubt about an edit).
 *
 * Never stale: an edit changes size or mtime, and always ctime (which no tool can set
 * back); an atomic save (write + rename) changes the inode; a deleted or renamed file
 * is simply not found under its old path. The cache also belongs to one build of the
 * code, one Node version and one message language, so that a newer opprop never reads
 * what an older one wrote. Anything unreadable is ignored and written anew.
 *
 * Only the CLI turns it on (bin/opprop.js calls `useBlockCache`); the library and the
 * tests load workspaces without it unless they ask.
 */
import { createHash } from "node:crypto";
import { readFileSync, statSync, type Stats } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { deserialize, serialize } from "node:v8";
import type { Root } from "mdast";
import { getLocale } from "../i18n/locale.js";
import type { Message } from "../report/index.js";
import type { BlockFrontmatter } from "../schema/block.js";
import { readCacheFile, userCacheDir, writeCacheFile } from "./cache-dir.js";

/** What loading one block file gave: the block's fields, or only messages when it failed. */
export interface CachedBlock {
  id?: string;
  meta?: BlockFrontmatter;
  /** A broken block's first problem (see `Block.problem`): it must stay broken when read back. */
  problem?: string;
  messages: Message[];
  /** The serialized Markdown tree, once some document included the block. */
  tree?: Uint8Array;
}

/** Serialized, so that every `get` hands out objects of its own that no earlier build has touched. */
interface Entry {
  stamp: string;
  block: Uint8Array;
  tree?: Uint8Array;
}

/** A parsed document or template, by the SHA-256 of the text it was parsed from. */
interface ParsedEntry {
  hash: string;
  value: Uint8Array;
}

/** Documents and templates remembered per workspace; the oldest go first beyond this. */
const MOST_PARSED = 200;

let cacheDir: string | undefined;
/** One cache per workspace and process: read when first needed, written when the process ends. */
const opened = new Map<string, BlockCache>();

/** Turns the disk cache on for this process, in `dir` (default: the user's cache folder, if there is one). */
export function useBlockCache(dir = userCacheDir()): void {
  if (dir === undefined) return;
  if (cacheDir === undefined) process.once("exit", saveBlockCaches);
  cacheDir = dir;
}

export function blockCacheFor(root: string): BlockCache {
  let cache = opened.get(root);
  if (!cache) opened.set(root, (cache = BlockCache.open(root)));
  return cache;
}

/** Writes every cache that changed (synchronously: it runs in the process's "exit" handler). */
export function saveBlockCaches(): void {
  for (const cache of opened.values()) cache.save();
}

/** The file's identity now; a different stamp means the cached entry is not used. */
export function fileStamp(stats: Stats): string {
  return `${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}:${stats.ino}`;
}

/**
 * Whether a file's stamp can be trusted to change with its next edit. Not when the file
 * system keeps whole seconds only (ext3, HFS+; FAT even two) and the file changed in the
 * last few seconds: a second save in that same second, of the same size, would keep
 * every part of the stamp. Such a file is read every time until it is a little older.
 */
export function stampIsSafe(stats: Pick<Stats, "ctimeMs">, now = Date.now()): boolean {
  return stats.ctimeMs % 1000 !== 0 || now - stats.ctimeMs > 3000;
}

/** This build of the code: `npm run build` and every install rewrite the module files. */
function codeStamp(): string {
  try {
    return fileStamp(statSync(fileURLToPath(import.meta.url)));
  } catch {
    return "unknown";
  }
}

export class BlockCache {
  private readonly entries: Map<string, Entry>;
  private readonly parsed: Map<string, ParsedEntry>;
  private changed = false;

  private constructor(
    private readonly file: string | undefined,
    private readonly key: string,
    entries: Map<string, Entry>,
    parsed: Map<string, ParsedEntry>,
  ) {
    this.entries = entries;
    this.parsed = parsed;
  }

  /** The cache of workspace `root`: empty when the disk cache is off or its file unusable. */
  static open(root: string): BlockCache {
    const key = [codeStamp(), process.version, getLocale(), root].join("\0");
    if (!cacheDir) return new BlockCache(undefined, key, new Map(), new Map());
    const file = path.join(cacheDir, `blocks-${createHash("sha256").update(root).digest("hex").slice(0, 32)}.bin`);
    let entries = new Map<string, Entry>();
    let parsed = new Map<string, ParsedEntry>();
    // No cache yet, or one from a crash or another format: start empty.
    const stored = readCacheFile(file) as { key?: string; entries?: unknown; parsed?: unknown } | undefined;
    if (stored?.key === key && stored.entries instanceof Map && stored.parsed instanceof Map) ({ entries, parsed } = stored as { entries: Map<string, Entry>; parsed: Map<string, ParsedEntry> });
    return new BlockCache(file, key, entries, parsed);
  }

  /** What parsing `absoluteFile` gave when its text was `source`, as fresh objects; undefined if not cached. */
  getParsed<T>(absoluteFile: string, source: string): T | undefined {
    const entry = this.parsed.get(absoluteFile);
    return entry && entry.hash === textHash(source) ? (deserialize(entry.value) as T) : undefined;
  }

  /** Remembers what parsing `source`, the text of `absoluteFile`, gave (serialized now, before anyone changes it). */
  putParsed(absoluteFile: string, source: string, value: unknown): void {
    if (!this.file) return;
    const bytes = serializable(value);
    this.parsed.delete(absoluteFile);
    if (bytes) this.parsed.set(absoluteFile, { hash: textHash(source), value: bytes });
    for (const oldest of this.parsed.keys()) {
      if (this.parsed.size <= MOST_PARSED) break;
      this.parsed.delete(oldest);
    }
    this.changed = true;
  }

  /** The entry for `absoluteFile` if the file is still exactly what was cached. */
  get(absoluteFile: string, stamp: string): CachedBlock | undefined {
    const entry = this.entries.get(absoluteFile);
    if (entry?.stamp !== stamp) return undefined;
    return { ...(deserialize(entry.block) as Omit<CachedBlock, "tree">), tree: entry.tree };
  }

  /** Remembers a fresh load, serialized now, before any document can change the block. */
  put(absoluteFile: string, stamp: string, block: Omit<CachedBlock, "tree">): void {
    if (!this.file) return;
    const bytes = serializable(block);
    if (bytes) this.entries.set(absoluteFile, { stamp, block: bytes });
    else this.entries.delete(absoluteFile);
    this.changed = true;
  }

  /** Remembers a block's tree as parsed, before assembly walks it. */
  putTree(absoluteFile: string, tree: Root): void {
    const entry = this.entries.get(absoluteFile);
    if (!this.file || !entry) return;
    entry.tree = serializable(tree);
    this.changed = true;
  }

  /** Forgets files that are gone, so a cache never grows with deleted blocks. */
  keepOnly(files: readonly string[]): void {
    const present = new Set(files);
    for (const file of this.entries.keys()) {
      if (!present.has(file)) {
        this.entries.delete(file);
        this.changed = true;
      }
    }
  }

  /** Writes the cache if anything changed: temp file and rename, so a reader never sees half of it. */
  save(): void {
    if (!this.file || !this.changed) return;
    if (writeCacheFile(this.file, { key: this.key, entries: this.entries, parsed: this.parsed })) this.changed = false;
  }
}

/** Undefined for a value the structured clone cannot hold (it is then not cached). */
function serializable(value: unknown): Uint8Array | undefined {
  try {
    return serialize(value);
  } catch {
    return undefined;
  }
}

function textHash(source: string): string {
  return createHash("sha256").update(source).digest("base64");
}

export function treeFromCache(bytes: Uint8Array): Root {
  return deserialize(bytes) as Root;
}
