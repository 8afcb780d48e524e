import type { AssembledDocument } from "../assemble/types.js";
import type { Reporter } from "../report/index.js";

/**
 * PDF standards the engine (Typst 0.14) can write, one per file: PDF/A-2b (archival),
 * PDF/A-2a (archival and accessible: tagged, every character with its Unicode meaning)
 * and PDF/UA-1 (accessible). Every PDF is tagged, whichever is chosen.
 */
export const PDF_STANDARDS = { "a-2b": "PDF/A-2b", "a-2a": "PDF/A-2a", "ua-1": "PDF/UA-1" } as const;
export type PdfStandard = keyof typeof PDF_STANDARDS;

/** What every renderer is given besides the document. Its own module, so renderers never import render/index.ts back. */
export interface RenderOptions {
  /** PDF only: see PDF_STANDARDS. */
  pdfStandard?: PdfStandard;
  /** Where warnings go (with the document's file and place). */
  reporter: Reporter;
}

/** A renderer turns the one AssembledDocument into bytes of its format. */
export type Renderer = (doc: AssembledDocument, options: RenderOptions) => Promise<Uint8Array>;
