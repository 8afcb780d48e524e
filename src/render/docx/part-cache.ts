/**
 * The DEFLATE output of DOCX parts, kept on disk between CLI runs by the SHA-256 of each
 * part, so that a cold build compresses only what changed: on a cold start fflate runs in
 * V8's interpreter, ~30 ms for a two-page letter, while styles, numbering, theme and most
 * other parts are the same from build to build. Each entry holds the SHA-256 of its
 * compressed bytes, made when they were compressed and checked before they are used, so
 * a damaged cache (a flipped bit, a cut-off file, an entry of another shape) costs speed,
 * never a wrong document. (Inflating each hit to compare it cost a cold build ~15 ms:
 * zlib's first streams.) Only the CLI turns it on (bin/opprop.js).
 */
import { createHash } from "node:crypto";
import path from "node:path";
import { readCacheFile, userCacheDir, writeCacheFile } from "../../workspace/cache-dir.js";

/** A part's DEFLATE output, and the SHA-256 of that output. */
interface Entry {
  deflated: Uint8Array;
  digest: string;
}

/** Parts kept, the oldest going first (a letter has about twenty). */
const MOST_PARTS = 400;
/** A part larger than this (the body of a long signatory list) is compressed each time: by then fflate runs at full speed. */
const LARGEST_PART = 1 << 20;

let cacheFile: string | undefined;
let parts: Map<string, Entry> | undefined;
let changed = false;

/** Turns the cache on for this process, in `dir` (default: the user's cache folder, if there is one); `null` turns it off. */
export function useDocxPartCache(dir: string | null | undefined = userCacheDir()): void {
  if (dir && !cacheFile) process.once("exit", saveDocxPartCache);
  cacheFile = dir ? path.join(dir, "docx-parts.bin") : undefined;
  parts = undefined;
  changed = false;
}

/** `deflate(data)`, from the cache when this very part was compressed before (and its bytes are whole). */
export async function cachedDeflate(data: Uint8Array, deflate: (data: Uint8Array) => Promise<Uint8Array>): Promise<Uint8Array> {
  if (!cacheFile || data.length > LARGEST_PART) return deflate(data);
  const cache = (parts ??= readCache(cacheFile));
  const key = sha256(data);
  const hit = cache.get(key);
  if (hit && hit.deflated instanceof Uint8Array && sha256(hit.deflated) === hit.digest) return hit.deflated;
  const deflated = await deflate(data);
  cache.delete(key);
  cache.set(key, { deflated, digest: sha256(deflated) });
  for (const oldest of cache.keys()) {
    if (cache.size <= MOST_PARTS) break;
    cache.delete(oldest);
  }
  changed = true;
  return deflated;
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("base64");

function readCache(file: string): Map<string, Entry> {
  // No cache yet, or a damaged one: start empty.
  const stored = readCacheFile(file);
  return stored instanceof Map ? (stored as Map<string, Entry>) : new Map();
}

/** Writes the cache if this process used it (synchronously: it runs in the "exit" handler). */
export function saveDocxPartCache(): void {
  if (!cacheFile || !parts || !changed) return;
  if (writeCacheFile(cacheFile, parts)) changed = false;
}
