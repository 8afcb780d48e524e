// The compiled code bin/opprop.js keeps in the user's cache folder (src/cli/code-cache.ts):
// written once per command, read back while it fits, and never a reason for a run to
// fail or to build something else. Needs `npm run build` (bin/opprop.js runs the bundle).
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { deserialize, serialize } from "node:v8";
import { describe, expect, it } from "vitest";
import { requireWithCodeCache } from "../../src/cli/code-cache.js";

const ROOT = path.resolve(fileURLToPath(import.meta.url), "../../..");
const STATEMENT = "documents/stotteerklaering-smertebehandling.md";

function workspace() {
  const dir = mkdtempSync(path.join(tmpdir(), "opprop-code-cache-"));
  for (const folder of ["demands", "documents", "signatories"]) cpSync(path.join(ROOT, folder), path.join(dir, folder), { recursive: true });
  const cacheDir = path.join(dir, "cache");
  const opprop = (...args: string[]) =>
    spawnSync(process.execPath, [path.join(ROOT, "bin/opprop.js"), ...args], { cwd: dir, env: { ...process.env, XDG_CACHE_HOME: cacheDir, LANG: "C" }, encoding: "utf8" });
  const build = () => {
    const run = opprop("build", STATEMENT, "--format", "md,html", "--out-dir", "out");
    expect(run.status, run.stderr).toBe(0);
    return readFileSync(path.join(dir, "out/stotteerklaering-smertebehandling.md"), "utf8") + readFileSync(path.join(dir, "out/stotteerklaering-smertebehandling.html"), "utf8");
  };
  return { opprop, build, cacheFile: (command: string) => path.join(cacheDir, "opprop", `code-${command}.bin`) };
}

const stamp = (file: string) => `${statSync(file).mtimeMs}:${statSync(file).ino}`;

describe("the CLI's code cache", () => {
  it("is written by a command's first run and read, not rewritten, by the next", () => {
    const { build, cacheFile } = workspace();
    const first = build();
    const written = stamp(cacheFile("build"));
    expect(deserialize(readFileSync(cacheFile("build")))).toMatchObject({ key: expect.stringContaining(process.version) });
    expect(build()).toBe(first);
    expect(stamp(cacheFile("build"))).toBe(written);
  });

  it("survives a damaged cache file and one V8 rejects, and writes a good one instead", () => {
    const { build, cacheFile } = workspace();
    const reference = build();
    const { key } = deserialize(readFileSync(cacheFile("build"))) as { key: string };
    // A good cache is one the next run reads without writing it again.
    const rewrittenAndGood = () => {
      const rewritten = stamp(cacheFile("build"));
      expect(deserialize(readFileSync(cacheFile("build")))).toMatchObject({ key });
      expect(build()).toBe(reference);
      expect(stamp(cacheFile("build"))).toBe(rewritten);
    };

    writeFileSync(cacheFile("build"), "not a cache");
    expect(build()).toBe(reference);
    rewrittenAndGood();

    // The right key, but code V8 cannot use: it says so, and the file is made anew.
    writeFileSync(cacheFile("build"), serialize({ key, data: new Uint8Array(4096).fill(7) }));
    const damaged = readFileSync(cacheFile("build"));
    expect(build()).toBe(reference);
    expect(readFileSync(cacheFile("build")).equals(damaged)).toBe(false);
    rewrittenAndGood();
  });

  it("keeps no cache for a mistyped command", () => {
    const { opprop, cacheFile } = workspace();
    const run = opprop("bild", STATEMENT);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("build");
    expect(existsSync(cacheFile("bild"))).toBe(false);
    expect(opprop("--version").stdout).toContain("opprop");
  });

  it("never runs the code of an earlier bundle, even one of the same size and mtime", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "opprop-code-cache-"));
    const bundle = path.join(dir, "main.cjs");
    const cacheFile = path.join(dir, "code-test.bin");
    // A whole second, which every file system stores exactly.
    const mtime = new Date("2026-01-01T00:00:00Z");
    writeFileSync(bundle, "module.exports = { made: 'one' };");
    utimesSync(bundle, mtime, mtime);
    const first = requireWithCodeCache(bundle, cacheFile);
    first.save();
    expect(first.exports).toEqual({ made: "one" });
    // Another text of the same length, its mtime set back: only the ctime tells.
    writeFileSync(bundle, "module.exports = { made: 'two' };");
    utimesSync(bundle, mtime, mtime);
    expect(statSync(bundle).mtimeMs).toBe(mtime.getTime());
    expect(requireWithCodeCache(bundle, cacheFile).exports).toEqual({ made: "two" });
  });
});
