/**
 * Starts the bundled CLI (one CommonJS file, scripts/bundle.mjs) with V8's code cache
 * kept in the user's cache folder. Parsing and compiling the bundle is the largest single
 * cost of a cold `opprop build` on Node 20, which has no compile cache of its own; with
 * the cache V8 reads the code it made last time instead.
 *
 * The cache is made after the command has run, so it holds every function the command
 * used, not only the bundle's top level (what Node's own compile cache and the
 * v8-compile-cache package store). It is kept per command, since `opprop check` and
 * `opprop build` use different parts of the bundle. A cache belongs to one bundle file
 * (its size, mtime, ctime and inode), one Node and V8 version and one CPU architecture; V8 also
 * checks it itself and rejects one that does not fit, which only costs a recompile.
 */
import { isAscii } from "node:buffer";
import { closeSync, fstatSync, openSync, readFileSync, type Stats } from "node:fs";
import Module, { createRequire } from "node:module";
import path from "node:path";
import { Script } from "node:vm";
import { readCacheFile, userCacheDir, writeCacheFile } from "../workspace/cache-dir.js";

interface StoredCache {
  key: string;
  data: Uint8Array;
}

/** Where the code cache of `command` (the first word of the command line) is kept, if anywhere. */
export function codeCacheFile(command: string | undefined): string | undefined {
  const dir = userCacheDir();
  return dir && path.join(dir, `code-${command && /^[a-z]{1,20}$/.test(command) ? command : "cli"}.bin`);
}

/**
 * Runs `bundleFile` as a CommonJS module and returns its exports. With `cacheFile`, the
 * compiled code is read from there when it fits this bundle and Node; `save()` writes it
 * (call it once the command is done, so that it holds what the command compiled).
 */
export function requireWithCodeCache(bundleFile: string, cacheFile: string | undefined): { exports: unknown; save: () => void } {
  // Stamp and text from one open file, so that a bundle replaced meanwhile cannot lend its stamp to the other's code.
  const fd = openSync(bundleFile, "r");
  let source: string;
  let stats: Stats;
  try {
    stats = fstatSync(fd);
    source = sourceText(readFileSync(fd));
  } finally {
    closeSync(fd);
  }
  // ctime too: no tool can set it back, so an edit that keeps size and mtime still changes the key.
  const key = [stats.size, stats.mtimeMs, stats.ctimeMs, stats.ino, process.version, process.versions.v8, process.arch].join(":");
  const cached = cacheFile ? readCache(cacheFile, key) : undefined;
  const script = new Script(Module.wrap(source), { filename: bundleFile, cachedData: cached });

  const module = new Module(bundleFile);
  module.filename = bundleFile;
  module.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(path.dirname(bundleFile));
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(module.exports, module.exports, createRequire(bundleFile), module, bundleFile, path.dirname(bundleFile));
  module.loaded = true;

  const fresh = cached === undefined || script.cachedDataRejected === true;
  // Written through a temp file, so that another opprop starting now never reads half a cache.
  const save = () => {
    if (cacheFile && fresh) writeCacheFile(cacheFile, { key, data: script.createCachedData() } satisfies StoredCache);
  };
  return { exports: module.exports, save };
}

/** An ASCII file (as scripts/bundle.mjs makes the bundle) is copied into a string; only other text needs UTF-8 decoding, three times slower. */
function sourceText(bytes: Buffer): string {
  return isAscii(bytes) ? bytes.toString("latin1") : bytes.toString("utf8");
}

function readCache(file: string, key: string): Uint8Array | undefined {
  const stored = readCacheFile(file) as Partial<StoredCache> | undefined;
  return stored?.key === key && stored.data instanceof Uint8Array ? stored.data : undefined;
}
