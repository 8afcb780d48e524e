import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import type { AssembledDocument } from "../../src/assemble/types.js";
import { assembleDocuments } from "../../src/build/index.js";
import { render, type Format } from "../../src/render/index.js";
import { Reporter } from "../../src/report/index.js";
import { pdfText } from "./pdf/helpers.js";

const DOCUMENT = path.resolve(import.meta.dirname, "../fixtures/render-text/documents/text.md");
/** A Persian family name spelt with a zero-width non-joiner (U+200C) between ی and ن. */
const PERSIAN = "محمدی\u200cنژاد";

let doc: AssembledDocument;
beforeAll(async () => {
  const reporter = new Reporter();
  [doc] = await assembleDocuments([DOCUMENT], reporter, { today: "2026-11-25" });
  expect(reporter.messages.filter((m) => m.severity === "error")).toEqual([]);
});

const bytesOf = (format: Format) => render(doc, format, { reporter: new Reporter() });

describe("text that reaches every format as written", () => {
  it("flows a paragraph written over several source lines as one paragraph in the PDF", async () => {
    const text = await pdfText(await bytesOf("pdf"));
    expect(text).toContain("Dette avsnittet er skrevet over flere linjer i kilden, slik hver editor bryter dem.");
  });

  it("keeps the zero-width non-joiner of a Persian name in title, body and signatory list of DOCX, HTML and Markdown", async () => {
    const { parseXml, paragraphsOf } = await import("./docx/helpers.js");
    const docx = paragraphsOf(parseXml(strFromU8(unzipSync(await bytesOf("docx"))["word/document.xml"]))).map((p) => p.text).join("\n");
    const html = new TextDecoder().decode(await bytesOf("html"));
    const md = new TextDecoder().decode(await bytesOf("md"));
    for (const text of [docx, html, md]) {
      expect(text).toContain(`Brev fra Sára Ánte og ${PERSIAN}`);
      expect(text).toContain(`Familien ${PERSIAN} skriver`);
      expect(text).toContain(`${PERSIAN}\u00a0—\u00a0Oslo`);
    }
  });

  it("keeps the zero-width non-joiner in the PDF's text", async () => {
    const text = await pdfText(await bytesOf("pdf"));
    // The text layer keeps U+200C with the glyph it shapes, which pdf.js reorders within the
    // right-to-left run (it reads "…ین‌ژاد"); every letter and the joiner are there, none other.
    const names = text.match(/[\u0600-\u06ff\u200c]+/g) ?? [];
    expect(names).toHaveLength(3);
    for (const name of names) expect([...name].sort()).toEqual([...PERSIAN].sort());
  });

  it("DOCX marks a right-to-left name as its own run, w:rtl, with its language; the Norwegian around it is not", async () => {
    const { parseXml, elements, textOf } = await import("./docx/helpers.js");
    const xml = parseXml(strFromU8(unzipSync(await bytesOf("docx"))["word/document.xml"]));
    const runs = elements(xml, "w:r").filter((r) => textOf(r).trim());
    const persian = runs.filter((r) => textOf(r).includes(PERSIAN));
    expect(persian.map((r) => [textOf(r), elements(r, "w:rtl").length, elements(r, "w:lang")[0]?.getAttribute("w:bidi")])).toEqual([
      [PERSIAN, 1, "fa"],
      [PERSIAN, 1, "fa"],
      [PERSIAN, 1, "fa"],
    ]);
    expect(runs.filter((r) => elements(r, "w:rtl").length && !textOf(r).includes(PERSIAN))).toEqual([]);
    const { rtlPieces } = await import("../../src/render/rtl.js");
    expect(rtlPieces("Sara שרה כהן og سارا")).toEqual([{ text: "Sara " }, { text: "שרה כהן", rtl: "he" }, { text: " og " }, { text: "سارا", rtl: "ar" }]);
  });

  it("still removes what reorders or hides text, and keeps the joiner of an emoji sequence", async () => {
    const { cleanText } = await import("../../src/assemble/clean.js");
    expect(cleanText("a\u202eb\u2066c\u2069d\u200be\u200ff\ufeffg")).toBe("abcdefg");
    expect(cleanText("👩\u200d⚕️ Sinhala ශ්\u200dරී")).toBe("👩\u200d⚕️ Sinhala ශ්\u200dරී");
  });
});
