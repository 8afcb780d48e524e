import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { toString } from "mdast-util-to-string";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { assembleDocuments } from "../../src/build/index.js";
import { parseMarkdown } from "../../src/parse/markdown.js";
import { formatMessage, Reporter } from "../../src/report/index.js";
import { runCli } from "../helpers/cli.js";

const outline = path.resolve(import.meta.dirname, "../fixtures/consultation-veileder/veileder-smerteklinikker.md");
const CHAPTERS = [
  "Hensikt med veilederen",
  "Funksjonen til smerteklinikker og -sentre",
  "Helsehjelp på riktig omsorgsnivå",
  "Tverrfaglighet",
  "Henvisninger",
  "Utredning",
  "Behandling",
  "Økonomi og ressurser",
];

let tmp: string;
let workspace: string;
let documentFile: string;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "opprop-horingssvar-"));
  workspace = path.join(tmp, "svar");
  documentFile = path.join(workspace, "documents/horingssvar.md");
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** `## ` headings of a Markdown file, each with the text that follows it up to the next one. */
function sections(markdown: string): { title: string; text: string }[] {
  const found: { title: string; text: string }[] = [];
  for (const node of parseMarkdown(markdown).tree.children) {
    if (node.type === "heading" && node.depth === 2) found.push({ title: toString(node), text: "" });
    else if (node.type === "heading" && node.depth === 1) found.push({ title: `# ${toString(node)}`, text: "" });
    else if (found.length) found.at(-1)!.text += `${toString(node)}\n`;
  }
  return found;
}

function frontmatterOf(markdown: string): Record<string, unknown> {
  return parseYaml(parseMarkdown(markdown).frontmatter!.value) as Record<string, unknown>;
}

describe("opprop init DIR --horingssvar FROM.md", () => {
  it("scaffolds a workspace whose høringssvar has the consultation, its chapters and one section per chapter", async () => {
    const run = await runCli(["init", "svar", "--horingssvar", outline, "--issuer", "Helsedirektoratet", "--deadline", "2030-12-01"], tmp);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("opprop build documents/horingssvar.md");
    const source = await readFile(documentFile, "utf8");
    const meta = frontmatterOf(source);
    expect(meta).toMatchObject({
      template: "horingssvar",
      title: "Høringssvar – Nasjonal veileder for smerteklinikker og smertesentre",
      lang: "nb",
      to: ["Helsedirektoratet"],
      consultation: { title: "Nasjonal veileder for smerteklinikker og smertesentre", issuer: "Helsedirektoratet", deadline: "2030-12-01", noComments: true },
    });
    // Only the chapter level: the sub-heading "Innhold i henvisningen" is no chapter.
    expect((meta.consultation as { chapters: string[] }).chapters).toEqual(CHAPTERS);
    expect(sections(source).map((s) => s.title)).toEqual(["Sammendrag", ...CHAPTERS]);
    // The example statement is not copied; the block library is.
    await expect(readFile(path.join(workspace, "documents/stotteerklaering-smertebehandling.md"))).rejects.toThrow();
    await expect(readFile(path.join(workspace, "demands/avslutning/horingssvar.md"), "utf8")).resolves.toContain("kind: closing");
  });

  it("check warns at every placeholder the scaffold left, with file:line", async () => {
    const run = await runCli(["check", "documents/horingssvar.md"], workspace);
    expect(run.code).toBe(0);
    const placeholders = run.stderr.split("\n").filter((line) => line.includes("placeholder text from the scaffold"));
    expect(placeholders).toHaveLength(1 + CHAPTERS.length);
    expect(placeholders[0]).toMatch(/^documents\/horingssvar\.md:\d+:1  warning  /);
    expect(run.stderr).toContain('warning  fill in "Fyll inn navnet på organisasjonen eller styret"');
  });

  it("builds the answered chapters and 'Ingen merknader.' for the rest, in the guideline's chapter order", async () => {
    const scaffold = await readFile(documentFile, "utf8");
    const frontmatter = scaffold.slice(0, scaffold.indexOf("\n---", 3) + 5).replace("Fyll inn navnet på organisasjonen eller styret", "Norsk smerteforening (test)");
    await writeFile(
      documentFile,
      `${frontmatter}
## Sammendrag

Vi støtter veilederen, men har merknader om henvisninger og behandling.

## Henvisninger

{{> bekymring/henvisningsvurdering}}

## Behandling

Behandlingen må være tverrfaglig.

{{> avslutning/horingssvar}}
`,
    );
    const outDir = path.join(tmp, "out");
    const run = await runCli(["build", "documents/horingssvar.md", "--format", "md,html", "--out-dir", outDir], workspace);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);

    const built = sections(await readFile(path.join(outDir, "horingssvar.md"), "utf8"));
    const body = built.slice(built.findIndex((s) => s.title.startsWith("# ")) + 1, built.findIndex((s) => s.title === "Kilder"));
    expect(body.map((s) => s.title)).toEqual(["Sammendrag", ...CHAPTERS]);
    const text = Object.fromEntries(body.map((s) => [s.title, s.text.trim()]));
    for (const chapter of ["Hensikt med veilederen", "Funksjonen til smerteklinikker og -sentre", "Helsehjelp på riktig omsorgsnivå", "Tverrfaglighet", "Utredning"]) {
      expect(text[chapter]).toBe("Ingen merknader.");
    }
    expect(text["Henvisninger"]).toContain("legespesialist");
    // The closing block stays last: the chapter that got "no comments" goes before it.
    expect(text["Behandling"]).toBe("Behandlingen må være tverrfaglig.");
    expect(text["Økonomi og ressurser"]).toMatch(/^Ingen merknader\.\nVi takker for muligheten/);

    // The HTML renderer shows the same sections from the same body.
    const html = await readFile(path.join(outDir, "horingssvar.html"), "utf8");
    const htmlSections = [...html.matchAll(/<h2>([^<]*)<\/h2>\s*<p>([^<]*)<\/p>/g)].map((m) => [m[1], m[2]]);
    expect(htmlSections).toContainEqual(["Utredning", "Ingen merknader."]);
    expect(html.indexOf("<h2>Tverrfaglighet</h2>")).toBeLessThan(html.indexOf("<h2>Henvisninger</h2>"));
  });

  it("adds nothing when noComments is false, and warns about a section that names no chapter", async () => {
    const source = await readFile(documentFile, "utf8");
    await writeFile(documentFile, source.replace("noComments: true", "noComments: false").replace("## Behandling", "## Behandlingen"));
    const reporter = new Reporter();
    const [doc] = await assembleDocuments([documentFile], reporter, { today: "2026-11-01" });
    const headings = doc.body.children.filter((n) => n.type === "heading").map((n) => toString(n));
    expect(headings).toEqual(["Sammendrag", "Henvisninger", "Behandlingen"]);
    const lines = reporter.messages.map((m) => formatMessage(m));
    expect(lines.some((line) => /^documents\/horingssvar\.md:\d+:1  warning  section "Behandlingen" is not a chapter listed in consultation.chapters {2}\(did you mean "Behandling"\?\)$/.test(line))).toBe(true);
    await writeFile(documentFile, source);
  });
});

