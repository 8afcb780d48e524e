import { existsSync } from "node:fs";
import path from "node:path";
import type { List, ListItem } from "mdast";
import { toString } from "mdast-util-to-string";
import { describe, expect, it } from "vitest";
import type { AssembledDocument } from "../../../src/assemble/types.js";
import { assembleDocuments } from "../../../src/build/index.js";
import { render } from "../../../src/render/pdf/index.js";
import { Reporter } from "../../../src/report/index.js";
import type { PdfStandard } from "../../../src/render/types.js";
import { sortSignatories } from "../../../src/signatories/sort.js";
import type { Signatory } from "../../../src/signatories/types.js";
import { openPdf, pdfPages, pdfText } from "./helpers.js";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const FIXTURE = path.join(ROOT, "test/fixtures/pdf-letter/documents");
const SEED = path.join(ROOT, "documents/stotteerklaering-smertebehandling.md");

async function assembled(file: string): Promise<AssembledDocument> {
  const reporter = new Reporter();
  const [doc] = await assembleDocuments([file], reporter, { today: "2026-11-25" });
  expect(reporter.messages.filter((m) => m.severity === "error")).toEqual([]);
  return doc;
}

const open = openPdf;
const pagesOf = pdfPages;
const textOf = pdfText;

/** Index of each needle in the text, each searched after the previous one; -1 when missing or out of order. */
function inOrder(text: string, needles: string[]): number[] {
  let from = 0;
  return needles.map((needle) => {
    const at = text.indexOf(needle, from);
    if (at >= 0) from = at + needle.length;
    return at;
  });
}

const HOSTILE = ['#read("/etc/passwd")', "<script>alert(1)</script>", "**fet** {{x}}", '=HYPERLINK("http://evil.example","klikk")', "]$x$<label>", "TOTAL_PAGES"];

