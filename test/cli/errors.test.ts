/**
 * What `check` says agrees with what `build` does, and every message says
 * what is wrong, where, and how to fix it — through the CLI, as a user runs it.
 */
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { letter, makeWorkspace } from "../helpers/workspace.js";

const block = (frontmatter: string, body = "Tekst.") => `---\n${frontmatter}---\n${body}\n`;
const GOOD_BLOCK = block("title: Krav\nkind: demand\n", "Vi krever bedre behandling.");

describe("check and build agree", () => {
  it("never says ok for a document whose signatory file has an error, and build writes nothing for it", async () => {
    const root = makeWorkspace({
      "signatories/orgs.csv": "navn;orgnr\nSmertealliansen;974760673\nFeil forening;123456789\n",
      "documents/doc.md": letter("signatories:\n  - ../signatories/orgs.csv\n"),
    });
    const check = await runCli(["check", "documents/doc.md"], root);
    expect(check.code).toBe(1);
    expect(check.stdout).not.toMatch(/^ok/m);
    expect(check.stderr).toContain("signatories/orgs.csv:3:1  error  orgnr 123456789 fails the MOD11 check");
    // Who the file names, counts and rejects, and why, even when the document cannot be built.
    expect(check.stdout).toBe("  signatories/orgs.csv: 2 rows — 1 organisation and 0 persons named, 0 counted without name (no consent), 1 rejected (1 bad orgnr)\n");
    const build = await runCli(["build", "documents/doc.md", "--format", "md,html", "--out-dir", "out"], root);
    expect(build.code).toBe(1);
    expect(build.stdout).toBe("");
    expect(existsSync(path.join(root, "out")) ? readdirSync(path.join(root, "out")) : []).toEqual([]);
  });

  it("writes no format of a document when another of its formats fails (a PDF/A name no font can show)", async () => {
    const root = makeWorkspace({
      "signatories/navn.csv": "navn;samtykke\nᏣᎳᎩ Person;ja\n",
      "documents/doc.md": letter("signatories:\n  - ../signatories/navn.csv\n"),
    });
    const build = await runCli(["build", "documents/doc.md", "--format", "docx,pdf", "--pdf-standard", "a-2b", "--out-dir", "out"], root);
    expect(build.code).toBe(1);
    expect(build.stderr).toContain("signatories/navn.csv:2:1  error");
    expect(build.stdout).toBe("");
    expect(existsSync(path.join(root, "out")) ? readdirSync(path.join(root, "out")) : []).toEqual([]);
  });

  it("check reports the characters no PDF font can show, as build does: a warning, an error with --pdf-standard", async () => {
    const root = makeWorkspace({
      "signatories/navn.csv": "navn;samtykke\nᏣᎳᎩ Person;ja\n",
      "documents/doc.md": letter("signatories:\n  - ../signatories/navn.csv\n"),
    });
    const plain = await runCli(["check", "documents/doc.md"], root);
    expect(plain.code).toBe(0);
    expect(plain.stderr).toContain("signatories/navn.csv:2:1  warning  no font of the PDF can show «Ꮳ» (U+13E3)");
    const strict = await runCli(["check", "documents/doc.md", "--pdf-standard", "a-2b"], root);
    expect(strict.code).toBe(1);
    expect(strict.stdout).not.toMatch(/^ok/m);
    expect(strict.stderr).toContain("signatories/navn.csv:2:1  error  no font of the PDF can show «Ꮳ» (U+13E3)");
  });

  it("warns about a broken block no document uses, and fails only a document that uses it", async () => {
    const root = makeWorkspace({
      "demands/krav/godt.md": GOOD_BLOCK,
      "demands/krav/odelagt.md": block("tittel: Ødelagt\nkind: demand\n"),
      "documents/bruker-ikke.md": letter("", "{{> krav/godt}}"),
      "documents/bruker.md": letter("", "{{> krav/odelagt}}"),
    });
    const unused = await runCli(["check", "documents/bruker-ikke.md"], root);
    expect(unused.code).toBe(0);
    expect(unused.stdout).toMatch(/^ok {2}bruker-ikke/m);
    expect(unused.stderr).toContain('demands/krav/odelagt.md:2:1  warning  unknown field "tittel"  (did you mean "title"?)  (the block cannot be used until this is fixed)');
    expect(unused.stderr).toContain("0 errors, 2 warnings");
    const used = await runCli(["check", "documents/bruker.md"], root);
    expect(used.code).toBe(1);
    expect(used.stderr).toContain('documents/bruker.md:8:1  error  block "krav/odelagt" cannot be used until its file is fixed: demands/krav/odelagt.md:2:1 missing required field "title"');
    const blocks = await runCli(["blocks"], root);
    expect(blocks.code).toBe(0);
    expect(blocks.stdout).toContain("krav/godt");
    expect(blocks.stdout).not.toContain("krav/odelagt");
  });

  it("reports in check what would break the build: empty link, undefined footnote, unused footnote, sender orgnr", async () => {
    const root = makeWorkspace({
      "documents/sender.md": letter("from:\n  name: Smertealliansen\n  orgnr: 974760674\n"),
      "documents/doc.md": letter(
        "",
        "Se [rapporten]() og fotnoten[^9].\n\nEn annen[^1].\n\n[^1]: Brukt.\n\n[^2]: Aldri brukt.",
      ),
    });
    const run = await runCli(["check", "documents/doc.md", "documents/sender.md"], root);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain('documents/doc.md:8:4  error  the link "[rapporten]()" has no address');
    expect(run.stderr).toContain('documents/doc.md:8:29  error  footnote [^9] is not defined: add a line "[^9]: …" to the same file');
    expect(run.stderr).toContain("documents/doc.md:14:1  warning  footnote [^2] is never referred to");
    expect(run.stderr).toContain('documents/sender.md:9:10  error  "from.orgnr": orgnr 974760674 fails the MOD11 check');
  });
});

