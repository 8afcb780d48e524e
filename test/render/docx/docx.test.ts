import path from "node:path";
import { unzipSync } from "fflate";
import { beforeAll, describe, expect, test } from "vitest";
import type { AssembledDocument } from "../../../src/assemble/types.js";
import { Reporter } from "../../../src/report/index.js";
import { assembleOne, attr, elements, FIXTURE, renderDocx, styleIdsByName, textOf, type Docx } from "./helpers.js";

const LETTER = path.join(FIXTURE, "documents/letter.md");

describe("the letter fixture as DOCX", () => {
  let doc: AssembledDocument;
  let docx: Docx;
  beforeAll(async () => {
    doc = await assembleOne(LETTER);
    docx = await renderDocx(doc);
  });

  test("every paragraph picks a named style, and the styles carry Word's built-in names", () => {
    const names = styleIdsByName(docx.xml("word/styles.xml"));
    for (const name of ["Normal", "Title", "heading 2", "heading 3", "heading 4", "List Number", "List Number 2", "List Bullet", "List Bullet 2", "Quote", "footnote text", "footnote reference", "Hyperlink", "Table Grid", "Bibliography", "footer"]) {
      expect(names.has(name), name).toBe(true);
    }
    const byId = new Map([...names].map(([name, id]) => [id, name]));
    const paragraphs = docx.paragraphs();
    const unstyled = paragraphs.filter((p) => !p.style);
    expect(unstyled.map((p) => p.text)).toEqual([]);
    // Every style a paragraph or run names is defined.
    const used = [...docx.parts["word/document.xml"].matchAll(/<w:(?:pStyle|rStyle|tblStyle) w:val="([^"]+)"/g)].map((m) => m[1]);
    for (const id of new Set(used)) expect(byId.has(id), id).toBe(true);

    const styleOf = (text: string) => byId.get(paragraphs.find((p) => p.text.includes(text))!.style!);
    expect(styleOf(doc.meta.title)).toBe("Title");
    // The body's shallowest heading (## here) is level 2 under the title.
    expect(styleOf("Våre krav")).toBe("heading 2");
    expect(styleOf("Underoverskrift")).toBe("heading 3");
    expect(styleOf("Krav nummer 1")).toBe("List Number");
    expect(styleOf("Kulepunkt to")).toBe("List Bullet");
    expect(styleOf("Punkt under fire")).toBe("List Bullet 2");
    expect(styleOf("Et sitat fra en pasient")).toBe("Quote");
    expect(byId.get(attr(elements(docx.xml("word/document.xml"), "w:tblStyle")[0], "w:val")!)).toBe("Table Grid");
  });

  test("house style comes from the template: font, size, heading colour, and the document language", () => {
    const styles = docx.xml("word/styles.xml");
    const defaults = elements(styles, "w:docDefaults")[0];
    expect(attr(elements(defaults, "w:rFonts")[0], "w:ascii")).toBe("Calibri");
    expect(attr(elements(defaults, "w:sz")[0], "w:val")).toBe("22");
    expect(attr(elements(defaults, "w:lang")[0], "w:val")).toBe("nb-NO");
    const heading2 = elements(styles, "w:style").find((s) => attr(s, "w:styleId") === "Heading2")!;
    expect(attr(elements(heading2, "w:color")[0], "w:val")).toBe("1F3864");
  });

  test("A4 with margins", () => {
    const section = elements(docx.xml("word/document.xml"), "w:sectPr")[0];
    expect(attr(elements(section, "w:pgSz")[0], "w:w")).toBe("11906");
    expect(attr(elements(section, "w:pgSz")[0], "w:h")).toBe("16838");
    expect(Number(attr(elements(section, "w:pgMar")[0], "w:left"))).toBeGreaterThanOrEqual(1134);
  });

  test("each ordered list is its own numbering instance, restarting at 1 or at the list's start", () => {
    const numbering = docx.xml("word/numbering.xml");
    const paragraphs = docx.paragraphs();
    const numIdOf = (text: string) => paragraphs.find((p) => p.text.includes(text))!.numId!;
    const demands = paragraphs.filter((p) => p.text.startsWith("Krav nummer"));
    expect(demands.map((p) => p.text.match(/Krav nummer (\d)/)![1])).toEqual(["1", "2", "3", "4", "5", "6", "7"]);
    expect(new Set(demands.map((p) => p.numId)).size).toBe(1);

    const lists = [numIdOf("Krav nummer 1"), numIdOf("Liste to, første"), numIdOf("Starter på tre"), numIdOf("Punkt under fire"), numIdOf("Dypt nummerert"), numIdOf("Kulepunkt to")];
    expect(new Set(lists).size).toBe(lists.length);
    expect(numIdOf("Liste to, andre")).toBe(numIdOf("Liste to, første"));

    const startOf = (numId: string, level = "0") => {
      const num = elements(numbering, "w:num").find((n) => attr(n, "w:numId") === numId)!;
      const override = elements(num, "w:lvlOverride").find((o) => attr(o, "w:ilvl") === level);
      if (override) return attr(elements(override, "w:startOverride")[0], "w:val");
      const abstractId = attr(elements(num, "w:abstractNumId")[0], "w:val");
      const abstract = elements(numbering, "w:abstractNum").find((a) => attr(a, "w:abstractNumId") === abstractId)!;
      return attr(elements(elements(abstract, "w:lvl").find((l) => attr(l, "w:ilvl") === level)!, "w:start")[0], "w:val");
    };
    expect(startOf(numIdOf("Krav nummer 1"))).toBe("1");
    expect(startOf(numIdOf("Liste to, første"))).toBe("1");
    expect(startOf(numIdOf("Starter på tre"))).toBe("3");

    const levelOf = (text: string) => paragraphs.find((p) => p.text.includes(text))!.level;
    expect([levelOf("Fire"), levelOf("Punkt under fire"), levelOf("Dypt nummerert")]).toEqual(["0", "1", "2"]);
    const formatOf = (numId: string, level: string) => {
      const abstractId = attr(elements(elements(numbering, "w:num").find((n) => attr(n, "w:numId") === numId)!, "w:abstractNumId")[0], "w:val");
      const abstract = elements(numbering, "w:abstractNum").find((a) => attr(a, "w:abstractNumId") === abstractId)!;
      return attr(elements(elements(abstract, "w:lvl").find((l) => attr(l, "w:ilvl") === level)!, "w:numFmt")[0], "w:val");
    };
    expect(formatOf(numIdOf("Krav nummer 1"), "0")).toBe("decimal");
    expect(formatOf(numIdOf("Kulepunkt to"), "0")).toBe("bullet");
  });

  test("footnotes are real Word footnotes, referenced from the text and numbered as assembled", () => {
    expect(doc.footnotes).toHaveLength(1);
    const references = elements(docx.xml("word/document.xml"), "w:footnoteReference").map((r) => attr(r, "w:id"));
    expect(references).toEqual(["1"]);
    const notes = elements(docx.xml("word/footnotes.xml"), "w:footnote").filter((n) => attr(n, "w:id") === "1");
    expect(notes).toHaveLength(1);
    expect(textOf(notes[0])).toContain("Tallene er fra flere undersøkelser [2].");
    expect(elements(notes[0], "w:pStyle").map((s) => attr(s, "w:val"))).toEqual(["FootnoteText"]);
    expect(docx.parts["word/_rels/document.xml.rels"]).toMatch(/Type="[^"]+\/footnotes" Target="footnotes.xml"/);
  });

  test("a footnote referred to twice is one note; the second reference shows its number", async () => {
    const again = await assembleOne(LETTER);
    again.body.children.push({ type: "paragraph", children: [{ type: "text", value: "Igjen" }, { type: "footnoteReference", identifier: again.footnotes[0].id }] });
    const twice = await renderDocx(again);
    expect(elements(twice.xml("word/document.xml"), "w:footnoteReference").map((r) => attr(r, "w:id"))).toEqual(["1"]);
    const last = twice.paragraphs().find((p) => p.text === "Igjen1")!;
    expect(elements(last.element, "w:rStyle").map((s) => attr(s, "w:val"))).toEqual(["FootnoteReference"]);
  });

  test("citations read [n] and the numbered source list ends the letter, with clickable links", () => {
    const paragraphs = docx.paragraphs();
    expect(paragraphs.find((p) => p.text.startsWith("Nær 30 prosent"))!.text).toBe("Nær 30 prosent har langvarige smerter [1]. Se også faktabladet [2].");
    const headingAt = paragraphs.findIndex((p) => p.text === "Kilder" && p.style === "Heading2");
    expect(headingAt).toBeGreaterThan(0);
    const entries = paragraphs.slice(headingAt + 1).filter((p) => p.style === "Bibliography").map((p) => p.text);
    expect(entries).toEqual(["[1]\tSmerte som folkehelseproblem. Folkehelseinstituttet. 2006. https://www.fhi.no/smerte", "[2]\tKronisk smerte i Norge. Foreningen for kroniske smertepasienter"]);
    expect(paragraphs.slice(headingAt + 1).every((p) => p.style === "Bibliography")).toBe(true);

    const rels = docx.xml("word/_rels/document.xml.rels");
    const target = (id: string) => elements(rels, "Relationship").find((r) => attr(r, "Id") === id);
    const links = elements(docx.xml("word/document.xml"), "w:hyperlink").filter((h) => attr(h, "r:id")).map((h) => ({ text: textOf(h), rel: target(attr(h, "r:id")!) }));
    expect(links.map((l) => [l.text, attr(l.rel, "Target"), attr(l.rel, "TargetMode")])).toEqual([
      ["nettsiden", "https://example.org/side", "External"],
      ["https://www.fhi.no/smerte", "https://www.fhi.no/smerte", "External"],
    ]);
    const linkRun = elements(docx.xml("word/document.xml"), "w:hyperlink")[0];
    expect(attr(elements(linkRun, "w:rStyle")[0], "w:val")).toBe("Hyperlink");
  });

  test("a GFM table has a header row that repeats on every page", () => {
    const table = elements(docx.xml("word/document.xml"), "w:tbl")[0];
    const rows = elements(table, "w:tr");
    expect(rows.map((row) => elements(row, "w:tc").map(textOf))).toEqual([["Tiltak", "Antall"], ["Injeksjoner", "12"], ["Stimulering", "3"]]);
    expect(elements(rows[0], "w:tblHeader")).toHaveLength(1);
    expect(elements(rows[1], "w:tblHeader")).toHaveLength(0);
    expect(attr(elements(rows[1], "w:jc")[1], "w:val")).toBe("right");
  });

  test("letter parts in order: letterhead with logo, recipients, references, label and title, body, closing, signatories, sources", () => {
    const texts = docx.paragraphs().map((p) => p.text);
    const at = (text: string) => {
      const index = texts.findIndex((t) => t.includes(text));
      expect(index, text).toBeGreaterThanOrEqual(0);
      return index;
    };
    const order = [
      "Smertealliansen\nEksempelgata 5, 0150 Oslo\nOrg.nr. 974760673",
      "Helse Sør-Øst RHF\nPostboks 404, 2303 Hamar",
      "Helse- og omsorgsdepartementet",
      "Deres ref.\tVår ref.\tDato\n26/999\t2026/14\t22. november 2026",
      "Støtteerklæring",
      doc.meta.title,
      "Vi er bekymret",
      "Krav nummer 7",
      "Med vennlig hilsen\nSmertealliansen",
      "Ingrid Haugen\nstyreleder",
      "Undertegnet av",
      "Organisasjoner",
      "Privatpersoner",
      "og 2 privatpersoner",
      "Kilder",
    ].map(at);
    expect(order).toEqual([...order].sort((a, b) => a - b));

    const image = elements(docx.xml("word/document.xml"), "wp:docPr")[0];
    expect(attr(image, "descr")).toBe("Logoen til Smertealliansen");
    const media = Object.keys(unzipSync(docx.bytes)).filter((name) => name.startsWith("word/media/"));
    expect(media).toHaveLength(1);
    expect(media[0]).toMatch(/\.png$/);
  });

  test("signatories: organisations and persons grouped and sorted as assembled, unnamed persons counted", () => {
    const paragraphs = docx.paragraphs();
    const named = paragraphs.filter((p) => p.style === "Signatory").map((p) => p.text);
    const expected = [...doc.signatories.organisations, ...doc.signatories.persons].map((s) => s.name);
    expect(named.slice(0, expected.length).map((text, i) => text.startsWith(expected[i]))).toEqual(expected.map(() => true));
    expect(named.at(-1)).toBe("og 2 privatpersoner");
    expect(named).toContain("<script>alert(1)</script>\u00a0—\u00a0styreleder, **fet** {{x}}, Bergen");
  });

  test("core properties: title, author (the sender), subject, and timestamps from the document date", () => {
    const core = docx.xml("docProps/core.xml");
    const value = (name: string) => elements(core, name)[0]?.textContent;
    expect(value("dc:title")).toBe(doc.meta.title);
    expect(value("dc:creator")).toBe("Smertealliansen");
    expect(value("dc:subject")).toBe("Støtteerklæring");
    expect(value("dcterms:created")).toBe("2026-11-22T00:00:00Z");
    expect(value("dcterms:modified")).toBe("2026-11-22T00:00:00Z");
  });

  test("footer: 'Side X av Y' with real PAGE and NUMPAGES fields, and the version fingerprint", () => {
    const footer = docx.xml("word/footer1.xml");
    expect(elements(footer, "w:instrText").map((i) => i.textContent?.trim())).toEqual(["PAGE", "NUMPAGES"]);
    const text = textOf(elements(footer, "w:p")[0]);
    // The fields carry a cached "1" for readers that do not lay out pages.
    expect(text).toBe(`Side 1 av 1\tVersjon ${doc.fingerprint}`);
    expect(doc.fingerprint).toMatch(/^[0-9a-f]{12}$/);
  });
});