describe("PDF renderer", () => {
  it("numbers the seed statement's seven demands 1–7 in the order of the document", async () => {
    if (!existsSync(SEED)) return expect.fail("the seed document documents/stotteerklaering-smertebehandling.md is missing");
    const doc = await assembled(SEED);
    const demands = doc.body.children.filter((n): n is List => n.type === "list" && Boolean(n.ordered) && n.children.length === 7);
    expect(demands).toHaveLength(1);
    // The first words of each item, as the PDF must show them after their number.
    const starts = demands[0].children.map((item: ListItem) => toString(item).split(/\s+/).slice(0, 4).join(" "));
    const text = (await textOf(await render(doc, { reporter: new Reporter() }))).replace(/\s+/g, " ");
    const at = inOrder(text, starts.map((start, i) => `${i + 1}. ${start}`));
    expect(at.every((i) => i >= 0), `demands in order: ${starts.join(" | ")}`).toBe(true);
    expect(text).not.toContain("8. ");
  });

  it("shows letterhead, recipients, refs, label, title, body, closing, signatories, sources and footer in letter order", async () => {
    const doc = await assembled(path.join(FIXTURE, "letter.md"));
    const pages = await pagesOf(await render(doc, { reporter: new Reporter() }));
    const text = pages.join("\n");
    const at = inOrder(text, [
      "Smertealliansen",
      "Org.nr. 974760673",
      "Til",
      "Helse Sør-Øst RHF",
      "Postboks 404, 2303 Hamar",
      "Helse- og omsorgsdepartementet",
      // Labels over values, as in DOCX's reference line.
      "Deres ref.",
      "Vår ref.",
      "Dato",
      "26/999",
      "2026/14",
      "22. november 2026",
      // The label as written; small capitals are the style's business.
      "Støtteerklæring",
      "Støtte til smertebehandling #emph[nå] <b>",
      "Vi er bekymret og svært bekymret, se nettsiden og kode #x.",
      "Våre krav",
      "Med vennlig hilsen",
      "Ingrid Haugen",
      "styreleder",
      "Undertegnet av",
      "Organisasjoner",
      "Privatpersoner",
      "og 2 privatpersoner",
      "Kilder",
      "[1] Smerte som folkehelseproblem. Folkehelseinstituttet. 2006. https://www.fhi.no/smerte",
      "[2] Kronisk smerte i Norge. Foreningen for kroniske smertepasienter",
    ]);
    expect(at.filter((i) => i < 0)).toEqual([]);
    pages.forEach((page, i) => expect(page).toContain(`Side ${i + 1} av ${pages.length}`));
    pages.forEach((page) => expect(page).toContain(`Versjon ${doc.fingerprint}`));
  });

  it("numbers ordered lists by their order, restarts each list, honours start, and nests lists", async () => {
    const doc = await assembled(path.join(FIXTURE, "letter.md"));
    const text = await textOf(await render(doc, { reporter: new Reporter() }));
    const demands = Array.from({ length: 7 }, (_, i) => `${i + 1}. Krav nummer ${i + 1}: å sikre tilbudet`);
    const at = inOrder(text, [...demands, "1. Liste to, første", "2. Liste to, andre", "Et avsnitt mellom listene.", "3. Starter på tre", "4. Fire", "• Punkt under fire", "• Enda et punkt", "1. Dypt nummerert", "• Kulepunkt", "• Kulepunkt to"]);
    expect(at.filter((i) => i < 0)).toEqual([]);
  });

  it("places footnotes as real footnotes, numbered by first reference; a repeated reference reuses the number", async () => {
    const doc = await assembled(path.join(FIXTURE, "letter.md"));
    const pages = await pagesOf(await render(doc, { reporter: new Reporter() }));
    const page = pages.find((p) => p.includes("Tallene er fra"))!;
    // Reference marks follow the text they belong to; the footnote text sits below the body on the same page.
    expect(inOrder(page, ["langvarige smerter [1].1", "faktabladet [2].", "Samme fotnote igjen.1", "En annen fotnote.2", "1 Tallene er fra flere undersøkelser [2].", '2 Fotnote med #read("/etc/passwd") som tekst.'])).not.toContain(-1);
    expect(page.indexOf("1 Tallene")).toBeGreaterThan(page.indexOf("Et sitat fra en pasient."));
    expect(pages.join("\n").match(/Tallene er fra/g)).toHaveLength(1);
  });

  it("makes citations links to the numbered source list", async () => {
    const doc = await assembled(path.join(FIXTURE, "letter.md"));
    const pdf = await open(await render(doc, { reporter: new Reporter() }));
    const annotations = await (await pdf.getPage(1)).getAnnotations();
    const internal = annotations.filter((a) => a.subtype === "Link" && a.dest);
    const external = annotations.filter((a) => a.subtype === "Link" && a.url).map((a) => a.url);
    expect(external).toContain("https://example.org/side");
    // [1] and [2] in the text and [2] in a footnote land on the page with the source list
    // (the other internal links are footnote marks, which land on this page).
    const targets = await Promise.all(internal.map(async (a) => pdf.getPageIndex((Array.isArray(a.dest) ? a.dest : await pdf.getDestination(a.dest))![0])));
    const sourcePage = (await pagesOf(await render(doc, { reporter: new Reporter() }))).findIndex((p) => p.includes("Kilder"));
    expect(sourcePage).toBeGreaterThan(0);
    expect(targets.filter((t) => t === sourcePage)).toHaveLength(3);
  });

  it("shows tables with a header row, block quotes and inline code", async () => {
    const doc = await assembled(path.join(FIXTURE, "letter.md"));
    const bytes = await render(doc, { reporter: new Reporter() });
    const text = await textOf(bytes);
    expect(inOrder(text, ["Tiltak", "Antall", "Injeksjoner", "12", "Stimulering", "3", "Underoverskrift"])).not.toContain(-1);
    const pdf = await open(bytes);
    const roles = new Set<string>();
    const walk = (node: { role?: string; children?: unknown[] }) => {
      if (node.role) roles.add(node.role);
      for (const child of node.children ?? []) walk(child as typeof node);
    };
    for (let i = 1; i <= pdf.numPages; i++) walk((await (await pdf.getPage(i)).getStructTree()) ?? {});
    for (const role of ["H1", "H2", "H3", "P", "L", "LI", "Table", "TH", "TD", "BlockQuote", "Code", "Link", "Note"]) expect(roles, role).toContain(role);
  });

  it("prints hostile names and values literally and never shows e-mail, phone or unknown columns", async () => {
    const doc = await assembled(path.join(FIXTURE, "letter.md"));
    const text = await textOf(await render(doc, { reporter: new Reporter() }));
    for (const name of HOSTILE) expect(text, name).toContain(name);
    expect(text).toContain('Vi oppfordrer Helse Sør-Øst RHF #read("/etc/passwd") til:');
    expect(text).toContain("Tegn som er kode i Typst: ] $x$ @ref");
    expect(text).not.toMatch(/root:x:0:0/);
    for (const secret of ["@hostile.example", "@person.example", "+47", "intern-merknad", "Skjult Person", "Enda En Skjult"]) expect(text, secret).not.toContain(secret);
  });

  it("writes a tagged PDF with title, author, language and an outline from the headings", async () => {
    const doc = await assembled(path.join(FIXTURE, "letter.md"));
    const pdf = await open(await render(doc, { reporter: new Reporter() }));
    expect((await pdf.getMarkInfo())?.Marked).toBe(true);
    expect(await (await pdf.getPage(1)).getStructTree()).toBeTruthy();
    const { info } = (await pdf.getMetadata()) as { info: Record<string, unknown> };
    expect(info).toMatchObject({ Title: "Støtte til smertebehandling #emph[nå] <b>", Author: "Smertealliansen", Language: "nb-NO", CreationDate: "D:20261122000000Z" });
    const outline = (await pdf.getOutline()) ?? [];
    const titles = (items: typeof outline): string[] => items.flatMap((o) => [o.title, ...titles(o.items)]);
    expect(titles(outline)).toEqual(["Støtte til smertebehandling #emph[nå] <b>", "Våre krav", "Underoverskrift", "Undertegnet av", "Organisasjoner", "Privatpersoner", "Kilder"]);
  });

  it("writes the language, consultation and labels of a Nynorsk consultation response", async () => {
    const doc = await assembled(path.join(FIXTURE, "horing.md"));
    const bytes = await render(doc, { reporter: new Reporter() });
    const text = await textOf(bytes);
    expect(inOrder(text, ["Fagrådet", "Pasientforeininga", "Helsedirektoratet", "Dato", "1. desember 2026", "Høyring – rettleiar for smerteklinikkar", `${doc.labels.issuer}: Helsedirektoratet`, `${doc.labels.caseNumber}: 26/1234`, `${doc.labels.deadline}: 15. desember 2026`, "Høyringssvar", "Samandrag", "1. Krav nummer 1", "2. Krav nummer 2", "Med venleg helsing"])).not.toContain(-1);
    expect(text).not.toContain("Underskrive av");
    const { info } = (await (await open(bytes)).getMetadata()) as { info: Record<string, unknown> };
    expect(info.Language).toBe("nn-NO");
    expect(info.Author).toBe("Fagrådet, Pasientforeininga");
  });

  it("embeds Carlito for the template font Calibri", async () => {
    const carlito = "/usr/share/fonts/truetype/crosextra/Carlito-Regular.ttf";
    if (!existsSync(carlito) && !process.env.CI) return;
    const doc = await assembled(path.join(FIXTURE, "letter.md"));
    const reporter = new Reporter();
    const raw = Buffer.from(await render(doc, { reporter })).toString("latin1");
    const fonts = new Set([...raw.matchAll(/\/FontName\s*\/[A-Z]{6}\+([\w-]+)/g)].map((m) => m[1]));
    expect(fonts).toContain("Carlito");
    expect(fonts).toContain("Carlito-Bold");
    expect(reporter.messages.filter((m) => m.rule === "pdf-engine")).toEqual([]);
  });

  it("produces PDF/A-2b, PDF/A-2a (archival and accessible in one file) and PDF/UA-1 when asked", async () => {
    const doc = await assembled(path.join(FIXTURE, "letter.md"));
    const xmp = async (pdfStandard?: PdfStandard) => {
      const { metadata } = await (await open(await render(doc, { reporter: new Reporter(), pdfStandard }))).getMetadata();
      return (metadata as unknown as { getRaw(): string } | null)?.getRaw() ?? "";
    };
    const archival = await xmp("a-2b");
    expect(archival).toMatch(/<pdfaid:part>2<\/pdfaid:part>/);
    expect(archival).toMatch(/<pdfaid:conformance>B<\/pdfaid:conformance>/);
    const both = await xmp("a-2a");
    expect(both).toMatch(/<pdfaid:part>2<\/pdfaid:part>/);
    expect(both).toMatch(/<pdfaid:conformance>A<\/pdfaid:conformance>/);
    expect(await xmp("ua-1")).toMatch(/<pdfuaid:part>1<\/pdfuaid:part>/);
    expect(await xmp()).not.toMatch(/pdfaid:part>|pdfuaid:part>/);
  });

  it("gives byte-identical output for the same input, also when renders run concurrently", async () => {
    const letter = await assembled(path.join(FIXTURE, "letter.md"));
    const horing = await assembled(path.join(FIXTURE, "horing.md"));
    const first = await render(letter, { reporter: new Reporter() });
    const again = await render(letter, { reporter: new Reporter() });
    expect(Buffer.compare(Buffer.from(first), Buffer.from(again))).toBe(0);
    const alone = await render(horing, { reporter: new Reporter() });
    const [a, b, c] = await Promise.all([render(letter, { reporter: new Reporter() }), render(horing, { reporter: new Reporter() }), render(letter, { reporter: new Reporter() })]);
    expect(Buffer.from(a).equals(Buffer.from(first))).toBe(true);
    expect(Buffer.from(b).equals(Buffer.from(alone))).toBe(true);
    expect(Buffer.from(c).equals(Buffer.from(first))).toBe(true);
    // A different date is a different document timestamp.
    const later = await render({ ...letter, meta: { ...letter.meta, date: "2026-12-24" } }, { reporter: new Reporter() });
    expect(Buffer.from(later).equals(Buffer.from(first))).toBe(false);
  });

  it("puts the sender's logo in the letterhead with its alt text, and reports a file that is no image", async () => {
    const letter = await assembled(path.join(FIXTURE, "letter.md"));
    const pdf = await open(await render(letter, { reporter: new Reporter() }));
    const figures: { alt?: string }[] = [];
    const walk = (node: { role?: string; alt?: string; children?: unknown[] }) => {
      if (node.role === "Figure") figures.push(node);
      for (const child of node.children ?? []) walk(child as typeof node);
    };
    walk((await (await pdf.getPage(1)).getStructTree()) ?? {});
    expect(figures.map((f) => f.alt)).toEqual(["Logoen til Smertealliansen"]);

    const horing = await assembled(path.join(FIXTURE, "horing.md"));
    const reporter = new Reporter();
    const text = await textOf(await render(horing, { reporter }));
    expect(reporter.messages).toEqual([expect.objectContaining({ severity: "warning", rule: "logo", text: expect.stringContaining("not a PNG, JPEG or GIF") })]);
    expect(text).toContain("Pasientforeininga");
    expect(text).not.toContain("template: horingssvar");
  });

  it("reports node types it does not know instead of dropping them silently", async () => {
    const doc = await assembled(path.join(FIXTURE, "horing.md"));
    const strange = { type: "mystery", position: { start: { line: 9, column: 2 }, end: { line: 9, column: 5 } } };
    const reporter = new Reporter();
    const bytes = await render({ ...doc, body: { ...doc.body, children: [...doc.body.children, strange as never] } }, { reporter });
    expect(reporter.messages.filter((m) => m.rule !== "logo")).toEqual([expect.objectContaining({ severity: "warning", rule: "unknown-node", line: 9, column: 2, text: expect.stringContaining('"mystery"') })]);
    expect(await textOf(bytes)).toContain("Samandrag");
  });

  it("lists up to 1,000 signatories one paragraph each, in order, with the hidden count", async () => {
    const doc = await assembled(path.join(FIXTURE, "letter.md"));
    const persons = Array.from({ length: 1000 }, (_, i): Signatory => ({ type: "person", name: `Person ${String(i).padStart(5, "0")}`, place: "Bodø", publish: true, source: { file: "x.csv", line: i + 2 }, extra: { secret: "hemmelig" }, email: `p${i}@example.org` }));
    const big = { ...doc, signatories: { organisations: [], persons, hiddenPersons: 12345, total: 1000 + 12345 } };
    const text = await textOf(await render(big, { reporter: new Reporter() }));
    const at = inOrder(text, ["Privatpersoner", ...persons.filter((_, i) => i % 50 === 0 || i === 999).map((p) => `${p.name} — Bodø\n`)]);
    expect(text).toMatch(/og 12\s345 privatpersoner/);
    expect(at.filter((i) => i < 0)).toEqual([]);
    expect(text.match(/Person \d{5} — Bodø/g)).toHaveLength(1000);
    expect(text).not.toMatch(/hemmelig|@example\.org/);
  });

  it("sets a 20,000-name petition as running text with every published name, in Norwegian order, and the hidden count", async () => {
    const doc = await assembled(path.join(FIXTURE, "letter.md"));
    const first = ["Åse", "Aase", "Øystein", "Ærle", "Émile", "Anders", "Zahra", "Ola", "Kari", "Ingrid Marie", "Hassan", "Bjørg"];
    const last = ["Ødegård", "Aas", "Haugen", "Ali", "Nordmann", "Lunde"];
    const everyone = Array.from({ length: 21_000 }, (_, i): Signatory => ({
      type: "person",
      name: `${first[i % first.length]} ${last[(i * 5) % last.length]} nr. ${i}`,
      role: i % 7 === 0 ? "sykepleier" : undefined,
      place: i % 3 ? "Tromsø" : undefined,
      email: `p${i}@example.org`,
      publish: i % 21 !== 0,
      source: { file: "x.csv", line: i + 2 },
      extra: {},
    }));
    const published = sortSignatories(everyone.filter((p) => p.publish));
    expect(published).toHaveLength(20_000);
    const hidden = everyone.length - published.length;
    const big = { ...doc, signatories: { organisations: [], persons: published, hiddenPersons: hidden, total: everyone.length } };
    const pages = await pagesOf(await render(big, { reporter: new Reporter() }));
    // The footer sits between the last line of a page and the first of the next; a name may span the two.
    const text = pages.map((page) => page.replace(/Side \d+ av \d+\s*Versjon [0-9a-f]+/, " ")).join(" ").replace(/\s+/g, " ");
    const line = (p: Signatory) => [p.name, [p.role, p.place].filter(Boolean).join(", ")].filter(Boolean).join(" — ");
    const sample = published.filter((_, i) => i % 1000 === 0 || i === published.length - 1);
    const at = inOrder(text, ["Privatpersoner", ...sample.map(line), doc.labels.hiddenPersons(hidden).replace(/\s/g, " ")]);
    expect(at.filter((i) => i < 0)).toEqual([]);
    // Running text, names separated by "; ", and every published name exactly once.
    expect(text).toContain(`${line(published[0])}; ${line(published[1])}; `);
    expect(text.match(/ nr\. \d+/g)).toHaveLength(20_000);
    for (const p of everyone.filter((p) => !p.publish).slice(0, 50)) expect(text).not.toMatch(new RegExp(`nr\\. ${p.name.split(" nr. ")[1]}\\b`));
    expect(text).not.toMatch(/@example\.org/);
  });
});
