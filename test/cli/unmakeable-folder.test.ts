// A folder that cannot be made must give a message, never a hang: Node's recursive
// mkdir loops forever where mkdir answers "not found" under a parent that exists,
// as in /proc (src/build/write.ts makeDirectory). Linux only: elsewhere there is no /proc.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { makeDirectory } from "../../src/build/write.js";
import { runCli } from "../helpers/cli.js";

const ROOT = path.resolve(fileURLToPath(import.meta.url), "../../..");
const STATEMENT = "documents/stotteerklaering-smertebehandling.md";
const UNMAKEABLE = "/proc/opprop-cannot-be-made/out";

describe.runIf(existsSync("/proc/self"))("a folder that cannot be made", () => {
  it("makeDirectory makes nested folders, and fails at once under /proc", () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), "opprop-mkdir-")), "a", "b", "c");
    makeDirectory(dir);
    makeDirectory(dir);
    expect(existsSync(dir)).toBe(true);
    expect(() => makeDirectory(UNMAKEABLE)).toThrow(/ENOENT/);
  });

  it("build --out-dir there says it could not write, and exits 1", async () => {
    const run = await runCli(["build", STATEMENT, "--format", "md", "--out-dir", UNMAKEABLE], ROOT);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/opprop-cannot-be-made\/out\/stotteerklaering-smertebehandling\.md.*(could not write|kunne ikke skrive)/);
    expect(run.stderr).toMatch(/the folder cannot be made there \(choose another --out-dir\)|mappa kan ikke lages der \(velg en annen --out-dir\)/);
    expect(run.stderr).not.toContain("ENOENT");
  });

  it("a cache folder there only costs the cache: the real CLI builds and ends", () => {
    const out = mkdtempSync(path.join(tmpdir(), "opprop-mkdir-out-"));
    const run = spawnSync(process.execPath, [path.join(ROOT, "bin/opprop.js"), "build", STATEMENT, "--format", "md", "--out-dir", out], {
      cwd: ROOT,
      env: { ...process.env, XDG_CACHE_HOME: path.dirname(UNMAKEABLE) },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(run.error).toBeUndefined();
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(path.join(out, "stotteerklaering-smertebehandling.md"), "utf8")).toContain("# ");
  });
});