describe("other languages and templates", () => {
  test("nynorsk consultation response: nn-NO, consultation details, no signatory list, a bad logo reported", async () => {
    const reporter = new Reporter();
    const doc = await assembleOne(path.join(FIXTURE, "documents/horing.md"), reporter);
    const docx = await renderDocx(doc, reporter);
    expect(attr(elements(docx.xml("word/styles.xml"), "w:lang")[0], "w:val")).toBe("nn-NO");
    const texts = docx.paragraphs().map((p) => p.text);
    const { labels } = doc;
    // The title already says "Høyring": no label in front of it, and the case number has its own.
    expect(texts).toContain("Høyring – rettleiar for smerteklinikkar");
    expect(texts).toContain(`${labels.issuer}: Helsedirektoratet`);
    expect(texts).toContain(`${labels.caseNumber}: 26/1234`);
    expect(texts).toContain(`${labels.deadline}: 15. desember 2026`);
    expect(texts).toContain("Høyringssvar");
    expect(texts).toContain("Med venleg helsing\nFagrådet\nPasientforeininga");
    expect(texts.some((t) => t.startsWith("Underskrive av"))).toBe(false);
    expect(Object.keys(unzipSync(docx.bytes)).some((name) => name.startsWith("word/media/"))).toBe(false);
    expect(reporter.messages.filter((m) => m.rule === "logo").map((m) => m.text)).toEqual(['logo "../assets/not-a-logo.png" is not a PNG, JPEG, GIF or BMP image; it is left out of the DOCX']);
    expect(elements(docx.xml("docProps/core.xml"), "dc:creator")[0].textContent).toBe("Fagrådet, Pasientforeininga");
  });

  test("English open letter: en-GB and 'Page X of Y'", async () => {
    const doc = await assembleOne(path.join(FIXTURE, "documents/letter-en.md"));
    const docx = await renderDocx(doc);
    expect(attr(elements(docx.xml("word/styles.xml"), "w:lang")[0], "w:val")).toBe("en-GB");
    expect(textOf(elements(docx.xml("word/footer1.xml"), "w:p")[0])).toBe(`Page 1 of 1\tVersion ${doc.fingerprint}`);
    expect(docx.paragraphs().map((p) => p.text)).toContain("and 2 individuals");
  });
});
