import { randomBytes } from "node:crypto";
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * Writes through a temp file in the same folder and renames it into place, so a
 * reader (or a crash) never sees a half-written file where a good one was.
 */
export async function writeFileAtomic(file: string, data: Uint8Array | string): Promise<void> {
  const dir = path.dirname(file);
  makeDirectory(dir);
  const temp = tempNameFor(file);
  try {
    await writeFile(temp, data, { flush: true });
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** The same, synchronously, for caches written in a process's "exit" handler (no fsync: a cache may be lost). */
export function writeFileAtomicSync(file: string, data: Uint8Array): void {
  makeDirectory(path.dirname(file));
  const temp = tempNameFor(file);
  try {
    writeFileSync(temp, data);
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

function tempNameFor(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
}

/**
 * `mkdir -p`, one level at a time. Node's own `{ recursive: true }` never returns where
 * mkdir answers "not found" under a parent that exists (any path in /proc): it makes the
 * parent again and retries, forever. Here each level is tried once more at most.
 * Synchronous, also for the async writer: a few microseconds, and one version to trust.
 */
export function makeDirectory(dir: string): void {
  try {
    mkdirSync(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") return;
    if (code !== "ENOENT" || path.dirname(dir) === dir) throw error;
    makeDirectory(path.dirname(dir));
    try {
      mkdirSync(dir);
    } catch (again) {
      if ((again as NodeJS.ErrnoException).code !== "EEXIST") throw again;
    }
  }
}
