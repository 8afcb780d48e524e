import { existsSync } from "node:fs";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { AssembledDocument } from "../../../src/assemble/types.js";
import { assembleDocuments } from "../../../src/build/index.js";
import { engineMessages } from "../../../src/render/pdf/engine.js";
import { compilerWithDeclaredFonts, DECLARED_FAMILIES } from "../../../src/render/pdf/fonts.js";
import { render } from "../../../src/render/pdf/index.js";
import { Reporter } from "../../../src/report/index.js";
import { runCli } from "../../helpers/cli.js";
import { pdfText } from "./helpers.js";

const FIXTURE = path.resolve(import.meta.dirname, "../../fixtures/render-text");
const SIGNATORIES = path.join(FIXTURE, "signatories/world.csv");

async function assembled(name: string): Promise<AssembledDocument> {
  const reporter = new Reporter();
  const [doc] = await assembleDocuments([path.join(FIXTURE, "documents", name)], reporter, { today: "2026-11-25" });
  expect(reporter.messages.filter((m) => m.severity === "error")).toEqual([]);
  return doc;
}

/** Font names embedded in the PDF, without their subset prefix. */
const embeddedFonts = (bytes: Uint8Array) => new Set([...Buffer.from(bytes).toString("latin1").matchAll(/\/FontName\s*\/[A-Z]{6}\+([\w-]+)/g)].map((m) => m[1]));

