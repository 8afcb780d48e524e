import { execFile, spawnSync } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { List } from "mdast";
import { toString } from "mdast-util-to-string";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { AssembledDocument } from "../../../src/assemble/types.js";
import { render } from "../../../src/render/docx/index.js";
import { Reporter } from "../../../src/report/index.js";
import { assembleOne, FIXTURE, REPO } from "./helpers.js";

const hasSoffice = spawnSync("soffice", ["--version"], { stdio: "ignore" }).status === 0;
// CI has LibreOffice (Debian libreoffice-writer-nogui); only a developer machine without it may skip.
const suite = hasSoffice || process.env.CI ? describe : describe.skip;

/** The PDF's text, and the web addresses its links go to. */
async function readPdf(file: string): Promise<{ text: string; links: string[] }> {
  const pdf = await getDocument({ data: new Uint8Array(await readFile(file)), useSystemFonts: false }).promise;
  let text = "";
  const links: string[] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number);
    for (const item of (await page.getTextContent()).items) if ("str" in item) text += item.str + (item.hasEOL ? "\n" : " ");
    for (const annotation of await page.getAnnotations()) if (annotation.subtype === "Link" && annotation.url) links.push(annotation.url);
  }
  await pdf.destroy();
  return { text: text.replace(/[ \t]+/g, " "), links };
}

/** The seven demands: the ordered list with seven items. */
function demandsOf(doc: AssembledDocument): string[] {
  const list = doc.body.children.find((node): node is List => node.type === "list" && Boolean(node.ordered) && node.children.length === 7);
  expect(list, `${doc.name} has seven numbered demands`).toBeDefined();
  return list!.children.map((item) => toString(item).replace(/\s+/g, " ").trim());
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

suite("the DOCX opens in LibreOffice", () => {
  let dir: string;
  const docs = new Map<string, AssembledDocument>();
  const texts = new Map<string, string>();
  const links = new Map<string, string[]>();

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "opprop-docx-lo-"));
    const examples = (await readdir(path.join(REPO, "documents"))).filter((name) => name.endsWith(".md")).map((name) => path.join(REPO, "documents", name));
    for (const file of [path.join(FIXTURE, "documents/letter.md"), ...examples]) {
      const doc = await assembleOne(file);
      docs.set(doc.name, doc);
      await writeFile(path.join(dir, `${doc.name}.docx`), await render(doc, { reporter: new Reporter() }));
    }
    const files = [...docs.keys()].map((name) => path.join(dir, `${name}.docx`));
    // A profile of its own, so a running LibreOffice or a stale profile never interferes.
    await promisify(execFile)("soffice", [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "pdf", "--outdir", path.join(dir, "pdf"), ...files], { timeout: 240_000 });
    for (const name of docs.keys()) {
      const pdf = await readPdf(path.join(dir, "pdf", `${name}.pdf`));
      texts.set(name, pdf.text);
      links.set(name, pdf.links);
    }
  }, 300_000);

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test("every example document and the fixture convert to PDF, with title, page footer and version", () => {
    expect(docs.size).toBeGreaterThanOrEqual(2);
    for (const [name, doc] of docs) {
      const text = texts.get(name)!.replace(/\s+/g, " ");
      const titleStart = doc.meta.title.split(/\s+/).slice(0, 3).join(" ");
      expect(text, name).toContain(titleStart);
      expect(text, name).toMatch(new RegExp(escape(doc.labels.pageOf("1", "§")).replace("§", "\\d+")));
      expect(text, name).toContain(doc.fingerprint);
    }
  });

  test("the demands show numbered 1–7, in order, in the fixture and the seed statement", () => {
    for (const name of ["letter", "stotteerklaering-smertebehandling"].filter((n) => docs.has(n))) {
      const text = texts.get(name)!.replace(/\s+/g, " ");
      const demands = demandsOf(docs.get(name)!);
      let from = 0;
      demands.forEach((demand, index) => {
        const start = demand.split(" ").slice(0, 4).join(" ");
        const match = new RegExp(`${index + 1}\\. ${escape(start)}`).exec(text.slice(from));
        expect(match, `${name}: demand ${index + 1} "${start}"`).not.toBeNull();
        from += match!.index + match![0].length;
      });
    }
    expect(docs.has("stotteerklaering-smertebehandling") || !process.env.CI).toBe(true);
  });

  test("hyperlinks stay clickable", () => {
    expect(links.get("letter")).toEqual(expect.arrayContaining(["https://example.org/side", "https://www.fhi.no/smerte"]));
  });

  test("a list after the demands starts again at 1, and a list written from 3 starts at 3", () => {
    const text = texts.get("letter")!.replace(/\s+/g, " ");
    expect(text).toContain("1. Liste to, første 2. Liste to, andre");
    expect(text).toContain("3. Starter på tre 4. Fire");
  });
});
