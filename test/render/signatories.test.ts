import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { AssembledDocument } from "../../src/assemble/types.js";
import { assembleDocuments } from "../../src/build/index.js";
import { render } from "../../src/render/index.js";
import { Reporter } from "../../src/report/index.js";
import { attr, elements, renderDocx } from "./docx/helpers.js";
import { openPdf, pdfText } from "./pdf/helpers.js";

const FIXTURE = path.resolve(import.meta.dirname, "../fixtures/render-text/documents");

async function assembled(name: string, change: (source: AssembledDocument) => AssembledDocument = (d) => d): Promise<AssembledDocument> {
  const reporter = new Reporter();
  const [doc] = await assembleDocuments([path.join(FIXTURE, name)], reporter, { today: "2026-11-25" });
  expect(reporter.messages.filter((m) => m.severity === "error")).toEqual([]);
  return change(doc);
}

/** Surnames in Norwegian order: Berg, Nordmann, Ødegård, Aas (which sorts as Ås). */
const BY_SURNAME = ["Anne Berg", "Kari Nordmann", "Berit Ødegård", "Ola Aas"];
const BY_NAME = ["Anne Berg", "Berit Ødegård", "Kari Nordmann", "Ola Aas"];

let doc: AssembledDocument;
beforeAll(async () => {
  doc = await assembled("surname.md");
});

const positions = (text: string, names: string[]) => names.map((name) => text.indexOf(name));
const ascending = (numbers: number[]) => numbers.every((n, i) => n >= 0 && (i === 0 || n > numbers[i - 1]));

describe("signatory lists", () => {
  it("personOrder: surname lists persons by surname, the Norwegian way, in every format", async () => {
    expect(doc.meta.personOrder).toBe("surname");
    const docx = (await renderDocx(doc)).paragraphs().map((p) => p.text).join("\n");
    const pdf = await pdfText(await render(doc, "pdf", { reporter: new Reporter() }));
    const html = new TextDecoder().decode(await render(doc, "html", { reporter: new Reporter() }));
    const md = new TextDecoder().decode(await render(doc, "md", { reporter: new Reporter() }));
    for (const text of [docx, pdf, html, md]) expect(ascending(positions(text, BY_SURNAME)), text.slice(-600)).toBe(true);
  });

  it("without the option, persons stay in the order of the name as written", async () => {
    const byName = { ...doc, meta: { ...doc.meta, personOrder: "name" as const } };
    const docx = (await renderDocx(byName)).paragraphs().map((p) => p.text).join("\n");
    expect(ascending(positions(docx, BY_NAME))).toBe(true);
  });

  it("a name and its '— place' are held together by no-break spaces", async () => {
    const docx = (await renderDocx(doc)).paragraphs().map((p) => p.text);
    expect(docx).toContain("Kari Nordmann\u00a0—\u00a0Tromsø");
    expect(new TextDecoder().decode(await render(doc, "html", { reporter: new Reporter() }))).toContain("<li>Ola Aas\u00a0—\u00a0Bodø</li>");
  });

  it("a wrapped entry's further lines hang indented under its first, in DOCX and PDF", async () => {
    const styles = (await renderDocx(doc)).xml("word/styles.xml");
    const signatory = elements(styles, "w:style").find((s) => attr(s, "w:styleId") === "Signatory")!;
    expect(attr(elements(signatory, "w:ind")[0], "w:hanging")).toBe("283");

    const pdf = await openPdf(await render(doc, "pdf", { reporter: new Reporter() }));
    const items = (await (await pdf.getPage(pdf.numPages)).getTextContent()).items.filter((i) => "str" in i && i.str.trim()) as { str: string; transform: number[] }[];
    const first = items.find((i) => i.str.startsWith("Anne Berg"))!;
    const next = items.slice(items.indexOf(first)).find((i) => i.transform[5] < first.transform[5] - 1)!;
    // The entry is longer than a line: its second line starts 0.5 cm (14 pt) right of its first.
    expect(next.transform[5]).toBeLessThan(first.transform[5]);
    expect(next.transform[4] - first.transform[4]).toBeCloseTo(14.17, 0);
    expect(next.str).not.toMatch(/^(Kari|Berit|Ola)/);
  });
});
