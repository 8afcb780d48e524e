import { crc32 } from "node:zlib";

/** One file of the package, compressed or to be compressed. */
export interface ZipPart {
  name: string;
  data: Uint8Array;
  /** DEFLATE of `data` as fflate's `deflateSync(data)` makes it (part-cache.ts). */
  deflated: Uint8Array;
}

/**
 * A zip archive byte for byte as fflate's `zipSync` writes one with the default level
 * and `mtime` on every entry, but taking parts that are compressed already
 * (part-cache.ts): zipSync would compress every part again. The layout is fflate 0.8's
 * (no data descriptors, no extra fields, UTF-8 flag for non-ASCII names);
 * test/render/docx/zip.test.ts compares the two.
 */
export function zipParts(parts: readonly ZipPart[], mtime: Date): Uint8Array {
  const entries = parts.map((part) => {
    const name = Buffer.from(part.name, "utf8");
    return { name, utf8: name.length !== part.name.length, size: part.data.length, crc: crc32(part.data), body: part.deflated };
  });
  const dosTime = dosDateTime(mtime);
  const localSize = entries.reduce((sum, e) => sum + 30 + e.name.length + e.body.length, 0);
  const centralSize = entries.reduce((sum, e) => sum + 46 + e.name.length, 0);
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  let at = 0;
  const offsets: number[] = [];
  for (const e of entries) {
    offsets.push(at);
    at = header(view, out, at, e, dosTime);
    out.set(e.body, at);
    at += e.body.length;
  }
  const centralAt = at;
  entries.forEach((e, i) => (at = header(view, out, at, e, dosTime, offsets[i])));
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, centralSize, true);
  view.setUint32(at + 16, centralAt, true);
  return out;
}

type Entry = { name: Uint8Array; utf8: boolean; size: number; crc: number; body: Uint8Array };

/** A local header, or with `offset` a central directory one; returns where it ends. */
function header(view: DataView, out: Uint8Array, at: number, e: Entry, dosTime: number, offset?: number): number {
  const central = offset !== undefined;
  view.setUint32(at, central ? 0x02014b50 : 0x04034b50, true);
  at += 4;
  // "Made by" version 2.0, MS-DOS (central only), then "needed to extract" 2.0.
  if (central) view.setUint16(at, 20, true), (at += 2);
  view.setUint16(at, 20, true);
  view.setUint8(at + 3, e.utf8 ? 8 : 0);
  view.setUint16(at + 4, 8, true);
  view.setUint32(at + 6, dosTime, true);
  view.setUint32(at + 10, e.crc, true);
  view.setUint32(at + 14, e.body.length, true);
  view.setUint32(at + 18, e.size, true);
  view.setUint16(at + 22, e.name.length, true);
  at += 26;
  // Central only: comment length, disk, internal and external attributes (all 0), then the offset.
  if (central) view.setUint32(at + 10, offset, true), (at += 14);
  out.set(e.name, at);
  return at + e.name.length;
}

/** Zip's MS-DOS time stamp, in local time, as fflate writes it. */
function dosDateTime(date: Date): number {
  const year = date.getFullYear() - 1980;
  if (year < 0 || year > 119) throw new RangeError("zip cannot store dates outside 1980-2099");
  return ((year << 25) | ((date.getMonth() + 1) << 21) | (date.getDate() << 16) | (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1)) >>> 0;
}