describe("placeholder mistakes in plain words", () => {
  it("an unclosed or spaced-out include says how to write it, not the parser's token names", async () => {
    const root = makeWorkspace({
      "demands/krav/stanse.md": GOOD_BLOCK,
      "documents/open.md": letter("", "Tekst.\n\n{{> krav/stanse }\n\nMer tekst."),
      "documents/space.md": letter("", "Tekst.\n\n{{ > krav/stanse}}"),
      "documents/other.md": letter("", "Tekst {{x}}} her."),
    });
    const run = await runCli(["check", "documents/open.md", "documents/space.md", "documents/other.md"], root);
    expect(run.code).toBe(1);
    expect(run.stderr).not.toMatch(/Expecting|INVALID|CLOSE/);
    expect(run.stderr).toContain('documents/open.md:10:1  error  the placeholder "{{> krav/stanse }" has no closing }}: write it as {{> krav/stanse}}');
    expect(run.stderr).toContain('documents/space.md:10:1  error  "{{ > krav/stanse}}" has a space between {{ and >: write it as {{> krav/stanse}}');
    expect(run.stderr).toContain('documents/other.md:8:7  error  the placeholder "{{x}}}" cannot be read: include a block as {{> folder/name}} and a variable as {{name}}');
  });
});

describe("an include written with single braces", () => {
  it("is an error that says how to write it, never printed into the letter", async () => {
    const root = makeWorkspace({ "demands/krav/stanse.md": GOOD_BLOCK, "documents/doc.md": letter("", "Tekst.\n\n{> krav/stanse}") });
    const run = await runCli(["check", "documents/doc.md"], root);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('documents/doc.md:10:1  error  "{> krav/stanse}" looks like a block include with one brace too few: write it as {{> krav/stanse}}');
  });
});

