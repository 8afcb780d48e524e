/**
 * The CLI as a shell runs it (bin/opprop.js on the bundle `npm run build` makes):
 * language from LANG/LC_ALL, plain --help off a terminal, a closed pipe, grammatical counts.
 */
import { execFileSync, spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { letter, makeWorkspace } from "../helpers/workspace.js";

const BIN = path.resolve(import.meta.dirname, "../../bin/opprop.js");

function opprop(args: string[], cwd: string, env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", env: { PATH: process.env.PATH, ...env } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const GOOD_BLOCK = "---\ntitle: Krav\nkind: demand\n---\nVi krever bedre behandling.\n";

describe("the opprop process", () => {
  it("--help writes the flags as the README does, with no colour codes when piped", () => {
    const root = makeWorkspace({});
    const run = opprop(["build", "--help"], root);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("--out-dir OUT_DIR");
    expect(run.stdout).toContain("--pdf-standard PDF_STANDARD");
    expect(run.stdout).not.toContain("--outDir");
    expect(run.stdout).not.toMatch(/\x1b\[/);
  });

  it("speaks bokmål for LANG or LC_ALL nb, nn or no: messages, counts and --help", () => {
    const root = makeWorkspace({ "demands/krav.md": GOOD_BLOCK, "documents/doc.md": letter("", "{{> krav}}\n\nSe [her]().") });
    for (const env of [{ LANG: "nb_NO.UTF-8" }, { LC_ALL: "nn_NO.UTF-8" }, { LANG: "no" }]) {
      const check = opprop(["check", "documents/doc.md"], root, env);
      expect(check.code).toBe(1);
      expect(check.stderr).toContain("documents/doc.md:10:4  feil  lenken «[her]()» har ingen adresse");
      expect(check.stderr).toContain("1 feil, 0 advarsler");
    }
    const help = opprop(["build", "--help"], root, { LANG: "nb_NO.UTF-8" });
    expect(help.stdout).toContain("Bruk: opprop build [valg] [DOCUMENTS]");
    expect(help.stdout).toContain("--out-dir OUT_DIR            hvor filene skrives  (standard: out)");
    const ok = makeWorkspace({ "demands/krav.md": GOOD_BLOCK, "documents/doc.md": letter("", "{{> krav}}") });
    expect(opprop(["check", "documents/doc.md"], ok, { LANG: "nb_NO.UTF-8" }).stdout).toMatch(/^ok {2}doc {2}versjon [0-9a-f]{12} {2}1 blokk, 0 underskrivere\n$/);
    expect(opprop(["check", "documents/doc.md"], ok).stdout).toMatch(/^ok {2}doc {2}version [0-9a-f]{12} {2}1 block, 0 signatories\n$/);
    const unknown = opprop(["bild"], root, { LANG: "nb_NO.UTF-8" });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^ukjent kommando «bild»  \(mente du «build»\?\)\n/);
  });

  it("says did-you-mean for an unknown command or option in English too", () => {
    const root = makeWorkspace({});
    const run = opprop(["bild"], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^unknown command "bild" {2}\(did you mean "build"\?\)\n/);
    const flag = opprop(["build", "x.md", "--out-dri", "out"], root);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toMatch(/^unknown option "--out-dri" {2}\(did you mean "--out-dir"\?\)\n/);
  });

  it("ends quietly when the reader of its output stops early (| head)", () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 400; i++) files[`demands/blokk-${String(i).padStart(3, "0")}.md`] = GOOD_BLOCK.replace("Krav", `Krav nummer ${i} med en lang tittel som fyller linjen godt`);
    const root = makeWorkspace(files);
    const out = execFileSync("sh", ["-c", `"${process.execPath}" "${BIN}" blocks --json 2>err.txt | head -c 20; echo; cat err.txt`], { cwd: root, encoding: "utf8" });
    expect(out).not.toContain("EPIPE");
    expect(out).not.toContain("Error");
  });
});
