/**
 * YAML that parses but cannot become data: an alias without its anchor, and an alias
 * "billion laughs" bomb, in a document, a block and a signatory list. Each must be a
 * positioned error in its own file; the build goes on with the rest.
 */
import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { buildDocuments } from "../../src/build/index.js";
import { formatMessage, Reporter } from "../../src/report/index.js";

const fixture = path.resolve(import.meta.dirname, "../fixtures/hostile/yaml");

it("unresolvable and exploding YAML aliases are positioned errors in their own files, never a crash", async () => {
  const outDir = await mkdtemp(path.join(os.tmpdir(), "opprop-yaml-"));
  try {
    const reporter = new Reporter();
    const documents = ["alias", "bomb", "signatories"].map((name) => path.join(fixture, "documents", `${name}.md`));
    await buildDocuments(documents, reporter, { formats: ["html"], outDir, today: "2026-11-25" });
    const errors = reporter.messages.filter((m) => m.severity === "error");
    const files = new Set(errors.map((m) => m.file));
    expect([...files].sort()).toEqual(["demands/alias.md", "documents/alias.md", "documents/bomb.md", "signatories/alias.yaml", "signatories/bomb.yaml"]);
    for (const m of errors) expect(m.line, formatMessage(m)).toBeGreaterThanOrEqual(1);
    // The signatory lists with errors do not stop the document: it is built with the good list.
    expect(await readdir(outDir)).toEqual(["signatories.html"]);
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
});
