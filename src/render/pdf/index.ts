import { NodeCompiler } from "@myriaddreamin/typst-ts-node-compiler";
import type { AssembledDocument } from "../../assemble/types.js";
import type { RenderOptions } from "../types.js";
import { documentData } from "./data.js";
import { TEMPLATE } from "./template.js";

let compiler: NodeCompiler | undefined;

/**
 * One compiler per process: creating it scans and loads the fonts (system fonts,
 * where Debian's fonts-crosextra-carlito puts Carlito). Renders cannot interfere:
 * compile and export are synchronous native calls and each gets its own inputs.
 */
function sharedCompiler(): NodeCompiler {
  compiler ??= NodeCompiler.create({});
  return compiler;
}

const messagesOf = (error: { shortDiagnostics: unknown[] } | null): string[] =>
  (error?.shortDiagnostics ?? []).map((d) => (d as { message?: string }).message ?? String(d));

/** Seconds since the epoch at midnight UTC of the document's date: the same date gives the same bytes. */
const timestampOf = (isoDay: string): number => Date.parse(`${isoDay}T00:00:00Z`) / 1000;

/**
 * The letter as a tagged PDF (PDF/A-2b or PDF/UA-1 on request), through Typst. The
 * document reaches Typst only as JSON data (`sys.inputs.doc`), walked by TEMPLATE.
 */
export async function render(doc: AssembledDocument, options: RenderOptions): Promise<Uint8Array> {
  const data = JSON.stringify(await documentData(doc, options));
  const typst = sharedCompiler();
  const result = typst.compile({ mainFileContent: TEMPLATE, inputs: { doc: data } });
  try {
    if (result.hasError() || !result.result) {
      throw new Error(`Typst: ${messagesOf(result.takeError() ?? result.takeDiagnostics()).join("; ") || "compilation failed"}`);
    }
    // Unknown fonts and the like: worth knowing, not worth failing the build.
    for (const message of new Set(messagesOf(result.takeWarnings()))) options.reporter.warn(doc.file, undefined, `PDF: ${message}`, "pdf-engine");
    const pdf = typst.pdf(result.result, { pdfStandard: options.pdfStandard, creationTimestamp: timestampOf(doc.meta.date) });
    return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  } finally {
    // Typst memoises across compilations, in one cache for the whole process. Keeping
    // only what the last compilation used lets a re-render reuse it, while a long-lived
    // process (preview, collect) stays at about one document's worth: with 10
    // generations kept, 20,000-name lists grew it by 50 MB a render up to 700 MB.
    typst.evictCache(1);
  }
}
