import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { AssembledDocument } from "../../../src/assemble/types.js";
import { render } from "../../../src/render/index.js";
import { Reporter } from "../../../src/report/index.js";
import { pdfText } from "../pdf/helpers.js";
import { assembleOne, attr, elements, renderDocx, textOf, type Docx } from "./helpers.js";

const DOCUMENT = path.resolve(import.meta.dirname, "../../fixtures/render-text/documents/structure.md");

let doc: AssembledDocument;
let docx: Docx;
beforeAll(async () => {
  doc = await assembleOne(DOCUMENT);
  docx = await renderDocx(doc);
});

describe("DOCX details Word checks", () => {
  it("separator footnotes hold only their separator; a note's number is followed by a space", () => {
    const notes = elements(docx.xml("word/footnotes.xml"), "w:footnote");
    for (const type of ["separator", "continuationSeparator"]) {
      const note = notes.find((n) => attr(n, "w:type") === type)!;
      expect(elements(note, "w:r").map((r) => Array.from(r.childNodes).map((c) => c.nodeName))).toEqual([[`w:${type}`]]);
    }
    const first = notes.find((n) => attr(n, "w:id") === "1")!;
    expect(textOf(first)).toBe(" Tilbudet gjelder alle som sto på venteliste.");
    expect(elements(first, "w:footnoteRef")).toHaveLength(1);
  });

  it("citations link to a bookmark on their source-list entry, in the underlined Hyperlink style", () => {
    const body = docx.xml("word/document.xml");
    const citation = elements(body, "w:hyperlink").find((h) => textOf(h) === "[1]")!;
    expect(attr(citation, "w:anchor")).toBe("source_1");
    expect(attr(elements(citation, "w:rStyle")[0], "w:val")).toBe("Hyperlink");
    const mark = elements(body, "w:bookmarkStart").find((b) => attr(b, "w:name") === "source_1")!;
    expect(textOf(mark.parentNode as Element)).toMatch(/^\[1\]\tPasienter med kroniske smerter/);
    expect(docx.parts["word/styles.xml"]).toMatch(/w:styleId="Hyperlink".*?<w:u w:val="single"\/>/s);
  });

  it("a source's ISO date reads like the letter's date, in every format", async () => {
    const entry = "Pasienter med kroniske smerter får tilbud om videre oppfølging. Helse Sør-Øst RHF. 1. september 2023";
    expect(docx.paragraphs().find((p) => p.style === "Bibliography")!.text).toContain(entry);
    expect((await pdfText(await render(doc, "pdf", { reporter: new Reporter() }))).replace(/\s+/g, " ")).toContain(entry);
    for (const format of ["html", "md"] as const) expect(new TextDecoder().decode(await render(doc, format, { reporter: new Reporter() }))).toContain(entry);
  });

  it("states widow control, no automatic hyphenation (as the PDF) and the language in the core properties", () => {
    expect(elements(elements(docx.xml("word/styles.xml"), "w:pPrDefault")[0], "w:widowControl")).toHaveLength(1);
    expect(attr(elements(docx.xml("word/settings.xml"), "w:autoHyphenation")[0], "w:val")).toBe("false");
    expect(elements(docx.xml("docProps/core.xml"), "dc:language")[0].textContent).toBe("nb-NO");
  });

  it("PDF: a space between a footnote's number and its text too", async () => {
    expect(await pdfText(await render(doc, "pdf", { reporter: new Reporter() }))).toMatch(/1[ \u00a0]Tilbudet gjelder alle/);
  });
});
