import type { AssembledDocument } from "../assemble/types.js";
import type { Renderer, RenderOptions } from "./types.js";

export type { Renderer, RenderOptions } from "./types.js";

export const FORMATS = ["docx", "pdf", "html", "md"] as const;
export type Format = (typeof FORMATS)[number];

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
