/**
 * The resident engine: pages are the PDF's own layout as SVG, a change re-parses only
 * the block that changed, and exports are the bytes `opprop build` writes.
 */
import { cp, mkdtemp, readFile, rm, utimes, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { afterAll, beforeAll, expect, test } from "vitest";
import { buildDocuments } from "../../src/build/index.js";
import { Engine } from "../../src/engine/index.js";
import { Reporter } from "../../src/report/index.js";

const REPO = path.resolve(import.meta.dirname, "../..");
const STATEMENT = "documents/stotteerklaering-smertebehandling.md";
let root: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "opprop-engine-"));
  for (const folder of ["demands", "documents", "signatories", "templates"]) await cp(path.join(REPO, folder), path.join(root, folder), { recursive: true });
});
afterAll(() => rm(root, { recursive: true, force: true }));

test("pages are the PDF's pages as SVG; unchanged pages keep their hashes, an edited block changes them", async () => {
  const engine = new Engine(root, { today: "2026-11-25" });
  const first = await engine.build(path.join(root, STATEMENT));
  expect(first.errors).toBe(0);
  const pages = await engine.pages(first.doc!);
  const pdf = await getDocument({ data: await engine.export(first.doc!, "pdf") }).promise;
  expect(pages.length).toBe(pdf.numPages);
  for (const page of pages) {
    expect(page.svg).toMatch(/^<svg [^>]*viewBox="0 [\d.]+ [\d.]+ [\d.]+"/);
    expect(page.svg).not.toMatch(/<script|<foreignObject|<style|\son\w+=/i);
    // Every glyph the page uses is defined in the page itself.
    for (const [, id] of page.svg.matchAll(/xlink:href="#([^"]+)"/g)) expect(page.svg).toContain(`id="${id}"`);
  }

  // Nothing changed: the same pages under the same names (the browser keeps its images).
  const again = await engine.pages((await engine.build(path.join(root, STATEMENT))).doc!);
  expect(again.map((p) => p.hash)).toEqual(pages.map((p) => p.hash));

  const block = path.join(root, "demands/krav/forskning-nye-behandlinger.md");
  const source = await readFile(block, "utf8");
  await writeFile(block, source.replace(/\n---\n/, "\n---\nEN HELT NY SETNING I KRAVET.\n"));
  const later = new Date(Date.now() + 5000);
  await utimes(block, later, later);
  const second = await engine.build(path.join(root, STATEMENT));
  expect(engine.parsedLastTime()).toBe(1);
  const after = await engine.pages(second.doc!);
  // The footer's fingerprint changes with the text, so every page is new.
  expect(after.filter((page, i) => page.hash === pages[i]?.hash)).toEqual([]);
});

test("an export is byte for byte what `opprop build` writes", async () => {
  const engine = new Engine(root, { today: "2026-11-25" });
  const { doc } = await engine.build(path.join(root, STATEMENT));
  const out = path.join(root, "out-cli");
  await buildDocuments([path.join(root, STATEMENT)], new Reporter(), { formats: ["docx", "pdf"], outDir: out, today: "2026-11-25" });
  expect(Buffer.from(await engine.export(doc!, "docx")).equals(await readFile(path.join(out, "stotteerklaering-smertebehandling.docx")))).toBe(true);
  expect(Buffer.from(await engine.export(doc!, "pdf")).equals(await readFile(path.join(out, "stotteerklaering-smertebehandling.pdf")))).toBe(true);
  const archival = Buffer.from(await engine.export(doc!, "pdfa")).toString("latin1");
  // PDF/A-2a: archival and accessible (tagged) in one file.
  expect(archival).toMatch(/pdfaid:part[^2]*2/);
  expect(archival).toMatch(/pdfaid:conformance[^A]*A/);
});

test("a build with nothing changed is the last build; a changed document, block or signatory file builds again", async () => {
  const engine = new Engine(root, { today: "2026-11-25" });
  const document = path.join(root, STATEMENT);
  const first = await engine.build(document);
  expect((await engine.build(document)).doc).toBe(first.doc);

  const list = path.join(root, "signatories/organisasjoner.csv");
  await writeFile(list, (await readFile(list, "utf8")) + "organisation;Nyforeningen for bygging av tester;;Oslo;;\n");
  const later = new Date(Date.now() + 9000);
  await utimes(list, later, later);
  const afterList = await engine.build(document);
  expect(afterList.doc).not.toBe(first.doc);
  expect(afterList.doc!.signatories.organisations.map((s) => s.name)).toContain("Nyforeningen for bygging av tester");

  await writeFile(document, (await readFile(document, "utf8")).replace(" og nasjonale helsemyndigheter", " og alle nasjonale helsemyndigheter"));
  const afterText = await engine.build(document);
  expect(afterText.doc).not.toBe(afterList.doc);
  expect(JSON.stringify(afterText.doc!.body)).toContain("og alle nasjonale helsemyndigheter");
  expect((await engine.build(document)).doc).toBe(afterText.doc);
});
