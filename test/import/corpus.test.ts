/**
 * Word files from the wild: mammoth's own test files and files made with pandoc
 * and LibreOffice (test/fixtures/import-corpus/make.sh) with headings, tables,
 * bookmarks, comments and tracked changes. Each is imported through the CLI and
 * every imported block is built in all four formats.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli, type CliRun } from "../helpers/cli.js";
import { makeWorkspace } from "../helpers/workspace.js";

const OWN = path.resolve(import.meta.dirname, "../fixtures/import-corpus");
const MAMMOTH = path.resolve(import.meta.dirname, "../../node_modules/mammoth/test/test-data");
const CORPUS = [
  ...readdirSync(OWN).filter((f) => f.endsWith(".docx")).map((f) => path.join(OWN, f)),
  ...readdirSync(MAMMOTH).filter((f) => f.endsWith(".docx")).map((f) => path.join(MAMMOTH, f)),
].sort((a, b) => path.basename(a).localeCompare(path.basename(b)));

/** Per file: blocks written, warnings, errors of `opprop import` (listed in /work/notes/issue12.md). */
const OUTCOMES: Record<string, [blocks: number, warnings: number, errors: number]> = {
  "comments.docx": [1, 1, 0],
  "embedded-style-map.docx": [0, 1, 1],
  "empty.docx": [0, 0, 1],
  "endnotes.docx": [1, 0, 0],
  "external-picture.docx": [0, 1, 1],
  "footnote-hyperlink.docx": [1, 0, 0],
  "footnotes.docx": [1, 0, 0],
  "libreoffice-headings-table-bookmarks.docx": [2, 1, 0],
  "pandoc-comments-tracked-changes.docx": [2, 5, 0],
  "pandoc-english-title.docx": [2, 1, 0],
  "pandoc-headings-tables-bookmarks.docx": [2, 1, 0],
  "pandoc-images-only.docx": [0, 2, 1],
  "simple-list.docx": [1, 0, 0],
  "single-paragraph.docx": [1, 0, 0],
  "strict-format.docx": [1, 0, 0],
  "strikethrough.docx": [1, 0, 0],
  "tables.docx": [1, 0, 0],
  "text-box.docx": [1, 1, 0],
  "tiny-picture-target-base-relative.docx": [0, 1, 1],
  "tiny-picture.docx": [0, 1, 1],
  "underline.docx": [1, 0, 0],
  "utf8-bom.docx": [1, 0, 0],
};

const root = makeWorkspace({});
const imports = new Map<string, CliRun>();
const blocks = (name: string) => {
  const dir = path.join(root, "demands", name.replace(/\.docx$/, ""));
  return existsSync(dir) ? readdirSync(dir).map((f) => ({ id: `${name.replace(/\.docx$/, "")}/${f.replace(/\.md$/, "")}`, text: readFileSync(path.join(dir, f), "utf8") })) : [];
};
const warnings = (run: CliRun) => run.stderr.split("\n").filter((line) => line.includes("  warning  "));
const errors = (run: CliRun) => run.stderr.split("\n").filter((line) => line.includes("  error  "));

beforeAll(async () => {
  for (const file of CORPUS) {
    const name = path.basename(file);
    copyFileSync(file, path.join(root, name));
    imports.set(name, await runCli(["import", name, "--out", `demands/${name.replace(/\.docx$/, "")}`], root));
  }
});

