/**
 * Markdown documents and blocks, generated and written into a real workspace, through
 * `buildDocuments` to html and md: every input ends as complete output files or as
 * errors placed in the file they are about, and out/ never holds a half-written
 * file or a temp file — a failed build leaves the previous good files as they were.
 */
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, expect, it } from "vitest";
import { stringify } from "yaml";
import { buildDocuments } from "../../src/build/index.js";
import { Reporter } from "../../src/report/index.js";
import { htmlText, markdownText } from "../hostile/extract.js";
import { fuzzOptions, markdownBody, nastyText, RUNS, timeoutFor } from "./arbitraries.js";
import { unplacedErrors } from "./messages.js";

const BLOCKS = ["b0", "b1", "sub/b2"];
const INCLUDES = [...BLOCKS, "missing", "sub", "../b0", "../../etc/passwd", "b0.en", "sub/b2 extra"];
const PREVIOUS = "previous good build\n";

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "opprop-fuzz-assemble-"));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const value = fc.oneof(nastyText(4), fc.integer(), fc.boolean(), fc.constant(null), fc.dictionary(fc.constantFrom("z", "w"), nastyText(3), { maxKeys: 2 }));
const source = fc.record({ id: fc.constantFrom("s1", "s2", "s1", ""), title: nastyText(3), url: fc.constantFrom(undefined, "https://eksempel.no/x", "ikke en url") }, { requiredKeys: ["id", "title"] });

const blockFile = fc
  .record({
    frontmatter: fc.record(
      { title: nastyText(3), kind: fc.constantFrom("demand", "fact", "argument", "wrong"), lang: fc.constantFrom("nb", "en", "xx"), requires: fc.array(fc.constantFrom("x", "y.z", "missing"), { maxLength: 2 }), sources: fc.array(source, { maxLength: 2 }) },
      { requiredKeys: ["title", "kind"] },
    ),
    body: markdownBody(INCLUDES),
  })
  .map(({ frontmatter, body }) => `---\n${stringify(frontmatter)}---\n${body}`);

const documentFile = fc
  .record({
    frontmatter: fc.record(
      {
        template: fc.constantFrom("stotteerklaering", "opprop", "horingssvar", "ukjent"),
        title: nastyText(4),
        lang: fc.constantFrom("nb", "nn", "en"),
        date: fc.constantFrom("2026-11-22", "2026-02-30", "i går"),
        to: fc.array(fc.oneof(nastyText(3), fc.record({ name: nastyText(3), address: nastyText(3) })), { maxLength: 2 }),
        from: fc.record({ name: nastyText(3), orgnr: nastyText(2) }),
        vars: fc.dictionary(fc.constantFrom("x", "y", "missing", "z"), value, { maxKeys: 3 }),
        consultation: fc.record({ title: nastyText(2), issuer: nastyText(2), deadline: fc.constantFrom("2026-12-01", "2026-11-01") }),
      },
      { requiredKeys: ["template", "title", "to"] },
    ),
    body: markdownBody(INCLUDES),
  })
  .map(({ frontmatter, body }) => `---\n${stringify(frontmatter)}---\n${body}`);

/** A file as written, or cut short at some point (an editor saving, a copy interrupted). */
const maybeTruncated = (file: fc.Arbitrary<string>) => fc.tuple(file, fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { freq: 5 })).map(([text, cut]) => (cut === null ? text : text.slice(0, Math.floor(text.length * cut))));

it(
  "any workspace builds to complete html and md, or to placed errors that leave out/ untouched",
  async () => {
    await fc.assert(
      fc.asyncProperty(maybeTruncated(documentFile), fc.tuple(...BLOCKS.map(() => maybeTruncated(blockFile))), async (document, blocks) => {
        const ws = await mkdtemp(path.join(root, "ws-"));
        try {
          const sources: Record<string, string> = { "documents/doc.md": document };
          BLOCKS.forEach((id, i) => (sources[`demands/${id}.md`] = blocks[i]));
          for (const [file, text] of Object.entries(sources)) {
            await mkdir(path.dirname(path.join(ws, file)), { recursive: true });
            await writeFile(path.join(ws, file), text);
          }
          const outDir = path.join(ws, "out");
          await mkdir(outDir);
          await writeFile(path.join(outDir, "doc.html"), PREVIOUS);
          await writeFile(path.join(outDir, "doc.md"), PREVIOUS);

          const reporter = new Reporter();
          await buildDocuments([path.join(ws, "documents/doc.md")], reporter, { formats: ["html", "md"], outDir, today: "2026-11-25" });

          expect(reporter.messages.filter((m) => m.rule === "render"), "a renderer threw").toEqual([]);
          expect(unplacedErrors(reporter.messages, sources)).toEqual([]);
          expect((await readdir(outDir)).sort(), "no temp files left").toEqual(["doc.html", "doc.md"]);
          const html = await readFile(path.join(outDir, "doc.html"));
          const md = await readFile(path.join(outDir, "doc.md"));
          // Errors in a block the document does not include do not stop it.
          if (reporter.errorsFor("documents/doc.md").length) {
            expect(html.toString()).toBe(PREVIOUS);
            expect(md.toString()).toBe(PREVIOUS);
          } else {
            expect(html.toString()).toMatch(/^<!doctype html>\n<html[^]*<\/html>\n$/);
            expect(htmlText(html).unsafe).toEqual([]);
            expect(markdownText(md).text.length).toBeGreaterThan(0);
          }
        } finally {
          await rm(ws, { recursive: true, force: true });
        }
      }),
      fuzzOptions(),
    );
  },
  timeoutFor(RUNS, 20),
);
