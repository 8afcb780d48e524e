import type { NodeCompiler, NodeTypstDocument } from "@myriaddreamin/typst-ts-node-compiler";
import type { AssembledDocument } from "../../assemble/types.js";
import { t } from "../../i18n/catalogue.js";
import type { RenderOptions } from "../types.js";
import { checkCoverage, dataCharacters, shownCharacters, withoutLoneSurrogates } from "./check.js";
import { documentData, fontsOf } from "./data.js";
import { engineMessages, reportEngineError } from "./engine.js";
import { compilerFor, fontSetFor, fontsInput } from "./compilers.js";
import { TEMPLATE } from "./template.js";

/**
 * The font coverage check a PDF build makes first, without building: for `check`. Reports what
 * build would (warnings; errors under a PDF standard) and returns whether it found an error.
 */
export function checkPdfFonts(doc: AssembledDocument, options: RenderOptions): boolean {
  try {
    checkCoverage(doc, options, fontsOf(doc, options), shownCharacters(doc));
    return false;
  } catch (error) {
    // Only a PDF standard stops on missing characters, after reporting each with its place.
    if (options.pdfStandard === undefined) throw error;
    return true;
  }
}

/** Seconds since the epoch at midnight UTC of the document's date: the same date gives the same bytes. */
const timestampOf = (isoDay: string): number => Date.parse(`${isoDay}T00:00:00Z`) / 1000;

/** Thrown after the engine's messages are reported with their places; build adds the file. */
const stopped = () => new Error(t("render.engineStopped"));

/**
 * Lays the letter out once, as the PDF and the studio's pages both need it: the document
 * as JSON data (`sys.inputs.doc`) walked by TEMPLATE, its characters checked against the
 * declared fonts, engine messages reported with their places. `use` gets the laid
 * out document (to write a PDF or draw SVG pages) before Typst's cache is trimmed.
 */
export async function withLaidOutLetter<T>(doc: AssembledDocument, options: RenderOptions, use: (typst: NodeCompiler, laidOut: NodeTypstDocument) => T): Promise<T> {
  const chain = fontsOf(doc, options);
  const data = JSON.stringify(await documentData(doc, options));
  // One scan of the data for both: a 100,000-name list is not described and walked again.
  const chars = dataCharacters(data);
  checkCoverage(doc, options, chain, chars);
  const families = fontSetFor(chars, chain);
  // Compilers are kept for the process (compilers.ts). Renders cannot interfere: compile
  // and export are synchronous native calls and each gets its own inputs.
  const typst = compilerFor(families);
  const result = typst.compile({ mainFileContent: TEMPLATE, inputs: { doc: withoutLoneSurrogates(data), fonts: fontsInput(families) } });
  try {
    if (result.hasError() || !result.result) {
      reportEngineError(doc, options, result.takeError() ?? result.takeDiagnostics());
      throw stopped();
    }
    for (const message of new Set(engineMessages(result.takeWarnings()))) options.reporter.warn(doc.file, undefined, t("render.engineWarning", { message }), "pdf-engine");
    try {
      return use(typst, result.result);
    } catch (error) {
      reportEngineError(doc, options, error);
      throw stopped();
    }
  } finally {
    // Typst memoises across compilations, in one cache for the whole process. Keeping
    // only what the last compilation used lets a re-render reuse it, while a long-lived
    // process (preview, collect, studio) stays at about one document's worth: with 10
    // generations kept, 20,000-name lists grew it by 50 MB a render up to 700 MB.
    typst.evictCache(1);
  }
}

/** The letter as a tagged PDF (PDF/A-2b, PDF/A-2a or PDF/UA-1 on request), through Typst. */
export async function render(doc: AssembledDocument, options: RenderOptions): Promise<Uint8Array> {
  return withLaidOutLetter(doc, options, (typst, laidOut) => {
    const pdf = typst.pdf(laidOut, { pdfStandard: options.pdfStandard, creationTimestamp: timestampOf(doc.meta.date) });
    return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  });
}
