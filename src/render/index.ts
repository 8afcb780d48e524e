import type { AssembledDocument } from "../assemble/types.js";
import type { Reporter } from "../report/index.js";

export const FORMATS = ["docx", "pdf", "html", "md"] as const;
export type Format = (typeof FORMATS)[number];

export interface RenderOptions {
  /** PDF only: `a-2b` or `ua-1`; tagged PDF either way. */
  pdfStandard?: "a-2b" | "ua-1";
  /** Where relative paths in the document (a logo) are resolved. */
  reporter: Reporter;
}

/** A renderer turns the one AssembledDocument into bytes of its format. */
export type Renderer = (doc: AssembledDocument, options: RenderOptions) => Promise<Uint8Array>;

/** Loaded on demand: building HTML never loads the PDF engine. */
const RENDERERS: Record<Format, () => Promise<{ render: Renderer }>> = {
  docx: () => import("./docx/index.js"),
  pdf: () => import("./pdf/index.js"),
  html: () => import("./html/index.js"),
  md: () => import("./md/index.js"),
};

export async function render(doc: AssembledDocument, format: Format, options: RenderOptions): Promise<Uint8Array> {
  const { render: renderer } = await RENDERERS[format]();
  return renderer(doc, options);
}
