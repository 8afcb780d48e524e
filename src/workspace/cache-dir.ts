import { homedir } from "node:os";
import path from "node:path";

/**
 * The user's cache folder for opprop (`$XDG_CACHE_HOME/opprop`, else `~/.cache/opprop`):
 * the block index (cache.ts) and the CLI's compiled code (src/cli/code-cache.ts).
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
