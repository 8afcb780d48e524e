import { readFile } from "node:fs/promises";
import path from "node:path";
import type { RootContent } from "mdast";
import { Packer } from "docx";
import { describe, expect, test } from "vitest";
import type { Signatory } from "../../../src/signatories/types.js";
import { render } from "../../../src/render/docx/index.js";
import { Reporter } from "../../../src/report/index.js";
import { assembleOne, elements, FIXTURE, parseXml, renderDocx, REPO } from "./helpers.js";

const LETTER = path.join(FIXTURE, "documents/letter.md");
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const person = (name: string, extra: Partial<Signatory> = {}): Signatory => ({ type: "person", name, publish: true, source: { file: "x.csv", line: 2 }, extra: {}, ...extra });

describe("data stays data", () => {
  test("hostile names, titles and variable values show literally, as text, never as markup or fields", async () => {
    const docx = await renderDocx(await assembleOne(LETTER));
    const texts = docx.paragraphs().map((p) => p.text);
    const shown = (literal: string) => expect(texts.some((t) => t.includes(literal)), literal).toBe(true);
    shown('#read("/etc/passwd")');
    shown('=HYPERLINK("http://evil.example","klikk")');
    shown("]$x$<label>");
    shown("<script>alert(1)</script>");
    shown("**fet** {{x}}");
    shown("Støtte til smertebehandling <b>nå</b>");
    shown("Rå HTML <label>for=x</label> og $x$ og ] vises som tekst.");
    expect(texts).toContain("TOTAL_PAGES");
    // A name that spells a docx field keyword stays text: the only fields are the footer's two.
    expect(elements(docx.xml("word/document.xml"), "w:instrText")).toHaveLength(0);
    expect(elements(docx.xml("word/document.xml"), "w:fldSimple")).toHaveLength(0);
    // The two external links are the Markdown link and the source URL, the rest are citations to
    // the source list's bookmarks; a name never becomes a link.
    const links = elements(docx.xml("word/document.xml"), "w:hyperlink");
    expect(links.filter((l) => l.getAttribute("r:id"))).toHaveLength(2);
    expect(links.filter((l) => !l.getAttribute("r:id")).every((l) => /^source_\d+$/.test(l.getAttribute("w:anchor") ?? ""))).toBe(true);
  });

  test("the foundation's hostile document: title, recipient and variable value literal", async () => {
    const doc = await assembleOne(path.join(REPO, "test/fixtures/foundation/documents/hostile.md"));
    const texts = (await renderDocx(doc)).paragraphs().map((p) => p.text);
    expect(texts).toContain("<script>alert(1)</script> **fet** {{x}}");
    expect(texts).toContain('#read("/etc/passwd") =HYPERLINK("x")\n<img src=x onerror=alert(1)>');
    expect(texts.some((t) => t.includes("**Helse** <b>Sør</b> {{ikke}} [@fhi-2006] #set"))).toBe(true);
  });

  test("XML-invalid characters are removed from every string; valid astral characters stay", async () => {
    const doc = await assembleOne(LETTER);
    doc.meta.title = "Tittel\u0001 med\uFFFF kontroll\uD800tegn 😀";
    doc.meta.to[0].address = "Postboks\u0008 404";
    doc.meta.from[0].logoAlt = "Logo\u001F";
    doc.signatories.persons.push(person("Nul\u0000l Person\uDC00", { place: "Sted\u000B" }));
    doc.body.children.push({ type: "paragraph", children: [{ type: "text", value: "Bjelle\u0007 i teksten" }] });
    doc.footnotes[0].children.push({ type: "paragraph", children: [{ type: "text", value: "Fotnote\uFFFE" }] });
    const docx = await renderDocx(doc);
    for (const [name, text] of Object.entries(docx.parts)) {
      expect(XML_INVALID.test(text), name).toBe(false);
      parseXml(text);
    }
    const texts = docx.paragraphs().map((p) => p.text);
    expect(texts).toContain("Tittel med kontrolltegn 😀");
    expect(texts).toContain("Helse Sør-Øst RHF\nPostboks 404");
    expect(texts).toContain("Null Person\u00a0—\u00a0Sted");
    expect(texts).toContain("Bjelle i teksten");
    expect(docx.paragraphs("word/footnotes.xml").map((p) => p.text)).toContain("Fotnote");
    expect(elements(docx.xml("docProps/core.xml"), "dc:title")[0].textContent).toBe("Tittel med kontrolltegn 😀");
    expect(elements(docx.xml("word/document.xml"), "wp:docPr")[0].getAttribute("descr")).toBe("Logo");
  });

  test("link addresses are written as URIs: spaces and non-ASCII percent-encoded", async () => {
    const doc = await assembleOne(LETTER);
    doc.body.children.push({ type: "paragraph", children: [{ type: "link", url: "https://example.org/a b?q=æ", children: [{ type: "text", value: "rar lenke" }] }] });
    const rels = (await renderDocx(doc)).xml("word/_rels/document.xml.rels");
    const targets = elements(rels, "Relationship").map((r) => r.getAttribute("Target"));
    expect(targets).toContain("https://example.org/a%20b?q=%C3%A6");
  });

  test("no e-mail address, phone number or unknown column of any signatory in any part", async () => {
    const csv = await readFile(path.join(FIXTURE, "signatories/underskrivere.csv"), "utf8");
    const secrets = [...csv.matchAll(/[\w.+-]+@[\w.-]+|\+47 \d{8}|intern-merknad-\d/g)].map((m) => m[0]);
    expect(secrets.length).toBeGreaterThan(15);
    const doc = await assembleOne(LETTER);
    expect(doc.signatories.persons.some((s) => s.email)).toBe(true);
    const docx = await renderDocx(doc);
    for (const [name, text] of Object.entries(docx.parts)) for (const secret of secrets) expect(text.includes(secret), `${secret} in ${name}`).toBe(false);
  });
});