describe("importing the Word corpus", () => {
  it("never crashes, and each file has its expected outcome", () => {
    const outcomes = Object.fromEntries([...imports].map(([name, run]) => [name, [blocks(name).length, warnings(run).length, errors(run).length]]));
    expect(outcomes).toEqual(OUTCOMES);
    for (const [name, run] of imports) expect(run.code, `${name}\n${run.stderr}`).toBe(errors(run).length ? 1 : 0);
  });

  it("builds every imported block in docx, pdf, html and md", async () => {
    const documents: string[] = [];
    mkdirSync(path.join(root, "documents"));
    for (const name of imports.keys()) {
      const ids = blocks(name).map((b) => b.id);
      if (!ids.length) continue;
      const document = `documents/${name.replace(/\.docx$/, "")}.md`;
      writeFileSync(path.join(root, document), `---\ntemplate: stotteerklaering\ntitle: Import\ndate: 2026-11-22\nto: Helse Sør-Øst RHF\n---\n${ids.map((id) => `{{> ${id}}}`).join("\n\n")}\n`);
      documents.push(document);
    }
    const run = await runCli(["build", ...documents, "--format", "docx,pdf,html,md", "--out-dir", "out"], root);
    expect(run.stderr.split("\n").filter((line) => line.includes("  error  "))).toEqual([]);
    expect(run.code).toBe(0);
    expect(readdirSync(path.join(root, "out")).length).toBe(documents.length * 4);
    // A cell's second paragraph is still a line of its own after the build.
    const html = readFileSync(path.join(root, "out/libreoffice-headings-table-bookmarks.html"), "utf8");
    expect(html).toMatch(/Sør-Øst<br>\s*\(inkl\. Oslo\)/);
  });

  it("never turns a bookmark into [](), and keeps the text of links to bookmarks", () => {
    const all = [...imports.keys()].flatMap(blocks).map((b) => b.text).join("\n");
    expect(all).not.toContain("[]()");
    expect(all).not.toMatch(/\]\(#/);
    const [background] = blocks("pandoc-headings-tables-bookmarks.docx").filter((b) => b.id.endsWith("/bakgrunn"));
    expect(background.text).toContain("Se tabellen og kravene.");
    expect(background.text).toContain("Mer om ventetiden i regionene.");
  });

  it("keeps table header rows as header rows and paragraphs in a cell on their own lines", () => {
    const pandoc = blocks("pandoc-headings-tables-bookmarks.docx").find((b) => b.id.endsWith("/bakgrunn"))!.text;
    expect(pandoc).toMatch(/^\| Klinikk +\| Ventetid +\|\n\| -+ \| -+ \|$/m);
    expect(pandoc).toMatch(/^\| Oslo +\| Tolv uker\.<br>Lengre for nye pasienter\. \|$/m);
    const libreoffice = blocks("libreoffice-headings-table-bookmarks.docx").find((b) => b.id.endsWith("/bakgrunn"))!.text;
    expect(libreoffice).toMatch(/^\| Region +\| Klinikker \|\n\| -+ \| -+ \|$/m);
    expect(libreoffice).toContain("Sør-Øst<br>(inkl. Oslo)");
  });

  it("groups the converter's warnings into one message per kind", () => {
    const run = imports.get("pandoc-comments-tracked-changes.docx")!;
    expect(run.stderr).not.toContain("Unrecognised");
    expect(warnings(run)).toEqual([
      "pandoc-comments-tracked-changes.docx  warning  1 comment not imported (in section «Innledning»)",
      "pandoc-comments-tracked-changes.docx  warning  1 tracked insertion imported as accepted (in section «Innledning»)",
      "pandoc-comments-tracked-changes.docx  warning  1 tracked deletion left out (in section «Innledning»)",
      "pandoc-comments-tracked-changes.docx  warning  Word styles opprop does not know, read as plain text: 'First Paragraph'", // Body Text is Word's plain text style: no warning
      "pandoc-comments-tracked-changes.docx  warning  styles used but not defined in the file, read as plain text: CommentText, CommentReference",
    ]);
    const text = blocks("pandoc-comments-tracked-changes.docx").find((b) => b.id.endsWith("/innledning"))!.text;
    expect(text).toContain("Pasientene står igjen uten tilbud.");
    expect(text).toContain("Vi ber om et møte før jul.");
  });

  it("detects English as en and takes a Title-styled paragraph as the document's title, not a block", () => {
    expect(imports.get("pandoc-english-title.docx")!.stdout).toMatch(/^wrote demands\/pandoc-english-title\/background\.md {2}argument {2}en {2}Background$/m);
    expect(blocks("pandoc-english-title.docx").map((b) => b.id).sort()).toEqual(["pandoc-english-title/background", "pandoc-english-title/our-demands"]);
    for (const block of blocks("pandoc-english-title.docx")) expect(block.text).toContain("lang: en");
  });

  it("says so when a file has only images", () => {
    const run = imports.get("pandoc-images-only.docx")!;
    expect(run.code).toBe(1);
    expect(errors(run)).toEqual(["pandoc-images-only.docx  error  the file holds only images (2 images) and no text; opprop imports text, so nothing was written"]);
  });
});
