/** Consultation responses as users start and write them, through the CLI. */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Document, HeadingLevel, Packer, Paragraph } from "docx";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { isFodselsnummer } from "../../src/consultation/privacy.js";
import { parseMarkdown } from "../../src/parse/markdown.js";
import { runCli } from "../helpers/cli.js";
import { makeWorkspace } from "../helpers/workspace.js";

async function writeDocx(file: string, paragraphs: Paragraph[], title?: string): Promise<void> {
  writeFileSync(file, await Packer.toBuffer(new Document({ ...(title && { title }), sections: [{ children: paragraphs }] })));
}

const titleOf = (root: string) => parseYaml(parseMarkdown(readFileSync(path.join(root, "svar/documents/horingssvar.md"), "utf8")).frontmatter!.value);

describe("init --horingssvar FROM.docx", () => {
  it("takes the consulted title from a Title-styled first paragraph, not the file name", async () => {
    const root = makeWorkspace({});
    await writeDocx(path.join(root, "utkast-v3.docx"), [
      new Paragraph({ text: "Veileder for smerteklinikker", heading: HeadingLevel.TITLE }),
      new Paragraph({ text: "Hensikt", heading: HeadingLevel.HEADING_1 }),
      new Paragraph({ text: "Økonomi", heading: HeadingLevel.HEADING_1 }),
    ]);
    const run = await runCli(["init", "svar", "--horingssvar", "utkast-v3.docx"], root);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const meta = titleOf(root);
    expect(meta.consultation.title).toBe("Veileder for smerteklinikker");
    expect(meta.consultation.chapters).toEqual(["Hensikt", "Økonomi"]);
    expect(meta.title).toBe("Høringssvar – Veileder for smerteklinikker");
  });

  it("takes it from the title property when no paragraph names it, and does not say Høring twice", async () => {
    const root = makeWorkspace({});
    await writeDocx(
      path.join(root, "dok.docx"),
      [new Paragraph({ text: "Innledning", heading: HeadingLevel.HEADING_1 }), new Paragraph({ text: "Forslaget", heading: HeadingLevel.HEADING_1 })],
      "Høring – forslag til ny pasientlov",
    );
    const run = await runCli(["init", "svar", "--horingssvar", "dok.docx"], root);
    expect(run.code).toBe(0);
    const meta = titleOf(root);
    expect(meta.consultation.title).toBe("Høring – forslag til ny pasientlov");
    expect(meta.title).toBe("Høringssvar – forslag til ny pasientlov");
  });

  it("is an input error (exit 1) for a DOCX with no headings, and for a missing file", async () => {
    const root = makeWorkspace({});
    await writeDocx(path.join(root, "flat.docx"), [new Paragraph("Bare tekst."), new Paragraph("Mer tekst.")]);
    const run = await runCli(["init", "svar", "--horingssvar", "flat.docx"], root);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("flat.docx  error  the document has no headings to answer chapter by chapter: give its chapters the Heading 1");
    expect(run.stdout).toBe("");
    const missing = await runCli(["init", "svar", "--horingssvar", "borte.docx"], root);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("borte.docx  error  file not found");
  });
});

const horingssvar = (body: string) => `---
template: horingssvar
title: Høringssvar – veileder
date: 2026-11-22
to: Helsedirektoratet
from:
  name: Smertealliansen
consultation:
  title: Veileder
  issuer: Helsedirektoratet
  chapters: [Hensikt, Tverrfaglighet, Økonomi]
---
${body}
`;

describe("checking a høringssvar", () => {
  it("warns about sections out of the consulted document's chapter order", async () => {
    const root = makeWorkspace({ "documents/svar.md": horingssvar("## Økonomi\n\nFor lite.\n\n## Hensikt\n\nGod.\n") });
    const run = await runCli(["check", "documents/svar.md"], root);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('documents/svar.md:17:1  warning  section "Hensikt" stands after "Økonomi", but comes before it in the consulted document');
  });

  it("warns about personal data the authority would publish: fødselsnummer, phone, e-mail", async () => {
    const root = makeWorkspace({
      "documents/svar.md": horingssvar(
        "## Hensikt\n\nPasienten (fnr. 01010112345) ringte oss. Kontakt Kari på 912 34 567 eller kari.nordmann@example.no.\n\nBudsjettet er 45 000 000 kroner, orgnr 974760673, saksnr. 20261234567.\n",
      ),
    });
    expect(isFodselsnummer("01010112345")).toBe(false);
    // A made-up number with valid control digits.
    const fnr = "01010100131";
    expect(isFodselsnummer(fnr)).toBe(true);
    writeFileSync(path.join(root, "documents/svar.md"), readFileSync(path.join(root, "documents/svar.md"), "utf8").replace("01010112345", fnr));
    const run = await runCli(["check", "documents/svar.md"], root);
    expect(run.code).toBe(0);
    const warnings = run.stderr.split("\n").filter((line) => line.includes("personal-data") || line.includes("looks like"));
    expect(warnings).toEqual([
      `documents/svar.md:15:17  warning  consultation responses are published by the receiving authority: "${fnr}" looks like a national identity number (fødselsnummer). Remove it unless the person agreed to appear in a public document`,
      'documents/svar.md:15:58  warning  consultation responses are published by the receiving authority: "912 34 567" looks like a phone number. Remove it unless the person agreed to appear in a public document',
      'documents/svar.md:15:75  warning  consultation responses are published by the receiving authority: "kari.nordmann@example.no" looks like an e-mail address. Remove it unless the person agreed to appear in a public document',
    ]);
  });
});
