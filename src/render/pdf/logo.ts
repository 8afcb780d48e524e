import { readFile } from "node:fs/promises";
import path from "node:path";
import type { AssembledDocument } from "../../assemble/types.js";
import type { Sender } from "../../schema/document.js";
import type { RenderOptions } from "../types.js";

/** PNG, JPEG and GIF by their first bytes: the formats Typst embeds in every PDF standard. */
const SIGNATURES = [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [0xff, 0xd8, 0xff], [0x47, 0x49, 0x46, 0x38]];

const isPicture = (data: Uint8Array) => SIGNATURES.some((signature) => signature.every((byte, i) => data[i] === byte));

/**
 * The sender's logo, read relative to the document, as data for Typst (bytes as a
 * number array; Typst never opens a file itself). Only real images get in, so a
 * mistyped path never carries some other file into the PDF; anything else is
 * reported and the letterhead goes on without it.
 */
export async function logoOf(doc: AssembledDocument, sender: Sender, options: RenderOptions): Promise<{ bytes: number[]; alt: string } | null> {
  if (!sender.logo) return null;
  let data: Buffer;
  try {
    data = await readFile(path.resolve(path.dirname(doc.file), sender.logo));
  } catch (error) {
    options.reporter.warn(doc.file, undefined, `cannot read logo "${sender.logo}": ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, "logo");
    return null;
  }
  if (!isPicture(data)) {
    options.reporter.warn(doc.file, undefined, `logo "${sender.logo}" is not a PNG, JPEG or GIF image; it is left out of the PDF`, "logo");
    return null;
  }
  return { bytes: [...data], alt: sender.logoAlt ?? sender.name };
}
