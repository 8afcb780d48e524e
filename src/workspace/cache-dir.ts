import { readFileSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";
import { deserialize, serialize } from "node:v8";
import { writeFileAtomicSync } from "../build/write.js";

/**
 * The user's cache folder for opprop (`$XDG_CACHE_HOME/opprop`, else `~/.cache/opprop`):
 * the block index (cache.ts), the CLI's compiled code (src/cli/code-cache.ts) and the
 * compressed DOCX parts (src/render/docx/part-cache.ts).
 * Undefined without a home folder: everything then works without a cache.
 */
export function userCacheDir(): string | undefined {
  try {
    return path.join(process.env.XDG_CACHE_HOME || path.join(homedir(), ".cache"), "opprop");
  } catch {
    // homedir() throws without HOME and without a passwd entry.
    return undefined;
  }
}

/** What `writeCacheFile` stored in `file`; undefined when there is none yet or it cannot be read (a crash, another format). */
export function readCacheFile(file: string): unknown {
  try {
    return deserialize(readFileSync(file));
  } catch {
    return undefined;
  }
}

/**
 * Stores `value` in `file` through a temp file and a rename, so that another opprop never
 * reads half of it; false when it could not (a read-only or full cache folder costs only
 * the next run's speed-up).
 */
export function writeCacheFile(file: string, value: unknown): boolean {
  try {
    writeFileAtomicSync(file, serialize(value));
    return true;
  } catch {
    return false;
  }
}
