/**
 * YAML that parses but cannot become data: an alias without its anchor, and an alias
 * "billion laughs" bomb, in a document, a block and a signatory list. Each must be a
 * positioned problem in its own file: an error for the documents it touches, a warning
 * for a block no document uses; the build goes on with the rest.
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
    expect([...files].sort()).toEqual(["documents/alias.md", "documents/bomb.md", "signatories/alias.yaml", "signatories/bomb.yaml"]);
    for (const m of errors) expect(m.line, formatMessage(m)).toBeGreaterThanOrEqual(1);
    // The broken block no document uses is a warning at its place.
    expect(reporter.messages.filter((m) => m.file === "demands/alias.md").map((m) => m.severity)).toEqual(["warning"]);
    // A document whose signatory lists have errors is not built: no file is written with signatories missing.
    expect(await readdir(outDir)).toEqual([]);
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
});
