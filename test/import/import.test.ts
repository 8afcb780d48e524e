import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {
  AlignmentType,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  ExternalHyperlink,
  FootnoteReferenceRun,
  HeadingLevel,
  ImageRun,
  InsertedTextRun,
  LevelFormat,
  Packer,
  Paragraph,
  TextRun,
} from "docx";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { assembleDocuments } from "../../src/build/index.js";
import { guessKind, guessLang, importDocx, slug } from "../../src/import/index.js";
import { parseMarkdown } from "../../src/parse/markdown.js";
import { render } from "../../src/render/index.js";
import { formatMessage, Reporter } from "../../src/report/index.js";
import { runCli } from "../helpers/cli.js";

const fixture = path.resolve(import.meta.dirname, "../fixtures/import-roundtrip");
/** A 1×1 PNG, enough for Word to hold an image. */
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");
const DATE = "2026-11-01T00:00:00Z";

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "opprop-import-"));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** A Word draft with what people put in one: lists, footnotes, links, an image, a comment, tracked changes. */
async function wordDraft(file: string): Promise<string> {
  const document = new Document({
    numbering: { config: [{ reference: "krav", levels: [{ level: 0, format: LevelFormat.DECIMAL, text: "%1.", alignment: AlignmentType.START }] }] },
    footnotes: { 1: { children: [new Paragraph("Tall fra tre befolkningsundersøkelser.")] } },
    comments: { children: [{ id: 0, author: "Kari", date: new Date(DATE), children: [new Paragraph("Sjekk tallet")] }] },
    sections: [
      {
        children: [
          new Paragraph({ text: "Bakgrunn", heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ children: [new TextRun("Tilbudet forsvinner "), new CommentRangeStart(0), new TextRun("uten plan"), new CommentRangeEnd(0), new TextRun({ children: [new CommentReference(0)] }), new TextRun(".")] }),
          new Paragraph({ children: [new TextRun("Pasientene "), new InsertedTextRun({ text: "og de pårørende ", id: 1, author: "Kari", date: DATE }), new TextRun("står igjen"), new DeletedTextRun({ text: " alene", id: 2, author: "Kari", date: DATE }), new TextRun(".")] }),
          new Paragraph({ text: "Fakta", heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ children: [new TextRun("Nær 30 prosent har langvarige smerter"), new FootnoteReferenceRun(1), new TextRun(", og 10 prosent har sterke smerter i 2009. Se "), new ExternalHyperlink({ link: "https://example.org/faktablad", children: [new TextRun("faktabladet")] }), new TextRun(".")] }),
          new Paragraph({ children: [new ImageRun({ type: "png", data: PNG, transformation: { width: 20, height: 20 }, altText: { name: "graf", title: "Graf", description: "Graf over forekomst" } })] }),
          new Paragraph({ text: "Våre krav", heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: "Å stanse avviklingen {{x}} **nå** <script>", numbering: { reference: "krav", level: 0 } }),
          new Paragraph({ text: "Å legge fram en plan", numbering: { reference: "krav", level: 0 } }),
          new Paragraph({ text: "Kilder", heading: HeadingLevel.HEADING_1 }),
          new Paragraph("Kronisk smerte i Norge. Faktablad."),
        ],
      },
    ],
  });
  const target = path.join(tmp, file);
  await writeFile(target, await Packer.toBuffer(document));
  return target;
}

async function workspaceIn(name: string): Promise<string> {
  const root = path.join(tmp, name);
  await mkdir(path.join(root, "demands"), { recursive: true });
  await mkdir(path.join(root, "documents"), { recursive: true });
  return root;
}

const frontmatterOf = (text: string) => parseYaml(parseMarkdown(text).frontmatter!.value);