describe("reproducible", () => {
  test("two builds of the same inputs and date are byte-identical, whatever the time zone", async () => {
    const first = await render(await assembleOne(LETTER), { reporter: new Reporter() });
    const zone = process.env.TZ;
    try {
      process.env.TZ = "Pacific/Kiritimati";
      const second = await render(await assembleOne(LETTER), { reporter: new Reporter() });
      expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  test("without docx's private compiler, the public packing route gives the very same bytes", async () => {
    const doc = await assembleOne(LETTER);
    const fast = await render(doc, { reporter: new Reporter() });
    // Simulate a docx release that moved its compiler: our fast path cannot find it, Packer.pack still works.
    const packer = Packer as unknown as { compiler: unknown; pack: typeof Packer.pack };
    const { compiler, pack } = packer;
    expect(typeof (compiler as { compile?: unknown }).compile).toBe("function");
    packer.compiler = undefined;
    packer.pack = (...args) => {
      packer.compiler = compiler;
      try {
        return pack.apply(Packer, args);
      } finally {
        packer.compiler = undefined;
      }
    };
    try {
      const viaPublicApi = await render(doc, { reporter: new Reporter() });
      expect(Buffer.from(viaPublicApi).equals(Buffer.from(fast))).toBe(true);
    } finally {
      packer.compiler = compiler;
      packer.pack = pack;
    }
  });

  test("relationship ids are numbered, not random", async () => {
    const docx = await renderDocx(await assembleOne(LETTER));
    const ids = Object.entries(docx.parts)
      .filter(([name]) => name.endsWith(".rels"))
      .flatMap(([, text]) => [...text.matchAll(/ Id="([^"]+)"/g)].map((m) => m[1]));
    expect(ids.length).toBeGreaterThan(5);
    for (const id of ids) expect(id).toMatch(/^rIdL?\d+$/);
    const referenced = [...docx.parts["word/document.xml"].matchAll(/r:(?:id|embed)="([^"]+)"/g)].map((m) => m[1]);
    for (const id of referenced) expect(docx.parts["word/_rels/document.xml.rels"]).toContain(`Id="${id}"`);
  });
});

describe("nothing is dropped silently", () => {
  test("an unknown node is reported with its position and its text kept; a body image is reported and shown by its alt text", async () => {
    const doc = await assembleOne(LETTER);
    const position = { start: { line: 40, column: 3 }, end: { line: 40, column: 9 } };
    doc.body.children.push({ type: "mystery", children: [{ type: "text", value: "hemmelig tekst" }], position } as unknown as RootContent);
    doc.body.children.push({ type: "paragraph", children: [{ type: "image", url: "bilde.png", alt: "Et diagram" }] });
    const reporter = new Reporter();
    const texts = (await renderDocx(doc, reporter)).paragraphs().map((p) => p.text);
    expect(reporter.messages.filter((m) => m.rule === "unknown-node")).toEqual([
      { file: doc.file, line: 40, column: 3, severity: "warning", rule: "unknown-node", text: 'the DOCX renderer does not know node type "mystery"; only its text is kept' },
    ]);
    expect(texts).toContain("hemmelig tekst");
    expect(reporter.messages.filter((m) => m.rule === "docx-image")).toHaveLength(1);
    expect(texts).toContain("[Et diagram]");
  });
});

describe("long signatory lists", () => {
  test("past a thousand names the list becomes compact running text, every name kept in order", async () => {
    const doc = await assembleOne(LETTER);
    const names = Array.from({ length: 1500 }, (_, i) => `Person ${String(i).padStart(4, "0")}`);
    doc.signatories.persons = names.map((name) => person(name, { place: "Bø", email: `${name.replace(" ", ".")}@secret.example` }));
    doc.signatories.hiddenPersons = 7;
    const docx = await renderDocx(doc);
    const compact = docx.paragraphs().filter((p) => p.style === "SignatoryCompact");
    expect(compact).toHaveLength(15);
    expect(compact.flatMap((p) => p.text.split("; "))).toEqual(names.map((name) => `${name}\u00a0—\u00a0Bø`));
    expect(docx.parts["word/document.xml"]).not.toContain("@secret.example");
    expect(docx.paragraphs().map((p) => p.text)).toContain("og 7 privatpersoner");
  });
});
