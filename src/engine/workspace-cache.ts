import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { Reporter, type Message } from "../report/index.js";
import { indexBlocks, loadBlock, loadWorkspace, PACKAGE_ROOT, type Block, type Workspace } from "../workspace/index.js";

interface CachedBlock {
  /** mtime and size together: an editor that saves twice within a millisecond changes the size. */
  stamp: string;
  block?: Block;
  messages: Message[];
}

/**
 * The workspace for repeated builds of one document: a block file is parsed again
 * only when its mtime or size changed, so a rebuild after saving one block parses
 * that block alone. Templates are few; they are reloaded when any template.yaml changes.
 * Each load reports every block's messages again, as a fresh `loadWorkspace` would.
 */
export class WorkspaceCache {
  private readonly blocks = new Map<string, CachedBlock>();
  private templates?: { stamp: string; value: Workspace["templates"]; messages: Message[] };
  /** How many block files the last load parsed (the rest came from the cache). */
  parsedLastTime = 0;
  /** Counts up whenever a load finds a block or template changed, added or removed. */
  generation = 0;

  constructor(readonly root: string) {}

  async load(reporter: Reporter): Promise<Workspace> {
    const [blocks, templates] = await Promise.all([this.loadBlocks(reporter), this.loadTemplates(reporter)]);
    return { root: this.root, blocks, templates };
  }

  private async loadBlocks(reporter: Reporter): Promise<Workspace["blocks"]> {
    const files = (await listFiles(path.join(this.root, "demands"))).filter((f) => f.endsWith(".md")).sort();
    const stamps = await Promise.all(files.map(stampOf));
    const present = new Set(files);
    for (const file of this.blocks.keys()) {
      if (present.has(file)) continue;
      this.blocks.delete(file);
      this.generation++;
    }
    this.parsedLastTime = 0;
    await Promise.all(
      files.map(async (file, i) => {
        if (this.blocks.get(file)?.stamp === stamps[i]) return;
        const own = new Reporter();
        const block = await loadBlock(this.root, file, own).catch((error: Error) => {
          own.error(path.relative(this.root, file), undefined, `cannot read: ${error.message}`, "read");
          return undefined;
        });
        this.blocks.set(file, { stamp: stamps[i], block, messages: own.messages });
        this.parsedLastTime++;
        this.generation++;
      }),
    );
    for (const file of files) reporter.messages.push(...this.blocks.get(file)!.messages);
    return indexBlocks(
      files.map((file) => this.blocks.get(file)!.block),
      reporter,
    );
  }

  /** Reloading the templates reads the whole workspace once; only a template edit pays that. */
  private async loadTemplates(reporter: Reporter): Promise<Workspace["templates"]> {
    const roots = this.root === PACKAGE_ROOT ? [this.root] : [PACKAGE_ROOT, this.root];
    const files = (await Promise.all(roots.map((root) => listFiles(path.join(root, "templates"))))).flat().filter((f) => f.endsWith("template.yaml"));
    const stamp = (await Promise.all(files.map(async (f) => `${f}@${await stampOf(f)}`))).sort().join("\n");
    if (this.templates?.stamp !== stamp) {
      const own = new Reporter();
      const { templates } = await loadWorkspace(this.root, own);
      this.templates = { stamp, value: templates, messages: own.messages.filter((m) => m.file.startsWith("templates")) };
      this.generation++;
    }
    reporter.messages.push(...this.templates.messages);
    return this.templates.value;
  }
}

async function stampOf(file: string): Promise<string> {
  const info = await stat(file).catch(() => undefined);
  return info ? `${info.mtimeMs}:${info.size}` : "gone";
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}
