import type { AssembledDocument } from "../assemble/types.js";
import type { Reporter } from "../report/index.js";

/** What every renderer is given besides the document. Its own module, so renderers never import render/index.ts back. */
export interface RenderOptions {
  /** PDF only: `a-2b` or `ua-1`; tagged PDF either way. */
  pdfStandard?: "a-2b" | "ua-1";
  /** Where warnings go (with the document's file and place). */
  reporter: Reporter;
}

/** A renderer turns the one AssembledDocument into bytes of its format. */
export type Renderer = (doc: AssembledDocument, options: RenderOptions) => Promise<Uint8Array>;