describe("opprop import FILE.docx --out demands/DIR", () => {
  it("writes one block per heading section with title, guessed kind and language, keeping lists, footnotes and links", async () => {
    const draft = await wordDraft("utkast.docx");
    const root = await workspaceIn("draft");
    const run = await runCli(["import", draft, "--out", "demands/utkast"], root);
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split("\n")).toEqual([
      "wrote demands/utkast/bakgrunn.md  argument  nb  Bakgrunn",
      "wrote demands/utkast/fakta.md  fact      nb  Fakta",
      "wrote demands/utkast/vare-krav.md  demand    nb  Våre krav",
      "wrote demands/utkast/kilder.md  fact      nb  Kilder",
    ]);
    const fakta = await readFile(path.join(root, "demands/utkast/fakta.md"), "utf8");
    expect(frontmatterOf(fakta)).toEqual({ title: "Fakta", kind: "fact", lang: "nb" });
    expect(fakta).toContain("Nær 30 prosent har langvarige smerter[^1], og 10 prosent");
    expect(fakta).toContain("[faktabladet](https://example.org/faktablad)");
    expect(fakta).toContain("[^1]: Tall fra tre befolkningsundersøkelser.");
    expect(await readFile(path.join(root, "demands/utkast/vare-krav.md"), "utf8")).toMatch(/\n1\. Å stanse avviklingen .*\n2\. Å legge fram en plan\n/);
    // Tracked changes: the insertion is in, the deletion is out.
    expect(await readFile(path.join(root, "demands/utkast/bakgrunn.md"), "utf8")).toContain("Pasientene og de pårørende står igjen.");
  });

  it("reports what it could not keep, naming the section it stood in", async () => {
    const run = await runCli(["import", await wordDraft("tap.docx"), "--out", "demands/tap"], await workspaceIn("losses"));
    const warnings = run.stderr.split("\n").filter((line) => line.includes("warning"));
    expect(warnings).toEqual(
      expect.arrayContaining([
        "../tap.docx  warning  1 comment not imported (in section «Bakgrunn»)",
        "../tap.docx  warning  1 tracked insertion imported as accepted (in section «Bakgrunn»)",
        "../tap.docx  warning  1 tracked deletion left out (in section «Bakgrunn»)",
        "../tap.docx  warning  1 image not imported (in section «Fakta»)",
      ]),
    );
    expect(run.code).toBe(0);
  });

  it("imported blocks keep data as data: {{x}}, ** and <script> from Word build as literal text", async () => {
    const root = await workspaceIn("literal");
    await importDocx(await wordDraft("literal.docx"), new Reporter(), { outDir: path.join(root, "demands/utkast") });
    await writeFile(path.join(root, "documents/krav.md"), `---\ntemplate: stotteerklaering\ntitle: "Krav"\nto: ["Mottaker"]\n---\n\n{{> utkast/vare-krav}}\n`);
    const reporter = new Reporter();
    const [doc] = await assembleDocuments([path.join(root, "documents/krav.md")], reporter, { today: "2026-11-25" });
    expect(reporter.messages.filter((m) => m.severity === "error")).toEqual([]);
    const html = new TextDecoder().decode(await render(doc, "html", { reporter }));
    expect(html).toContain("Å stanse avviklingen {{x}} **nå** &#x3C;script>");
  });

  it("never overwrites a block without --force, and writes nothing at all then", async () => {
    const draft = await wordDraft("twice.docx");
    const root = await workspaceIn("twice");
    expect((await runCli(["import", draft, "--out", "demands/utkast"], root)).code).toBe(0);
    const edited = path.join(root, "demands/utkast/fakta.md");
    await writeFile(edited, "---\ntitle: Fakta\nkind: fact\n---\n\nMin egen tekst.\n");
    await rm(path.join(root, "demands/utkast/kilder.md"));

    const again = await runCli(["import", draft, "--out", "demands/utkast"], root);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("demands/utkast/fakta.md  error  exists already; nothing was written (use --force to overwrite)");
    expect(await readFile(edited, "utf8")).toContain("Min egen tekst.");
    expect((await readdir(path.join(root, "demands/utkast"))).sort()).toEqual(["bakgrunn.md", "fakta.md", "vare-krav.md"]);

    const forced = await runCli(["import", draft, "--out", "demands/utkast", "--force"], root);
    expect(forced.code).toBe(0);
    expect(await readFile(edited, "utf8")).toContain("Nær 30 prosent");
    expect((await readdir(path.join(root, "demands/utkast"))).filter((f) => f.startsWith("."))).toEqual([]);
  });

  it("exits 1 for a missing or broken file and 2 for wrong usage", async () => {
    const root = await workspaceIn("usage");
    await writeFile(path.join(root, "ikke-word.docx"), "dette er ikke en zip-fil");
    const missing = await runCli(["import", "finnes-ikke.docx", "--out", "demands/x"], root);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("finnes-ikke.docx  error  file not found");
    const broken = await runCli(["import", "ikke-word.docx", "--out", "demands/x"], root);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain("ikke-word.docx  error  not a Word (.docx) file");
    expect((await runCli(["import", "ikke-word.docx"], root)).code).toBe(2);
    expect((await runCli(["import", "ikke-word.docx", "--out", "demands/x", "--lang", "se"], root)).code).toBe(2);
  });
});

