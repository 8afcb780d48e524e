/**
 * The hostile corpus (test/fixtures/hostile/corpus.ts) through every output format:
 * each entry must reach the reader literally (escaped, not interpreted), outputs must
 * stay valid, and paths that point out of the workspace must be refused with a
 * positioned error without anything of /etc/passwd ever showing.
 */
import { readFile, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { mkdtemp } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDocuments } from "../../src/build/index.js";
import { FORMATS, type Format } from "../../src/render/index.js";
import { formatMessage, Reporter } from "../../src/report/index.js";
import { HOSTILE, XML_INVALID } from "../fixtures/hostile/corpus.js";
import { comparable, extract } from "./extract.js";
import { FIXTURE, writeHostileWorkspace, type HostileWorkspace } from "./workspace.js";

const TODAY = "2026-11-25";
/** A line of /etc/passwd that exists on every Linux machine. */
const PASSWD_MARK = "root:x:0:0";

let workspace: HostileWorkspace;
beforeAll(async () => {
  workspace = await writeHostileWorkspace();
});
afterAll(async () => {
  await rm(workspace.root, { recursive: true, force: true });
});


async function build(documents: string[], format: Format) {
  const outDir = await mkdtemp(path.join(os.tmpdir(), `opprop-hostile-${format}-`));
  const reporter = new Reporter();
  const built = await buildDocuments(documents, reporter, { formats: [format], outDir, today: TODAY });
  return { outDir, reporter, built, messages: reporter.messages.map((m) => formatMessage(m)) };
}

describe("the hostile corpus", () => {
  it("has entries of which none contains another, so each can be found on its own", () => {
    for (const a of HOSTILE) for (const b of HOSTILE) if (a !== b) expect(comparable("html", a.text).includes(comparable("html", b.text)), `${a.id} contains ${b.id}`).toBe(false);
    expect(HOSTILE.find((e) => e.id === "long-name")!.text).toHaveLength(10_000);
    expect(HOSTILE.find((e) => e.id === "long-word")!.text).toHaveLength(10_000);
  });
});

describe.each(FORMATS)("hostile input → %s", (format) => {
  it("shows every entry literally in every field, and nothing unsafe", async () => {
    const { outDir, reporter, built, messages } = await build(workspace.documents, format);
    try {
      expect(messages.filter((m) => m.includes("  error  ")), "no input here is an error").toEqual([]);
      expect(built).toHaveLength(workspace.documents.length);
      const problems: string[] = [];
      for (const document of new Set(workspace.expectations.map((e) => e.document))) {
        const file = `${document}.${format}`;
        const bytes = await readFile(path.join(outDir, file));
        // A text file with control characters is "binary" to git, editors and mail; XML cannot hold them at all.
        if ((format === "html" || format === "md") && new TextDecoder().decode(bytes).search(XML_INVALID) >= 0) problems.push(`${file}: holds XML-invalid control characters`);
        const { text, unsafe } = await extract(format, bytes);
        problems.push(...unsafe.map((u) => `${file}: unsafe ${u}`));
        if (text.includes(PASSWD_MARK)) problems.push(`${file}: shows /etc/passwd`);
        const seen = comparable(format, text);
        for (const e of workspace.expectations.filter((x) => x.document === document)) {
          const wanted = comparable(format, e.text);
          if (!seen.includes(wanted)) problems.push(`${file}: ${e.field} does not show ${e.corpusId}`);
        }
      }
      expect(problems).toEqual([]);
      expect(reporter.hasErrors).toBe(false);
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
  });

  it("refuses paths out of the workspace with positioned errors and never shows /etc/passwd", async () => {
    const passwd = await readFile("/etc/passwd", "utf8");
    expect(passwd).toContain(PASSWD_MARK);
    const documents = ["traversal-block", "traversal-signatories", "traversal-template", "traversal-logo"].map((d) => path.join(FIXTURE, "documents", `${d}.md`));
    const { outDir, reporter, messages } = await build(documents, format);
    try {
      const errors = reporter.messages.filter((m) => m.severity === "error");
      const errorsOf = (name: string) => errors.filter((m) => m.file.endsWith(`${name}.md`));
      // One error on each include line (`{{> /etc/passwd}}` is not even a valid placeholder).
      expect(new Set(errorsOf("traversal-block").map((m) => m.line))).toEqual(new Set([9, 11, 13]));
      for (const m of errorsOf("traversal-block")) expect(m.text).toMatch(/^(unknown block "[./]*etc\/passwd"|the placeholder "\{\{> [./]*etc\/passwd\}\}" cannot be read)/);
      expect(errorsOf("traversal-signatories")).toHaveLength(3);
      for (const m of errorsOf("traversal-signatories")) expect(m.text).toMatch(/outside the workspace/);
      expect(errorsOf("traversal-template").map((m) => m.text)).toEqual(['unknown template "../../../../../../../../etc"']);
      for (const m of errors) expect({ message: formatMessage(m), line: m.line! >= 1, column: m.column! >= 1 }).toEqual({ message: formatMessage(m), line: true, column: true });
      for (const text of messages) expect(text).not.toContain(PASSWD_MARK);
      // Only the logo document has no error of its own; the others wrote nothing.
      const written = await readdir(outDir);
      expect(written.filter((f) => !f.startsWith("traversal-logo."))).toEqual([]);
      for (const file of written) {
        const bytes = await readFile(path.join(outDir, file));
        expect(Buffer.from(bytes).includes(PASSWD_MARK)).toBe(false);
        expect((await extract(format, bytes)).text).not.toContain(PASSWD_MARK);
      }
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
  });
});
