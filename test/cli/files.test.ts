/** Files as people have them: missing ones named where they are referred to, Windows line endings. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { letter, makeWorkspace } from "../helpers/workspace.js";

describe("files", () => {
  it("a missing signatory file is named at the document line that refers to it, as not found", async () => {
    const root = makeWorkspace({
      "documents/doc.md": letter("signatories:\n  - ../signatories/mangler.csv\n  - file: ../signatories/skjema.csv\n    group: Privatpersoner\n"),
    });
    const run = await runCli(["check", "documents/doc.md"], root);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('documents/doc.md:8:5  error  signatory file "../signatories/mangler.csv" not found (looked for signatories/mangler.csv)');
    expect(run.stderr).toContain('documents/doc.md:9:11  error  signatory file "../signatories/skjema.csv" not found (looked for signatories/skjema.csv)');
    expect(run.stderr).not.toContain("ENOENT");
  });

  it("a missing document says not found", async () => {
    const run = await runCli(["check", "documents/finnes-ikke.md"], makeWorkspace({}));
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("documents/finnes-ikke.md  error  file not found\n1 error, 0 warnings\n");
  });

  it("a folder given as a document, and an --out-dir that is a file, are said in plain words (no EISDIR, EEXIST, mkdir)", async () => {
    const root = makeWorkspace({ "documents/doc.md": letter(), "ut": "" });
    const folder = await runCli(["check", "documents"], root);
    expect(folder.code).toBe(1);
    expect(folder.stderr).toBe("documents  error  this is a folder, not a file: name the documents in it, e.g. documents/*.md\n1 error, 0 warnings\n");
    const build = await runCli(["build", "documents/doc.md", "--format", "md,html", "--out-dir", "ut"], root);
    expect(build.code).toBe(1);
    expect(build.stderr).not.toMatch(/EEXIST|ENOTDIR|mkdir|render/);
    expect(build.stderr).toContain("ut/doc.md  error  could not write the file: a part of its path is a file, not a folder (choose another --out-dir)");
  });

  it("Windows line endings never leak a CR into HTML or Markdown", async () => {
    const crlf = (text: string) => text.replace(/\n/g, "\r\n");
    const root = makeWorkspace({
      "demands/krav.md": crlf("---\ntitle: Krav\nkind: demand\n---\nVi krever\nbedre behandling.\n\n- én\n- to\n"),
      "documents/doc.md": crlf(letter("", "Første linje\nandre linje.\n\n{{> krav}}\n\n| a | b |\n|---|---|\n| 1 | 2 |")),
    });
    const run = await runCli(["build", "documents/doc.md", "--format", "html,md", "--out-dir", "out"], root);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    for (const format of ["html", "md"]) {
      const text = readFileSync(path.join(root, `out/doc.${format}`), "utf8");
      expect(text).toContain("andre linje");
      expect(text.includes("\r"), format).toBe(false);
    }
  });
});