describe("round trip: build → DOCX → import → build", () => {
  it("a DOCX from `build` imports into blocks that build to the same text (same fingerprint)", async () => {
    const root = path.join(tmp, "roundtrip");
    await cp(fixture, root, { recursive: true });
    const reporter = new Reporter();
    const [original] = await assembleDocuments([path.join(root, "documents/utkast.md")], reporter, { today: "2026-11-25" });
    const docx = path.join(tmp, "utkast.docx");
    await writeFile(docx, await render(original, "docx", { reporter }));

    const imported = await importDocx(docx, reporter, { outDir: path.join(root, "demands/importert") });
    expect(reporter.messages.filter((m) => m.severity === "error").map((m) => formatMessage(m))).toEqual([]);
    expect(imported.map((b) => [b.title, b.kind])).toEqual([
      ["Behold smertebehandlingen", "argument"],
      ["Hvem det gjelder", "fact"],
      ["Våre krav", "demand"],
    ]);

    // The same frontmatter, with the imported blocks where the text was: the first under no heading.
    const source = await readFile(path.join(root, "documents/utkast.md"), "utf8");
    const frontmatter = source.slice(0, source.indexOf("\n---", 3) + 5);
    const ids = imported.map((b) => `importert/${path.basename(b.file, ".md")}`);
    const body = [`{{> ${ids[0]}}}`, ...imported.slice(1).map((b, i) => `## ${b.title}\n\n{{> ${ids[i + 1]}}}`)].join("\n\n");
    await writeFile(path.join(root, "documents/igjen.md"), `${frontmatter}\n${body}\n`);
    const [again] = await assembleDocuments([path.join(root, "documents/igjen.md")], reporter, { today: "2026-11-25" });
    expect(reporter.messages.filter((m) => m.severity === "error").map((m) => formatMessage(m))).toEqual([]);

    expect(again.fingerprint).toBe(original.fingerprint);
    const markdown = async (doc: typeof original) => new TextDecoder().decode(await render(doc, "md", { reporter }));
    expect(await markdown(again)).toBe(await markdown(original));
  });
});

describe("guessLang", () => {
  it("tells bokmål, nynorsk and English apart by common words", () => {
    expect(guessLang("Vi er bekymret fordi pasientene ikke får hjelp, og hva skjer nå?")).toBe("nb");
    expect(guessLang("Vi er uroa fordi pasientane ikkje får hjelp, og kva skjer no?")).toBe("nn");
    expect(guessLang("We are worried that the patients do not get the help they need.")).toBe("en");
    expect(guessLang("")).toBe("nb");
  });
});

describe("guessKind and slug", () => {
  const paragraph = (text: string) => ({ type: "paragraph" as const, children: [{ type: "text" as const, value: text }] });
  const ordered = (...items: string[]) => ({ type: "list" as const, ordered: true, children: items.map((text) => ({ type: "listItem" as const, children: [paragraph(text)] })) });

  it("guesses demands from Å-items, facts from sources and numbers, arguments otherwise", () => {
    expect(guessKind("Krav", [ordered("Å stanse", "Å sikre", "Et møte")])).toBe("demand");
    expect(guessKind("Krav", [ordered("Stanse", "Sikre", "Å møte")])).toBe("argument");
    expect(guessKind("Stanse avviklingen", [paragraph("Å stanse avviklingen av tilbudet.")])).toBe("demand");
    expect(guessKind("Kilder", [paragraph("Faktablad.")])).toBe("fact");
    expect(guessKind("Tall", [paragraph("30 prosent, 400 000 mennesker og 7,4 årsverk i 2023.")])).toBe("fact");
    expect(guessKind("Hverdagen", [paragraph("For mange handler dette om å klare en vanlig dag.")])).toBe("argument");
  });

  it("makes file names from titles, cutting long ones at a word", () => {
    expect(slug("Å stanse avviklingen")).toBe("a-stanse-avviklingen");
    expect(slug("Økonomi & ressurser – 2026")).toBe("okonomi-ressurser-2026");
    const long = slug("Behandlingstilbudet til mennesker med langvarige og sammensatte smerter må ikke svekkes");
    expect(long).toBe("behandlingstilbudet-til-mennesker-med-langvarige-og");
    expect(slug("***")).toBe("");
  });
});

describe("a Word file with Norwegian style ids (Overskrift1, Listeavsnitt, Tittel)", () => {
  // Made by test/fixtures/import-word/make.py: Word's own markup (proofErr, no-break and soft
  // hyphens, a HYPERLINK field, a footnote, a right-to-left run), styles as Norwegian Word names them.
  const docx = path.resolve(import.meta.dirname, "../fixtures/import-word/norwegian-word-styles.docx");

  it("imports quietly: List Paragraph is ordinary text, not a style to warn about", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "opprop-word-"));
    await mkdir(path.join(dir, "demands"), { recursive: true });
    const run = await runCli(["import", docx, "--out", "demands/utkast"], dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    const intro = await readFile(path.join(dir, "demands/utkast/innledning.md"), "utf8");
    expect(intro).toContain("Áile Ánde Čáppa og محمدی\u200cنژاد.");
    expect(intro).toContain("[regjeringen.no](https://www.regjeringen.no/no/dokumenter/horing/id1/)");
    expect(intro).toContain("[^1]: Helsedirektoratet, rapport 2023.");
    await rm(dir, { recursive: true, force: true });
  });
});
