import type { NodeCompiler } from "@myriaddreamin/typst-ts-node-compiler";
import type { AssembledDocument } from "../../assemble/types.js";
import { t } from "../../i18n/catalogue.js";
import type { RenderOptions } from "../types.js";
import { checkCoverage } from "./check.js";
import { documentData, fontsOf } from "./data.js";
import { engineMessages, reportEngineError } from "./engine.js";
import { compilerWithDeclaredFonts } from "./fonts.js";
import { TEMPLATE } from "./template.js";

let compiler: NodeCompiler | undefined;

/**
 * One compiler per process: creating it loads the declared fonts (fonts.ts). Renders
 * cannot interfere: compile and export are synchronous native calls and each gets its
 * own inputs.
 */
function sharedCompiler(): NodeCompiler {
  compiler ??= compilerWithDeclaredFonts();
  return compiler;
}

/** Seconds since the epoch at midnight UTC of the document's date: the same date gives the same bytes. */
const timestampOf = (isoDay: string): number => Date.parse(`${isoDay}T00:00:00Z`) / 1000;

/** Thrown after the engine's messages are reported with their places; build adds the file. */
const stopped = () => new Error(t("render.engineStopped"));

/**
 * The letter as a tagged PDF (PDF/A-2b, PDF/A-2a or PDF/UA-1 on request), through Typst.
 * The document reaches Typst only as JSON data (`sys.inputs.doc`), walked by TEMPLATE.
 */
export async function render(doc: AssembledDocument, options: RenderOptions): Promise<Uint8Array> {
  const fonts = fontsOf(doc, options);
  checkCoverage(doc, options, fonts.chain);
  const data = JSON.stringify(await documentData(doc, options, fonts));
  const typst = sharedCompiler();
  const result = typst.compile({ mainFileContent: TEMPLATE, inputs: { doc: data } });
  try {
    if (result.hasError() || !result.result) {
      reportEngineError(doc, options, result.takeError() ?? result.takeDiagnostics());
      throw stopped();
    }
    for (const message of new Set(engineMessages(result.takeWarnings()))) options.reporter.warn(doc.file, undefined, t("render.engineWarning", { message }), "pdf-engine");
    let pdf: Buffer;
    try {
      pdf = typst.pdf(result.result, { pdfStandard: options.pdfStandard, creationTimestamp: timestampOf(doc.meta.date) });
    } catch (error) {
      reportEngineError(doc, options, error);
      throw stopped();
    }
    return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  } finally {
    // Typst memoises across compilations, in one cache for the whole process. Keeping
    // only what the last compilation used lets a re-render reuse it, while a long-lived
    // process (preview, collect) stays at about one document's worth: with 10
    // generations kept, 20,000-name lists grew it by 50 MB a render up to 700 MB.
    typst.evictCache(1);
  }
}
