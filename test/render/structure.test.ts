import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { AssembledDocument } from "../../src/assemble/types.js";
import { assembleDocuments } from "../../src/build/index.js";
import { render, type Format } from "../../src/render/index.js";
import { Reporter } from "../../src/report/index.js";
import { renderDocx, styleIdsByName } from "./docx/helpers.js";
import { pdfTags } from "./pdf/helpers.js";

const DOCUMENT = path.resolve(import.meta.dirname, "../fixtures/render-text/documents/structure.md");

let doc: AssembledDocument;
beforeAll(async () => {
  const reporter = new Reporter();
  [doc] = await assembleDocuments([DOCUMENT], reporter, { today: "2026-11-25" });
  expect(reporter.messages.filter((m) => m.severity === "error")).toEqual([]);
});

const textOf = async (format: Format) => new TextDecoder().decode(await render(doc, format, { reporter: new Reporter() }));

/** Body `#`, `##`, `###` with the title above them: levels 2, 3, 4; the source list is level 2. */
const EXPECTED: [string, number][] = [
  ["Høringssvar om smerteklinikker", 1],
  ["Innledning", 2],
  ["Bakgrunn", 3],
  ["Detaljer", 4],
  ["Våre merknader", 2],
  ["Kilder", 2],
];

describe("one heading mapping in every format", () => {
  it("DOCX: the title is the only level 1 (Title, outline level 0); body headings are heading 2, 3, 4", async () => {
    const docx = await renderDocx(doc);
    const nameOf = new Map([...styleIdsByName(docx.xml("word/styles.xml"))].map(([name, id]) => [id, name]));
    const headings = docx.paragraphs().filter((p) => p.style === "Title" || /^Heading\d$/.test(p.style ?? ""));
    expect(headings.map((p) => [p.text, p.style === "Title" ? 1 : Number(nameOf.get(p.style!)!.split(" ")[1])])).toEqual(EXPECTED);
    expect(docx.parts["word/styles.xml"]).toMatch(/w:styleId="Title".*?<w:outlineLvl w:val="0"\/>/s);
  });

  it("PDF: one H1, the title; then H2, H3, H4 as in DOCX", async () => {
    const tags = await pdfTags(await render(doc, "pdf", { reporter: new Reporter() }));
    expect(tags.filter((t) => /^H\d$/.test(t.role)).map((t) => [t.text, Number(t.role.slice(1))])).toEqual(EXPECTED);
  });

  it("HTML and Markdown: the same levels", async () => {
    const html = await textOf("html");
    // The page's list of notes (HTML has no page footnotes) is one more level-2 section.
    const notes = ["Fotnoter", 2];
    expect([...html.matchAll(/<h(\d)>([^<]*)<\/h\1>/g)].map((m) => [m[2], Number(m[1])])).toEqual([...EXPECTED.slice(0, -1), notes, EXPECTED.at(-1)]);
    const md = await textOf("md");
    expect([...md.matchAll(/^(#+) (.*)$/gm)].map((m) => [m[2], m[1].length])).toEqual(EXPECTED);
  });
});

describe("the letter's head", () => {
  it("PDF: letterhead, recipients, reference block and consultation lines are paragraphs; the label is its text", async () => {
    const tags = await pdfTags(await render(doc, "pdf", { reporter: new Reporter() }));
    const paragraphs = tags.filter((t) => t.role === "P").map((t) => t.text.trim());
    for (const text of [
      "SmertealliansenEksempelgata 5, 0150 OsloOrg.nr. 974760673",
      "Til",
      "Helsedirektoratet",
      "Vår ref.",
      "2026/14",
      "Dato",
      "22. november 2026",
      "Høring – Nasjonal veileder for smerteklinikker",
      "Sendt på høring av: Helsedirektoratet",
      "Saksnummer: 25/1234",
      expect.stringMatching(/^Høringen på nett: https:\/\/www\.helsedirektoratet\.no\/horinger\/smerte$/),
      "Høringssvar",
    ]) {
      expect(paragraphs).toContainEqual(text);
    }
  });

  it("an empty ref.theirs prints nothing, in DOCX, PDF, HTML and Markdown", async () => {
    expect(doc.meta.ref.theirs).toBe("");
    const docx = await renderDocx(doc);
    expect(docx.paragraphs().map((p) => p.text).join("\n")).not.toContain("Deres ref.");
    const pdf = (await pdfTags(await render(doc, "pdf", { reporter: new Reporter() }))).map((t) => t.text).join("\n");
    expect(pdf).toContain("Vår ref.");
    expect(pdf).not.toContain("Deres ref.");
    for (const format of ["html", "md"] as const) expect(await textOf(format)).not.toContain("Deres ref.");
  });

  it("the consultation block says 'Høring' once, labels the case number and shows the address in every format", async () => {
    const docx = (await renderDocx(doc)).paragraphs().map((p) => p.text);
    const pdf = (await pdfTags(await render(doc, "pdf", { reporter: new Reporter() }))).filter((t) => t.role === "P").map((t) => t.text.trim());
    const html = (await textOf("html")).replace(/<[^>]+>/g, "");
    // Markdown writes the address as an autolink, <https://…>.
    const md = (await textOf("md")).replace(/<(https:[^>]+)>/g, "$1");
    for (const lines of [docx, pdf]) {
      expect(lines).toContain("Høring – Nasjonal veileder for smerteklinikker");
      expect(lines).toContain("Saksnummer: 25/1234");
      expect(lines).toContain("Høringen på nett: https://www.helsedirektoratet.no/horinger/smerte");
      expect(lines.join("\n")).not.toMatch(/Høring: Høring|\(25\/1234\)/);
    }
    for (const text of [html, md]) {
      expect(text).toContain("Saksnummer: 25/1234");
      expect(text).toContain("Høringen på nett: https://www.helsedirektoratet.no/horinger/smerte");
      expect(text).not.toMatch(/Høring: Høring/);
    }
  });
});
