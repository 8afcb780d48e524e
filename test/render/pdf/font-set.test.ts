import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Reporter } from "../../../src/report/index.js";

const FIXTURE = path.resolve(import.meta.dirname, "../../fixtures/render-text");
const EXAMPLES = path.resolve(import.meta.dirname, "../../../documents");
const COMPILERS = "../../../src/render/pdf/compilers.js";

/** The PDF of a document, rendered by freshly loaded modules (so each run has its own compilers). */
async function pdfOf(file: string): Promise<Buffer> {
  const { assembleDocuments } = await import("../../../src/build/index.js");
  const { render } = await import("../../../src/render/pdf/index.js");
  const [doc] = await assembleDocuments([file], new Reporter(), { today: "2026-11-25" });
  return Buffer.from(await render(doc, { reporter: new Reporter() }));
}

/** Which families the compiler is given for a document. */
async function fontSetOf(file: string): Promise<string[]> {
  const { assembleDocuments } = await import("../../../src/build/index.js");
  const { documentData, fontsOf } = await import("../../../src/render/pdf/data.js");
  const { fontSetFor } = await import("../../../src/render/pdf/compilers.js");
  const { dataCharacters } = await import("../../../src/render/pdf/check.js");
  const reporter = new Reporter();
  const [doc] = await assembleDocuments([file], reporter, { today: "2026-11-25" });
  return fontSetFor(dataCharacters(JSON.stringify(await documentData(doc, { reporter }))), fontsOf(doc, { reporter })).map((f) => f.family);
}

const DOCUMENTS = [
  path.join(FIXTURE, "documents/scripts.md"), // Sámi, Persian with ZWNJ, Arabic, Ethiopic, Chinese, Korean, Greek, Cyrillic, Devanagari, Thai, Georgian, symbols, code
  path.join(FIXTURE, "documents/tofu.md"), // Hebrew, Sinhala, and characters no declared font has
  path.join(FIXTURE, "documents/text.md"),
  path.join(EXAMPLES, "stotteerklaering-smertebehandling.md"),
];

afterEach(() => {
  vi.doUnmock(COMPILERS);
  vi.resetModules();
});

describe("PDF font sets", () => {
  it("gives the compiler only the families the document's characters reach", async () => {
    expect(await fontSetOf(DOCUMENTS[3])).toEqual(["Carlito", "Noto Sans"]);
    const scripts = await fontSetOf(DOCUMENTS[0]);
    for (const family of ["Carlito", "Noto Sans Arabic", "Noto Sans Ethiopic", "Noto Sans CJK SC", "Noto Sans Devanagari", "Noto Sans Thai", "Noto Sans Georgian"]) expect(scripts).toContain(family);
    for (const family of ["Noto Sans Hebrew", "Noto Sans Khmer", "Noto Sans Tifinagh"]) expect(scripts).not.toContain(family);
  });

  it("makes the same PDF, byte for byte, as a compiler with every declared font", { timeout: 60_000 }, async () => {
    const fewest = [];
    for (const file of DOCUMENTS) fewest.push(await pdfOf(file));
    vi.resetModules();
    vi.doMock(COMPILERS, async (original) => ({ ...(await original<typeof import("../../../src/render/pdf/compilers.js")>()), fontSetFor: (_chars: unknown, chain: unknown) => chain }));
    for (const [i, file] of DOCUMENTS.entries()) {
      const every = await pdfOf(file);
      expect(every.equals(fewest[i]), path.basename(file)).toBe(true);
    }
  });
});