describe("consultation deadline", () => {
  const deadlineMessages = async (today: string) => {
    const reporter = new Reporter();
    await assembleDocuments([documentFile], reporter, { today });
    return reporter.messages.filter((m) => m.rule === "deadline").map((m) => formatMessage(m));
  };

  it("warns from seven days before the deadline, on the deadline line, and after it has passed", async () => {
    const line = (await readFile(documentFile, "utf8")).split("\n").findIndex((l) => l.trim().startsWith("deadline:")) + 1;
    expect(await deadlineMessages("2030-11-23")).toEqual([]);
    expect(await deadlineMessages("2030-11-24")).toEqual([`documents/horingssvar.md:${line}:3  warning  the consultation deadline 2030-12-01 is in 7 days`]);
    expect(await deadlineMessages("2030-11-30")).toEqual([`documents/horingssvar.md:${line}:3  warning  the consultation deadline 2030-12-01 is in 1 day`]);
    expect(await deadlineMessages("2030-12-01")).toEqual([`documents/horingssvar.md:${line}:3  warning  the consultation deadline 2030-12-01 is today`]);
    expect(await deadlineMessages("2030-12-04")).toEqual([`documents/horingssvar.md:${line}:3  warning  the consultation deadline 2030-12-01 has passed (3 days ago)`]);
  });

  it("opprop check counts from today (SOURCE_DATE_EPOCH pins it) and still exits 0", async () => {
    const saved = process.env.SOURCE_DATE_EPOCH;
    process.env.SOURCE_DATE_EPOCH = String(Date.parse("2030-12-10T12:00:00Z") / 1000);
    try {
      const run = await runCli(["check", "documents/horingssvar.md"], workspace);
      expect(run.code).toBe(0);
      expect(run.stderr).toMatch(/documents\/horingssvar\.md:\d+:3 {2}warning {2}the consultation deadline 2030-12-01 has passed \(9 days ago\)/);
    } finally {
      if (saved === undefined) delete process.env.SOURCE_DATE_EPOCH;
      else process.env.SOURCE_DATE_EPOCH = saved;
    }
  });
});

describe("a consultation template without a consultation", () => {
  it("is an error at the template line", async () => {
    const file = path.join(workspace, "documents/uten-horing.md");
    await writeFile(file, `---\ntemplate: horingssvar\ntitle: "Svar"\nto: ["Helsedirektoratet"]\n---\n\nTekst.\n`);
    const reporter = new Reporter();
    expect(await assembleDocuments([file], reporter)).toEqual([]);
    expect(reporter.messages.map((m) => formatMessage(m))).toContain('documents/uten-horing.md:2:1  error  template "horingssvar" answers a consultation: add consultation: {title, issuer, …}');
  });
});


describe("the shipped høringssvar example", () => {
  it("assembles without errors, and every chapter it lists has a section in the body", async () => {
    const reporter = new Reporter();
    const [doc] = await assembleDocuments([path.resolve(import.meta.dirname, "../../documents/horingssvar-veileder-smerteklinikker.md")], reporter, { today: "2026-11-25" });
    expect(reporter.messages.filter((m) => m.severity === "error").map((m) => formatMessage(m))).toEqual([]);
    const headings = doc.body.children.filter((n) => n.type === "heading" && n.depth === 2).map((n) => toString(n));
    expect(headings[0]).toBe("Sammendrag");
    for (const chapter of doc.meta.consultation!.chapters) expect(headings).toContain(chapter);
  });
});