describe("PDF fonts", () => {
  it("declares only installed files, and Typst knows every declared family by its name", () => {
    for (const family of DECLARED_FAMILIES) for (const file of family.files) expect(existsSync(file), `${file} (${family.debian})`).toBe(true);
    const typst = compilerWithDeclaredFonts();
    for (const { family } of DECLARED_FAMILIES) {
      const result = typst.compile({ mainFileContent: `#set text(font: "${family}", fallback: false)\nx` });
      expect(engineMessages(result.takeWarnings()), family).toEqual([]);
    }
    // The fontconfig redirection lasts only while the compiler is created.
    expect(process.env.FONTCONFIG_FILE).toBeUndefined();
  });

  it("uses no font that is installed but not declared: a template asking for DejaVu Sans gets Noto Sans, with a warning", async () => {
    expect(existsSync("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")).toBe(true);
    const doc = await assembled("text.md");
    const reporter = new Reporter();
    const bytes = await render({ ...doc, template: { ...doc.template, style: { ...doc.template.style, font: "DejaVu Sans" } } }, { reporter });
    const fonts = embeddedFonts(bytes);
    expect(fonts).toContain("NotoSans-Regular");
    expect([...fonts].filter((f) => f.startsWith("DejaVu"))).toEqual([]);
    expect(reporter.messages).toContainEqual(expect.objectContaining({ severity: "warning", rule: "pdf-font", text: expect.stringContaining('"DejaVu Sans"') }));
  });

  it("falls back to the declared sans-serif, never to a serif, for an unknown template font", async () => {
    const doc = await assembled("text.md");
    const reporter = new Reporter();
    const bytes = await render({ ...doc, template: { ...doc.template, style: { ...doc.template.style, font: "Finnes Ikke Sans" } } }, { reporter });
    const fonts = [...embeddedFonts(bytes)];
    expect(fonts).toContain("NotoSans-Bold");
    expect(fonts.filter((f) => /Libertinus|NewCM|Serif/.test(f))).toEqual([]);
    expect(reporter.messages.filter((m) => m.rule === "pdf-font")).toEqual([
      expect.objectContaining({ severity: "warning", text: expect.stringMatching(/"Finnes Ikke Sans".*Noto Sans/) }),
    ]);
  });

  it("shows Sámi, Hebrew, Ethiopic, Sinhala and Chinese names from the declared Noto fallbacks", async () => {
    const doc = await assembled("tofu.md");
    const reporter = new Reporter();
    const bytes = await render(doc, { reporter });
    const fonts = embeddedFonts(bytes);
    for (const font of ["Carlito", "NotoSansHebrew-Regular", "NotoSansEthiopic-Regular", "NotoSansSinhala-Regular"]) expect(fonts).toContain(font);
    expect([...fonts].some((f) => f.startsWith("NotoSansCJK"))).toBe(true);
    const text = await pdfText(bytes);
    for (const name of ["Máret Čáhppes", "Đuoddar, Ŋuvttos, Ŧiellu, Žár", "ተስፋዬ ገብረ", "李小龍"]) expect(text).toContain(name);
  });

  it("warns, before rendering a plain PDF, about each character no declared font has, naming the signatory's row or the line", async () => {
    const doc = await assembled("tofu.md");
    const reporter = new Reporter();
    await render(doc, { reporter });
    const coverage = reporter.messages.filter((m) => m.rule === "pdf-font-coverage");
    expect(coverage).toEqual([
      expect.objectContaining({ severity: "warning", file: doc.file, line: 12, text: expect.stringContaining("«𒀀» (U+12000)") }),
      expect.objectContaining({ severity: "warning", file: expect.stringMatching(/world\.csv$/), line: 6, text: expect.stringContaining("«🫠» (U+1FAE0) in «Kari 🫠 Nordmann»") }),
    ]);
    expect(SIGNATORIES.endsWith(coverage[1].file.replace(/^(\.\.\/)+/, ""))).toBe(true);
  });

  it("refuses a PDF/A or PDF/UA file with such characters: errors with places, no PDF", async () => {
    const doc = await assembled("tofu.md");
    for (const pdfStandard of ["a-2b", "ua-1"] as const) {
      const reporter = new Reporter();
      await expect(render(doc, { reporter, pdfStandard })).rejects.toThrow(/PDF\/A and PDF\/UA/);
      expect(reporter.messages.filter((m) => m.severity === "error").map((m) => m.line)).toEqual([12, 6]);
    }
  });

  it("reports a lone surrogate (a JSON signatory file can hold one) at the signatory's row, though the data handed to Typst writes it as an escape", async () => {
    const doc = await assembled("text.md");
    const person = { type: "person", name: "Kari \ud800 Nordmann", place: "Oslo", publish: true, source: { file: "signatories/x.json", line: 3 }, extra: {} } as const;
    const reporter = new Reporter();
    const withPerson = { ...doc, signatories: { organisations: [], persons: [person], hiddenPersons: 0, total: 1 } };
    await expect(render(withPerson, { reporter, pdfStandard: "ua-1" })).rejects.toThrow(/PDF\/A and PDF\/UA/);
    expect(reporter.messages.filter((m) => m.severity === "error")).toEqual([
      expect.objectContaining({ rule: "pdf-font-coverage", file: "signatories/x.json", line: 3, text: expect.stringContaining("(U+D800) in «Kari \ud800 Nordmann»") }),
    ]);
  });

  it("makes a plain PDF for a lone surrogate, warned at its row, not stopped by Typst's JSON error; a typed backslash-u stays as typed", async () => {
    const doc = await assembled("text.md");
    const person = (name: string, line: number) => ({ type: "person", name, place: "Oslo", publish: true, source: { file: "signatories/x.json", line }, extra: {} }) as const;
    const reporter = new Reporter();
    const persons = [person("Kari \ud800 Nordmann", 3), person("Ola C:\\ud800 Dahl", 4)];
    const bytes = await render({ ...doc, signatories: { organisations: [], persons, hiddenPersons: 0, total: 2 } }, { reporter });
    expect(reporter.messages.filter((m) => m.severity !== "info").map((m) => [m.severity, m.rule, m.line])).toEqual([["warning", "pdf-font-coverage", 3]]);
    const text = await pdfText(bytes);
    expect(text).toContain("Kari \ufffd Nordmann");
    expect(text).toContain("Ola C:\\ud800 Dahl");
  });

  it("does not refuse a PDF/UA file over a name it does not print (a template without the signatory list)", async () => {
    const doc = await assembled("text.md");
    const person = { type: "person", name: "Kari 🫠 Nordmann", publish: true, source: { file: "signatories/x.csv", line: 2 }, extra: {} } as const;
    const unlisted = { ...doc, template: { ...doc.template, signatories: false }, signatories: { organisations: [], persons: [person], hiddenPersons: 0, total: 1 } };
    const reporter = new Reporter();
    const bytes = await render(unlisted, { reporter, pdfStandard: "ua-1" });
    expect(reporter.messages.filter((m) => m.rule === "pdf-font-coverage")).toEqual([]);
    expect(await pdfText(bytes)).not.toContain("Nordmann");
  });

  it("checks only what is laid out as text: a link target's character no font has is no box, so a PDF/UA file is made", async () => {
    const doc = await assembled("text.md");
    const link = { type: "link", url: "https://example.org/𒀀", children: [{ type: "text", value: "kilden" }] };
    const body = { ...doc.body, children: [...doc.body.children, { type: "paragraph", children: [link] }] } as AssembledDocument["body"];
    const reporter = new Reporter();
    const bytes = await render({ ...doc, body }, { reporter, pdfStandard: "ua-1" });
    expect(reporter.messages.filter((m) => m.rule === "pdf-font-coverage")).toEqual([]);
    expect(await pdfText(bytes)).toContain("kilden");
  });

  it("CLI: build --pdf-standard ua-1 stops with each place and character, writes no PDF, exits 1; plain PDF exits 0 with warnings", async () => {
    const out = await mkdtemp(path.join(tmpdir(), "opprop-fonts-"));
    try {
      const strict = await runCli(["build", "documents/tofu.md", "--format", "pdf", "--out-dir", out, "--pdf-standard", "ua-1"], FIXTURE);
      expect(strict.code).toBe(1);
      expect(strict.stderr).toMatch(/tofu\.md:12:1 +error +no font of the PDF can show «𒀀» \(U\+12000\) in text/);
      expect(strict.stderr).toMatch(/world\.csv:6:1 +error +no font of the PDF can show «🫠» \(U\+1FAE0\) in «Kari 🫠 Nordmann»/);
      expect(strict.stderr).not.toMatch(/SourceDiagnostic|span:/);
      expect(await readdir(out)).toEqual([]);
      const plain = await runCli(["build", "documents/tofu.md", "--format", "pdf", "--out-dir", out], FIXTURE);
      expect(plain.code).toBe(0);
      expect(plain.stderr).toMatch(/world\.csv:6:1 +warning +no font of the PDF can show «🫠»/);
      expect(await readdir(out)).toEqual(["tofu.pdf"]);
      expect((await runCli(["build", "documents/text.md", "--format", "pdf", "--out-dir", out, "--pdf-standard", "a-2a"], FIXTURE)).code).toBe(0);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  it("turns the engine's own errors into their message and hints, never a Rust dump", () => {
    const typst = compilerWithDeclaredFonts();
    const result = typst.compile({ mainFileContent: '#set document(title: "x")\n#text(font: "Carlito")[\u{E000}]' });
    let thrown: unknown;
    try {
      typst.pdf(result.result!, { pdfStandard: "a-2a" });
    } catch (error) {
      thrown = error;
    }
    expect(String(thrown)).toContain("SourceDiagnostic");
    const [message] = engineMessages(thrown);
    expect(message).toMatch(/^PDF\/A-2a error: the PDF contains the codepoint .*u\{e000\}.* — codepoints from the Unicode private area are forbidden/);
    expect(message).not.toMatch(/SourceDiagnostic|span:|severity:/);
  });
});
