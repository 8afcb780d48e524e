import path from "node:path";
import type { Paragraph } from "mdast";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import type { AssembledDocument } from "../../../src/assemble/types.js";
import { assembleDocuments } from "../../../src/build/index.js";
import { render } from "../../../src/render/pdf/index.js";
import { Reporter } from "../../../src/report/index.js";
import type { Signatory } from "../../../src/signatories/types.js";

const FIXTURE = path.resolve(import.meta.dirname, "../../fixtures/pdf-letter/documents");

async function assembled(file: string): Promise<AssembledDocument> {
  const reporter = new Reporter();
  const [doc] = await assembleDocuments([path.join(FIXTURE, file)], reporter, { today: "2026-11-25" });
  expect(reporter.messages.filter((m) => m.severity === "error")).toEqual([]);
  return doc;
}

/** The template's page margins in points (A4, 2.5 cm left and right, 2.5 cm at the bottom). */
const MARGIN_X = (2.5 / 2.54) * 72;
const MARGIN_BOTTOM = (2.5 / 2.54) * 72;
/** Typst lets hyphens and punctuation hang a little into the margin. */
const OVERHANG = 4;

interface Layout {
  /** Text drawn inside the text area, page after page, compared without whitespace and hyphens (lines wrap and hyphenate). */
  text: string;
  /** Text drawn anywhere else: past a margin, or below the body where only the footer belongs. */
  outside: string[];
  pages: number;
}

