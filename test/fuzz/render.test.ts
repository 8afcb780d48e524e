/**
 * Renderers (every format in FORMATS): generated names, titles, recipients, variable
 * values and source titles — the data of a letter — must reach the reader of each
 * format literally, in a valid file. html and md run the full case count; docx and pdf,
 * which start an engine, a hundredth of it.
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { assembleDocuments } from "../../src/build/index.js";
import { FORMATS, render } from "../../src/render/index.js";
import { formatMessage, Reporter } from "../../src/report/index.js";
import { cleanText } from "../../src/signatories/index.js";
import { comparable, extract } from "../hostile/extract.js";
import { fuzzOptions, HEAVY_RUNS, RUNS, timeoutFor, visibleText } from "./arbitraries.js";

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "opprop-fuzz-render-"));
  await mkdir(path.join(root, "demands"));
  await mkdir(path.join(root, "documents"));
  await mkdir(path.join(root, "signatories"));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const SEEN = /[\p{L}\p{N}\p{P}\p{S}]/u;
/** Characters the fonts a PDF embeds (Carlito, DejaVu) have glyphs for; a glyph no font has is not text in a PDF. */
const NOT_IN_FONTS = /[^\u0000-\u017f\u2010-\u2027\u2030-\u205e]/gu;

function letterData(format: string) {
  const text = format === "pdf" ? visibleText().map((s) => s.replace(NOT_IN_FONTS, "")).filter((s) => SEEN.test(s)) : visibleText();
  return fc.record({
    title: text,
    recipient: text,
    address: text,
    sender: text,
    ours: text,
    signer: text,
    variable: text,
    sourceTitle: text,
    signatory: text.filter((s) => SEEN.test(cleanText(s))),
  });
}
type LetterData = ReturnType<typeof letterData> extends fc.Arbitrary<infer T> ? T : never;

/** Writes the letter's files and assembles it; the data is valid, so any error is a bug. */
async function assembleLetter(data: LetterData) {
  await writeFile(path.join(root, "demands/verdi.md"), `---\n${stringify({ title: "Verdi", kind: "fact", requires: ["x"], sources: [{ id: "k", title: data.sourceTitle }] }, { lineWidth: 0 })}---\nVerdien er {{x}} [@k].\n`);
  await writeFile(path.join(root, "signatories/liste.json"), JSON.stringify([{ navn: data.signatory, samtykke: "ja" }]));
  const frontmatter = {
    template: "stotteerklaering",
    title: data.title,
    date: "2026-11-22",
    to: [{ name: data.recipient, address: data.address }],
    from: { name: data.sender },
    ref: { ours: data.ours },
    signature: [{ name: data.signer }],
    vars: { x: data.variable },
    signatories: ["../signatories/liste.json"],
  };
  // lineWidth 0: yaml's line folding can split a surrogate pair ("\ud800\\\n \udc00"), which UTF-8 then breaks.
  await writeFile(path.join(root, "documents/brev.md"), `---\n${stringify(frontmatter, { lineWidth: 0 })}---\n{{> verdi}}\n`);
  const reporter = new Reporter();
  const [doc] = await assembleDocuments([path.join(root, "documents/brev.md")], reporter, { today: "2026-11-25" });
  expect(reporter.messages.filter((m) => m.severity === "error").map((m) => formatMessage(m))).toEqual([]);
  return { doc, reporter };
}

describe.each(FORMATS)("%s renderer", (format) => {
  const heavy = format === "docx" || format === "pdf";
  const runs = heavy ? HEAVY_RUNS : RUNS;
  it(
    "shows every value of the letter literally, in a valid file",
    async () => {
      await fc.assert(
        fc.asyncProperty(letterData(format), async (data) => {
          const { doc, reporter } = await assembleLetter(data);
          const { text, unsafe } = await extract(format, await render(doc, format, { reporter }));
          expect(unsafe).toEqual([]);
          const seen = comparable(format, text);
          const { signatory, ...fields } = data;
          const wanted = { ...fields, signatory: cleanText(signatory) };
          const missing = Object.entries(wanted).filter(([, value]) => !seen.includes(comparable(format, value)));
          expect(missing).toEqual([]);
        }),
        // A PDF takes a second: shrinking a failure would take minutes, so the first one is reported as found.
        { ...fuzzOptions(runs), endOnFailure: heavy },
      );
    },
    timeoutFor(runs, heavy ? 2000 : 30),
  );
});
