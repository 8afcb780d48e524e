/**
 * The DEFLATE output of DOCX parts, kept on disk between CLI runs by the SHA-256 of each
 * part, so that a cold build compresses only what changed: on a cold start fflate runs in
 * V8's interpreter, ~30 ms for a two-page letter, while styles, numbering, theme and most
 * other parts are the same from build to build. A part taken from the cache is inflated
 * (zlib's inflate has one right answer) and compared with the part first, so a damaged
 * cache costs speed, never a wrong document. Only the CLI turns it on (bin/opprop.js).
 */
import { createHash } from "node:crypto";
import path from "node:path";
import { inflateRawSync } from "node:zlib";
import { readCacheFile, userCacheDir, writeCacheFile } from "../../workspace/cache-dir.js";

/** Parts kept, the oldest going first (a letter has about twenty). */
const MOST_PARTS = 400;
/** A part larger than this (the body of a long signatory list) is compressed each time: by then fflate runs at full speed. */
const LARGEST_PART = 1 << 20;

let cacheFile: string | undefined;
let parts: Map<string, Uint8Array> | undefined;
let changed = false;

/** Turns the cache on for this process, in `dir` (default: the user's cache folder, if there is one); `null` turns it off. */
export function useDocxPartCache(dir: string | null | undefined = userCacheDir()): void {
  if (dir && !cacheFile) process.once("exit", saveDocxPartCache);
  cacheFile = dir ? path.join(dir, "docx-parts.bin") : undefined;
  parts = undefined;
  changed = false;
}

/** `deflate(data)`, from the cache when this very part was compressed before. */
export function cachedDeflate(data: Uint8Array, deflate: (data: Uint8Array) => Uint8Array): Uint8Array {
  if (!cacheFile || data.length > LARGEST_PART) return deflate(data);
  const cache = (parts ??= readCache(cacheFile));
  const key = createHash("sha256").update(data).digest("base64");
  const hit = cache.get(key);
  if (hit && fits(hit, data)) return hit;
  const compressed = deflate(data);
  cache.delete(key);
  cache.set(key, compressed);
  for (const oldest of cache.keys()) {
    if (cache.size <= MOST_PARTS) break;
    cache.delete(oldest);
  }
  changed = true;
  return compressed;
}

function fits(compressed: Uint8Array, data: Uint8Array): boolean {
  try {
    return inflateRawSync(compressed).equals(data);
  } catch {
    return false;
  }
}

function readCache(file: string): Map<string, Uint8Array> {
  // No cache yet, or a damaged one: start empty.
  const stored = readCacheFile(file);
  return stored instanceof Map ? (stored as Map<string, Uint8Array>) : new Map();
}

/** Writes the cache if this process used it (synchronously: it runs in the "exit" handler). */
export function saveDocxPartCache(): void {
  if (!cacheFile || !parts || !changed) return;
  if (writeCacheFile(cacheFile, parts)) changed = false;
}
