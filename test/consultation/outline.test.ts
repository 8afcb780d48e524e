import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Document, HeadingLevel, Packer, Paragraph } from "docx";
import type { Root, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { addNoCommentsSections, chapterKey } from "../../src/consultation/sections.js";
import { readOutline } from "../../src/consultation/outline.js";
import { parseMarkdown } from "../../src/parse/markdown.js";
import { runCli } from "../helpers/cli.js";

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "opprop-outline-"));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

async function docxWith(file: string, paragraphs: Paragraph[]): Promise<string> {
  const target = path.join(tmp, file);
  await writeFile(target, await Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] })));
  return target;
}

describe("readOutline", () => {
  it("reads a Word file's title and chapters from its heading styles", async () => {
    const file = await docxWith("veileder.docx", [
      new Paragraph({ text: "Nasjonal veileder for smerteklinikker", heading: HeadingLevel.HEADING_1 }),
      new Paragraph("Innledende tekst."),
      new Paragraph({ text: "1. Hensikt", heading: HeadingLevel.HEADING_2 }),
      new Paragraph({ text: "Bakgrunn", heading: HeadingLevel.HEADING_3 }),
      new Paragraph({ text: "2. Tverrfaglighet", heading: HeadingLevel.HEADING_2 }),
      new Paragraph({ text: "3. Økonomi og ressurser", heading: HeadingLevel.HEADING_2 }),
    ]);
    expect(await readOutline(file)).toEqual({ title: "Nasjonal veileder for smerteklinikker", chapters: ["1. Hensikt", "2. Tverrfaglighet", "3. Økonomi og ressurser"] });
  });

  it("takes every top heading as a chapter when there is no single title heading, and names it after the file", async () => {
    const file = path.join(tmp, "horingsnotat.md");
    await writeFile(file, "# Innledning\n\nTekst.\n\n# Forslaget\n\n## Detaljer\n\n# Konsekvenser\n");
    expect(await readOutline(file)).toEqual({ title: "horingsnotat", chapters: ["Innledning", "Forslaget", "Konsekvenser"] });
  });

  it("refuses a file without headings and a format it cannot read", async () => {
    const plain = path.join(tmp, "plain.md");
    await writeFile(plain, "Bare tekst.\n");
    await expect(readOutline(plain)).rejects.toThrow(/has no headings/);
    await expect(readOutline(path.join(tmp, "notat.pdf"))).rejects.toThrow(/from \.md or \.docx/);
    const run = await runCli(["init", "x", "--horingssvar", "plain.md"], tmp);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      "plain.md  error  the document has no headings to answer chapter by chapter: give its chapters the Heading 1 (or Heading 2) style in Word, or start without --horingssvar\n1 error, 0 warnings\n",
    );
  });
});

describe("opprop init --horingssvar FROM.docx", () => {
  it("scaffolds from Word headings, and chapter titles stay literal text through the build", async () => {
    const hostile = ['Om {{x}} og **fet** tekst', '<script>alert(1)</script>', '#read("/etc/passwd")', "Punkt ] og $x$"];
    const file = await docxWith("horing.docx", [
      new Paragraph({ text: "Høringsnotat", heading: HeadingLevel.HEADING_1 }),
      ...hostile.map((text) => new Paragraph({ text, heading: HeadingLevel.HEADING_2 })),
    ]);
    const run = await runCli(["init", "svar", "--horingssvar", file, "--issuer", "Departementet", "--lang", "nn"], tmp);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const source = await readFile(path.join(tmp, "svar/documents/horingssvar.md"), "utf8");
    const meta = parseYaml(parseMarkdown(source).frontmatter!.value);
    expect(meta.consultation.chapters).toEqual(hostile);
    expect(meta.title).toBe("Høyringssvar");

    // Answer nothing: every chapter gets "Ingen merknader." under its literal title.
    await writeFile(path.join(tmp, "svar/documents/horingssvar.md"), source.slice(0, source.indexOf("\n---", 3) + 5) + "## Samandrag\n\nVi har få merknader.\n");
    const build = await runCli(["build", "documents/horingssvar.md", "--format", "md", "--out-dir", "out"], path.join(tmp, "svar"));
    expect(build.code).toBe(0);
    const built = parseMarkdown(await readFile(path.join(tmp, "svar/out/horingssvar.md"), "utf8")).tree.children;
    const headings = built.filter((n) => n.type === "heading" && n.depth === 2).map((n) => toString(n));
    expect(headings).toEqual(["Samandrag", ...hostile]);
    const afterFirst = built[built.findIndex((n) => n.type === "heading" && toString(n) === hostile[0]) + 1];
    expect(toString(afterFirst)).toBe("Ingen merknader.");
  });
});

describe("addNoCommentsSections", () => {
  const h2 = (text: string): RootContent => ({ type: "heading", depth: 2, children: [{ type: "text", value: text }] });
  const p = (text: string, blockId?: string): RootContent => ({ type: "paragraph", children: [{ type: "text", value: text }], data: blockId ? { blockId } : undefined });
  const outline = (body: Root) => body.children.map((n) => (n.type === "heading" ? `## ${toString(n)}` : toString(n)));

  it("matches numbered or differently spelt chapter titles and inserts the rest in chapter order", () => {
    const body: Root = { type: "root", children: [h2("Sammendrag"), p("Kort."), h2("tverrfaglighet."), p("Svar B."), h2("Økonomi"), p("Svar D."), p("Takk.", "avslutning")] };
    const added = addNoCommentsSections({
      body,
      chapters: ["1. Hensikt", "2. Tverrfaglighet", "3 Henvisninger", "4. Økonomi", "5. Til slutt"],
      noCommentsText: "Ingen merknader.",
      isClosing: (node) => node.data?.blockId === "avslutning",
    });
    expect(added).toEqual(["1. Hensikt", "3 Henvisninger", "5. Til slutt"]);
    expect(outline(body)).toEqual(["## Sammendrag", "Kort.", "## 1. Hensikt", "Ingen merknader.", "## tverrfaglighet.", "Svar B.", "## 3 Henvisninger", "Ingen merknader.", "## Økonomi", "Svar D.", "## 5. Til slutt", "Ingen merknader.", "Takk."]);
  });

  it("puts every chapter after the text when none is answered", () => {
    const body: Root = { type: "root", children: [p("Vi har ingen merknader til høringen.")] };
    addNoCommentsSections({ body, chapters: ["A", "B"], noCommentsText: "No comments.", isClosing: () => false });
    expect(outline(body)).toEqual(["Vi har ingen merknader til høringen.", "## A", "No comments.", "## B", "No comments."]);
  });

  it("keys ignore case, spacing, numbering and a trailing full stop", () => {
    expect(chapterKey("3.2  Innhold i   henvisningen.")).toBe(chapterKey("innhold i henvisningen"));
    expect(chapterKey("IV. Økonomi")).toBe("økonomi");
    expect(chapterKey("2026 i tall")).toBe("2026 i tall");
  });
});
