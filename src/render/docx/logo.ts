import { readFile } from "node:fs/promises";
import path from "node:path";
import { ImageRun } from "docx";
import type { AssembledDocument } from "../../assemble/types.js";
import type { Sender } from "../../schema/document.js";
import type { RenderOptions } from "../types.js";
import { xmlSafe } from "./text.js";

type ImageType = "png" | "jpg" | "gif" | "bmp";

interface Picture {
  type: ImageType;
  width: number;
  height: number;
}

/** Letterhead logos are shown at most this size, in pixels at 96 dpi (about 1.7 × 6.4 cm). */
const MAX_HEIGHT = 64;
const MAX_WIDTH = 240;

/**
 * The sender's logo, read relative to the document file. Only real PNG, JPEG, GIF or BMP
 * images are embedded, so a mistyped path never carries some other file into the DOCX;
 * anything else is reported and the letterhead goes on without it.
 */
export async function logoRun(doc: AssembledDocument, sender: Sender, options: RenderOptions): Promise<ImageRun | undefined> {
  if (!sender.logo) return undefined;
  const file = path.resolve(path.dirname(doc.file), sender.logo);
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch (error) {
    options.reporter.warn(doc.file, undefined, `cannot read logo "${sender.logo}": ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, "logo");
    return undefined;
  }
  const picture = pictureOf(data);
  if (!picture) {
    options.reporter.warn(doc.file, undefined, `logo "${sender.logo}" is not a PNG, JPEG, GIF or BMP image; it is left out of the DOCX`, "logo");
    return undefined;
  }
  const scale = Math.min(MAX_HEIGHT / picture.height, MAX_WIDTH / picture.width, 1);
  const description = xmlSafe(sender.logoAlt ?? sender.name);
  return new ImageRun({
    type: picture.type,
    data,
    transformation: { width: Math.round(picture.width * scale), height: Math.round(picture.height * scale) },
    // A fixed drawing id: docx would otherwise count on from earlier documents in the same process.
    altText: { id: "1", name: "Logo", title: description, description },
  });
}

/** Type and pixel size from the image's own header. */
export function pictureOf(data: Uint8Array): Picture | undefined {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const starts = (...bytes: number[]) => bytes.every((b, i) => data[i] === b);
  if (data.length >= 24 && starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return sized("png", view.getUint32(16), view.getUint32(20));
  if (data.length >= 10 && starts(0x47, 0x49, 0x46, 0x38)) return sized("gif", view.getUint16(6, true), view.getUint16(8, true));
  if (data.length >= 26 && starts(0x42, 0x4d)) return sized("bmp", Math.abs(view.getInt32(18, true)), Math.abs(view.getInt32(22, true)));
  if (data.length >= 4 && starts(0xff, 0xd8)) {
    // Walk the JPEG segments to the frame header (SOF0–SOF15, but not DHT, JPG or DAC), which holds the size.
    for (let i = 2; i + 9 < data.length; ) {
      if (data[i] !== 0xff) return undefined;
      const marker = data[i + 1];
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) return sized("jpg", view.getUint16(i + 7), view.getUint16(i + 5));
      i += 2 + view.getUint16(i + 2);
    }
  }
  return undefined;
}

function sized(type: ImageType, width: number, height: number): Picture | undefined {
  return width > 0 && height > 0 ? { type, width, height } : undefined;
}
