// The block index on disk (src/workspace/cache.ts) must never give a stale result: every
// load below runs in a "new process" (fresh modules, the cache read back from disk) and is
// compared with a load of the same files without any cache.
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Workspace } from "../../src/workspace/index.js";

const block = (title: string, body: string) => `---\ntitle: ${title}\nkind: demand\nlang: nb\n---\n${body}\n`;

function workspace(): { root: string; cacheDir: string; file: (name: string) => string } {
  const root = mkdtempSync(path.join(tmpdir(), "opprop-cache-ws-"));
  const cacheDir = mkdtempSync(path.join(tmpdir(), "opprop-cache-dir-"));
  mkdirSync(path.join(root, "demands", "krav"), { recursive: true });
  writeFileSync(path.join(root, "demands", "krav", "ventetid.md"), block("Ventetid", "Kortere *ventetid*."));
  writeFileSync(path.join(root, "demands", "krav", "tilbud.md"), block("Tilbud", "Et tilbud i hele landet."));
  writeFileSync(path.join(root, "demands", "krav", "brutt.md"), "---\ntitle: [\n---\nBrutt.\n");
  return { root, cacheDir, file: (name) => path.join(root, "demands", "krav", name) };
}

/** What a build sees of a workspace: ids, titles, a broken block's problem, bodies (as parsed trees) and messages. */
function view(ws: Workspace, messages: unknown[]) {
  const blocks = [...ws.blocks].map(([id, variants]) => [id, [...variants].map(([lang, b]) => [lang, b.file, b.meta, b.problem, b.tree])]);
  return { blocks, messages };
}

/** Loads `root` in fresh modules, as a new `opprop` process would; `cacheDir` undefined = no cache. */
async function load(root: string, cacheDir?: string) {
  vi.resetModules();
  const cache = await import("../../src/workspace/cache.js");
  const { loadWorkspace } = await import("../../src/workspace/index.js");
  const { Reporter } = await import("../../src/report/index.js");
  if (cacheDir) cache.useBlockCache(cacheDir);
  const reporter = new Reporter();
  const ws = await loadWorkspace(root, reporter);
  const seen = view(ws, reporter.messages);
  // What the process's exit handler does.
  cache.saveBlockCaches();
  return seen;
}

afterEach(() => {
  process.removeAllListeners("exit");
});

describe("block cache on disk", () => {
  it("gives what a load without cache gives, and is written", async () => {
    const { root, cacheDir } = workspace();
    const fresh = await load(root);
    expect(fresh.messages).toHaveLength(1);
    expect(await load(root, cacheDir)).toEqual(fresh);
    // The workspace's cache, and the one of the templates shipped with opprop.
    expect(readdirSync(cacheDir)).toHaveLength(2);
    // Read back, trees included (the first cached load parsed and stored them).
    expect(await load(root, cacheDir)).toEqual(fresh);
    expect(await load(root, cacheDir)).toEqual(fresh);
  });

  it("sees an edit that keeps the size and the mtime", async () => {
    const { root, cacheDir, file } = workspace();
    // A whole second, which utimes can set back exactly (a Date from stat has only milliseconds).
    const second = 1_700_000_000;
    utimesSync(file("ventetid.md"), second, second);
    await load(root, cacheDir);
    await load(root, cacheDir);
    const before = statSync(file("ventetid.md"));
    writeFileSync(file("ventetid.md"), block("Ventetia", "Kortere *ventetia*."));
    utimesSync(file("ventetid.md"), second, second);
    const after = statSync(file("ventetid.md"));
    expect([after.size, after.mtimeMs]).toEqual([before.size, before.mtimeMs]);
    const edited = await load(root, cacheDir);
    expect(edited).toEqual(await load(root));
    expect(JSON.stringify(edited)).toContain("Ventetia");
    expect(JSON.stringify(edited)).not.toContain("Ventetid");
  });

  it("sees a fixed broken block, a deletion and a rename", async () => {
    const { root, cacheDir, file } = workspace();
    await load(root, cacheDir);
    await load(root, cacheDir);
    writeFileSync(file("brutt.md"), block("Hel", "Nå hel."));
    rmSync(file("tilbud.md"));
    renameSync(file("ventetid.md"), file("kortere-ventetid.md"));
    const changed = await load(root, cacheDir);
    expect(changed).toEqual(await load(root));
    expect(changed.messages).toEqual([]);
    expect(changed.blocks.map(([id]) => id).sort()).toEqual(["krav/brutt", "krav/kortere-ventetid"]);
  });

  it("does not trust a stamp of whole seconds from the last seconds (a coarse file system)", async () => {
    const { stampIsSafe } = await import("../../src/workspace/cache.js");
    const now = 1_700_000_010_000;
    expect(stampIsSafe({ ctimeMs: now - 1000 }, now)).toBe(false);
    expect(stampIsSafe({ ctimeMs: now - 1000.5 }, now)).toBe(true);
    expect(stampIsSafe({ ctimeMs: now - 60_000 }, now)).toBe(true);
  });

  it("ignores a damaged cache file", async () => {
    const { root, cacheDir } = workspace();
    await load(root, cacheDir);
    const [name] = readdirSync(cacheDir);
    writeFileSync(path.join(cacheDir, name), "not a cache");
    expect(await load(root, cacheDir)).toEqual(await load(root));
  });
});
