import { createHash } from "node:crypto";
import { readFile, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { writeFileAtomic } from "../build/write.js";
import type { MessageKey } from "../i18n/catalogue.js";

/** A refusal the browser shows as it is: an HTTP status and a catalogue key. */
export class StudioError extends Error {
  constructor(
    readonly status: number,
    readonly key: MessageKey,
    readonly params?: Record<string, string | number>,
  ) {
    super(key);
  }
}

/** The folders the studio may touch, and what each may hold. */
const FOLDERS: Record<string, RegExp> = {
  documents: /\.md$/,
  demands: /\.md$/,
  signatories: /\.(csv|tsv|txt|xlsx|yaml|yml|json)$/i,
  // Logos for senders sit beside the signatory lists and documents' other inputs.
  logos: /\.(png|jpe?g|gif)$/i,
};

export const hashOf = (text: string | Uint8Array): string => createHash("sha256").update(text).digest("hex").slice(0, 16);

/**
 * Every file the studio reads or writes, confined to the workspace: a path from the
 * browser is relative, stays in one of FOLDERS, has that folder's kind of name, and
 * does not leave the workspace through a symbolic link.
 */
export class WorkspaceFiles {
  private constructor(readonly root: string) {}

  static async open(root: string): Promise<WorkspaceFiles> {
    return new WorkspaceFiles(await realpath(root));
  }

  /** The absolute path for a workspace-relative one (`documents/brev.md`), or a 400/403. */
  async resolve(relative: unknown): Promise<string> {
    if (typeof relative !== "string" || !relative || relative.includes("\0") || relative.includes("\\") || path.isAbsolute(relative)) {
      throw new StudioError(400, "studio.badPath");
    }
    const normal = path.posix.normalize(relative);
    const [folder, ...rest] = normal.split("/");
    if (normal.startsWith("..") || !FOLDERS[folder] || !rest.length || rest.some((part) => part.startsWith(".")) || !FOLDERS[folder].test(normal)) {
      throw new StudioError(403, "studio.outsideWorkspace", { path: relative });
    }
    const absolute = path.join(this.root, normal);
    // The nearest existing folder must resolve inside the workspace: no symlink out.
    let existing = path.dirname(absolute);
    while (!(await stat(existing).catch(() => undefined))) existing = path.dirname(existing);
    const real = await realpath(existing);
    const file = await realpath(absolute).catch(() => absolute);
    if (!isInside(this.root, real) || !isInside(this.root, file)) throw new StudioError(403, "studio.outsideWorkspace", { path: relative });
    return absolute;
  }

  relative(absolute: string): string {
    return path.relative(this.root, absolute).split(path.sep).join("/");
  }

  async read(relative: string): Promise<{ text: string; hash: string }> {
    const text = await readFile(await this.resolve(relative), "utf8").catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") throw new StudioError(404, "studio.noSuchFile", { path: relative });
      throw error;
    });
    return { text, hash: hashOf(text) };
  }

  /**
   * Saves atomically, but only over the version the browser last saw (`baseHash`;
   * undefined for a new file, which must not exist yet). A file that changed on disk
   * meanwhile is a 409: the browser offers to reload instead of overwriting.
   */
  async save(relative: string, data: string | Uint8Array, baseHash: string | undefined): Promise<string> {
    const absolute = await this.resolve(relative);
    const current = await readFile(absolute).catch(() => undefined);
    if (baseHash === undefined ? current !== undefined : current === undefined || hashOf(current) !== baseHash) {
      throw new StudioError(409, "studio.changedOnDisk", { path: relative });
    }
    await writeFileAtomic(absolute, data);
    return hashOf(data);
  }
}

function isInside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return !relative.startsWith("..") && !path.isAbsolute(relative);
}