async function layoutOf(doc: AssembledDocument): Promise<Layout> {
  const pdf = await getDocument({ data: await render(doc, { reporter: new Reporter() }), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const text: string[] = [];
  const outside: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const page = await pdf.getPage(i);
    const [, , width] = page.view;
    const footer: string[] = [];
    for (const item of (await page.getTextContent()).items) {
      if (!("str" in item) || !item.str.trim()) continue;
      const [x, y] = [item.transform[4], item.transform[5]];
      if (x < MARGIN_X - OVERHANG || x + item.width > width - MARGIN_X + OVERHANG) outside.push(`page ${i} x=${Math.round(x)}..${Math.round(x + item.width)}: ${item.str.slice(0, 40)}`);
      else if (y < MARGIN_BOTTOM) footer.push(item.str);
      else text.push(item.str);
    }
    const expectedFooter = `Side ${i} av ${pdf.numPages}Versjon ${doc.fingerprint}`;
    if (footer.join("").replace(/\s+/g, "") !== expectedFooter.replace(/\s+/g, "")) outside.push(`page ${i} below the body: ${footer.join(" ").slice(0, 80)}`);
  }
  const pages = pdf.numPages;
  await pdf.destroy();
  return { text: squeeze(text.join("")), outside, pages };
}

const squeeze = (text: string) => text.replace(/[\s\u00ad-]+/g, "");

/** 10,000 characters with spaces, as the hostile corpus's long name. */
const longName = (mark: string) => `${mark} ${"Langnavn-Ødegård Åsmundsdatter ".repeat(400)}`.slice(0, 9_999) + "Z";
/** 10,000 characters without a space, different for each field so each can be found on its own. */
const longWord = (mark: string) => `${mark}Smertepoliklinikkvurderingsordning`.repeat(400).slice(0, 9_999) + "Q";

const occurrences = (text: string, value: string) => text.split(squeeze(value)).length - 1;

const paragraph = (value: string): Paragraph => ({ type: "paragraph", children: [{ type: "text", value }] });
const person = (name: string, i = 0): Signatory => ({ type: "person", name, place: "Bodø", publish: true, source: { file: "x.csv", line: i + 2 }, extra: {} });

describe("PDF renderer with over-long values", () => {
  it("shows a 10,000-character sender name in full in letterhead and closing, followed by the whole signature", async () => {
    const doc = await assembled("letter.md");
    const name = longName("Avsender");
    const layout = await layoutOf({ ...doc, meta: { ...doc.meta, from: [{ ...doc.meta.from[0], name }] } });
    expect(layout.outside).toEqual([]);
    expect(occurrences(layout.text, name)).toBe(2);
    const closing = layout.text.lastIndexOf(squeeze(name));
    expect(layout.text.indexOf("Medvennlighilsen")).toBeLessThan(closing);
    expect(layout.text.indexOf("IngridHaugenstyreleder", closing)).toBeGreaterThan(closing);
  });

  it("keeps every value of 10,000 characters with spaces, even when its part of the letter is taller than a page", async () => {
    const doc = await assembled("horing.md");
    const v = (field: string) => longName(field);
    const fields = ["Tittel", "Mottaker", "Adresse", "Konsultasjon", "Utsteder", "Signatar", "Rolle", "Person", "Kilde"];
    const big: AssembledDocument = {
      ...doc,
      meta: {
        ...doc.meta,
        title: v("Tittel"),
        to: [{ name: v("Mottaker"), address: v("Adresse") }],
        consultation: { ...doc.meta.consultation!, title: v("Konsultasjon"), issuer: v("Utsteder") },
        // Last in its row: cells are drawn one after another, so a cell that runs on over pages would be interrupted by its neighbours.
        signature: [{ name: "Kari Nordmann", role: "leiar" }, { name: v("Signatar"), role: v("Rolle") }],
      },
      signatories: { organisations: [], persons: [person(v("Person")), person("Ola Nordmann", 1)], hiddenPersons: 0, total: 2 },
      sources: [{ ...doc.sources[0], number: 1, title: v("Kilde") }],
      template: { ...doc.template, signatories: true, closing: true },
    };
    const layout = await layoutOf(big);
    expect(layout.outside).toEqual([]);
    for (const field of fields) expect(occurrences(layout.text, v(field)), field).toBeGreaterThanOrEqual(1);
    expect(layout.text).toContain("KariNordmannleiar");
    expect(layout.text).toContain("OlaNordmann—Bodø");
  });

  it("wraps a 10,000-character word inside the text area in every part of the letter", async () => {
    const doc = await assembled("horing.md");
    const w = (field: string) => longWord(field);
    const fields = ["Tittel", "Avsender", "Adresse", "Mottaker", "Vaar", "Deres", "Konsultasjon", "Signatar", "Rolle", "Organisasjon", "Person", "Kilde", "Tekst", "Kode"];
    const big: AssembledDocument = {
      ...doc,
      meta: {
        ...doc.meta,
        title: w("Tittel"),
        from: [{ ...doc.meta.from[0], name: w("Avsender"), address: w("Adresse") }],
        to: [{ name: w("Mottaker") }],
        ref: { ours: w("Vaar"), theirs: w("Deres") },
        consultation: { ...doc.meta.consultation!, title: w("Konsultasjon") },
        // Three signatures, one under the other as in DOCX; the long one comes last (see above).
        signature: [{ name: "Kari Nordmann" }, { name: "Ola Nordmann" }, { name: w("Signatar"), role: w("Rolle") }],
      },
      body: { ...doc.body, children: [...doc.body.children, paragraph(`Før ${w("Tekst")} etter.`), { type: "paragraph", children: [{ type: "inlineCode", value: w("Kode") }] }] },
      signatories: { organisations: [{ ...person(w("Organisasjon")), type: "organisation" }], persons: [person(w("Person"))], hiddenPersons: 0, total: 2 },
      sources: [{ ...doc.sources[0], number: 1, title: w("Kilde") }],
      template: { ...doc.template, signatories: true, closing: true },
    };
    const layout = await layoutOf(big);
    expect(layout.outside).toEqual([]);
    for (const field of fields) expect(occurrences(layout.text, w(field)), field).toBeGreaterThanOrEqual(1);
    expect(layout.text).toContain(`Før${squeeze(w("Tekst"))}etter.`);
  });

  it("wraps a 10,000-character word in a petition set as running text", async () => {
    const doc = await assembled("letter.md");
    const word = longWord("Underskriver");
    const persons = Array.from({ length: 1_500 }, (_, i) => person(i === 700 ? word : `Person ${String(i).padStart(5, "0")}`, i));
    const layout = await layoutOf({ ...doc, signatories: { organisations: [], persons, hiddenPersons: 0, total: persons.length } });
    expect(layout.outside).toEqual([]);
    expect(occurrences(layout.text, word)).toBe(1);
    expect(layout.text).toContain("Person01499—Bodø");
  });

  it("still keeps an ordinary closing and its signatures together on one page, wherever the body ends", async () => {
    const doc = await assembled("letter.md");
    let moved = 0;
    for (let lines = 0; lines < 48; lines += 2) {
      const filler = Array.from({ length: lines }, (_, i) => paragraph(`Fyllinje ${i}.`));
      const longer = { ...doc, body: { ...doc.body, children: [...doc.body.children, ...filler] } };
      const pdf = await getDocument({ data: await render(longer, { reporter: new Reporter() }), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
      const pages: string[] = [];
      for (let i = 1; i <= pdf.numPages; i++) pages.push((await (await pdf.getPage(i)).getTextContent()).items.map((item) => ("str" in item ? item.str : "")).join(""));
      await pdf.destroy();
      const closing = pages.findIndex((p) => p.includes("Med vennlig hilsen"));
      expect(pages.findIndex((p) => p.includes("styreleder")), `${lines} filler lines`).toBe(closing);
      // The closing left its page for the next one, together with the signature, at least once.
      if (lines > 0 && pages[closing - 1]?.includes(`Fyllinje ${lines - 1}.`)) moved++;
    }
    expect(moved).toBeGreaterThan(0);
  });
});