describe("frontmatter mistakes in plain words", () => {
  const check = async (frontmatter: string) => {
    const root = makeWorkspace({ "documents/doc.md": frontmatter });
    return runCli(["check", "documents/doc.md"], root);
  };

  it("a colon in a value: put it in quotes", async () => {
    const run = await check("---\ntemplate: stotteerklaering\ntitle: Høring: ny lov\nto: Helse Sør-Øst RHF\n---\nTekst.\n");
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('documents/doc.md:3:1  error  the value of "title" contains a colon: put the value in quotes, like this: title: "Høring: ny lov"\n1 error, 0 warnings\n');
  });

  it("bad indentation: one sentence with the line to line up with", async () => {
    const run = await check("---\ntemplate: stotteerklaering\ntitle: Støtte\nto: Helse Sør-Øst RHF\nvars:\n  a: 1\n b: 2\n---\nTekst.\n");
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('documents/doc.md:7:1  error  the indentation of "b: 2" does not fit: start the line in the same column as "a: 1" on line 6 (column 3), or further in if it belongs under it\n1 error, 0 warnings\n');
  });

  it("a line indented further than the one above it is the line named, not the good one above", async () => {
    const run = await check("---\ntemplate: stotteerklaering\ntitle: Støtte\nto: Helse Sør-Øst RHF\nfrom:\n  name: Smertealliansen\n   orgnr: \"914852536\"\n---\nTekst.\n");
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('documents/doc.md:7:1  error  the indentation of "orgnr: "914852536"" does not fit: start the line in the same column as "name: Smertealliansen" on line 6 (column 3), or further in if it belongs under it\n1 error, 0 warnings\n');
  });

  it("a tab as indentation: use spaces, in the user's words", async () => {
    const run = await check("---\ntemplate: stotteerklaering\ntitle: Støtte\nto: Helse Sør-Øst RHF\nfrom:\n\tname: Smertealliansen\n---\nTekst.\n");
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("documents/doc.md:6:1  error  line 6 is indented with a tab: indent with spaces instead (for example two spaces)\n1 error, 0 warnings\n");
  });

  it("a misspelt field inside from: names the field, not \"Invalid input\"", async () => {
    const run = await check("---\ntemplate: stotteerklaering\ntitle: Støtte\nto: Helse Sør-Øst RHF\nfrom:\n  navn: Smertealliansen\n---\nTekst.\n");
    expect(run.code).toBe(1);
    expect(run.stderr).not.toContain("Invalid input");
    expect(run.stderr).toContain('documents/doc.md:6:3  error  unknown field "navn"  (did you mean "name"?)');
  });

  it("a missing closing ---", async () => {
    const run = await check("---\ntemplate: stotteerklaering\ntitle: Støtte\nto: Helse Sør-Øst RHF\n\nTekst.\n");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("documents/doc.md:1:1  error  the frontmatter that starts on line 1 is never closed: add a line holding just --- after the last field");
  });

  it("takes one recipient as it is and a number as a title", async () => {
    const run = await check("---\ntemplate: stotteerklaering\ntitle: 2026\ndate: 2026-11-22\nto: Helse Sør-Øst RHF\n---\nTekst.\n");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
  });

  it("suggests the field meant by an unknown one", async () => {
    const run = await check("---\ntemplate: stotteerklaering\ntittel: Støtte\nto: Helse Sør-Øst RHF\n---\nTekst.\n");
    expect(run.stderr).toContain('documents/doc.md:3:1  error  unknown field "tittel"  (did you mean "title"?)');
    const root = makeWorkspace({ "demands/x.md": block("title: X\nkind: demand\ntag: [smerte]\n"), "documents/doc.md": letter("", "{{> x}}") });
    const tagged = await runCli(["check", "documents/doc.md"], root);
    expect(tagged.stderr).toContain('demands/x.md:4:1  warning  unknown field "tag"  (did you mean "tags"?)');
  });

  it("accepts the Norwegian kind words and lists the allowed ones otherwise", async () => {
    const root = makeWorkspace({
      "demands/krav.md": block("title: Krav\nkind: krav\n"),
      "demands/fakta.md": block("title: Fakta\nkind: Fakta\n"),
      "demands/feil.md": block("title: Feil\nkind: ønske\n"),
    });
    const run = await runCli(["blocks", "--kind", "demand"], root);
    expect(run.stdout).toMatch(/^krav {2}demand/m);
    expect(run.stderr).toContain('demands/feil.md:3:7  warning  "kind": kind must be one of demand, argument, concern, fact, context, closing, other (or in Norwegian: krav, argument, bekymring, fakta, kontekst, avslutning, annet)');
    expect((await runCli(["blocks", "--kind", "fakta"], root)).stdout).toMatch(/^fakta {2}fact/m);
  });
});
