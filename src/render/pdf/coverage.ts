import { closeSync, openSync, readSync } from "node:fs";
import type { DeclaredFamily } from "./fonts.js";

/** Sorted, disjoint [first, last] code point ranges a font has glyphs for. */
type Ranges = Array<[number, number]>;

function readAt(fd: number, offset: number, length: number): DataView {
  const buffer = Buffer.alloc(length);
  readSync(fd, buffer, 0, length, offset);
  return new DataView(buffer.buffer, buffer.byteOffset, length);
}

/** Format 12 (any Unicode code point): the groups are the ranges. */
function ranges12(table: DataView): Ranges {
  const groups = table.getUint32(12);
  return Array.from({ length: groups }, (_, i): [number, number] => [table.getUint32(16 + i * 12), table.getUint32(20 + i * 12)]);
}

/** Format 4 (the Basic Multilingual Plane): every code point whose glyph is not .notdef. */
function ranges4(table: DataView): Ranges {
  const segments = table.getUint16(6) / 2;
  const ends = 14, starts = ends + segments * 2 + 2, deltas = starts + segments * 2, offsets = deltas + segments * 2;
  const ranges: Ranges = [];
  const add = (cp: number) => {
    const last = ranges[ranges.length - 1];
    if (last && last[1] === cp - 1) last[1] = cp;
    else ranges.push([cp, cp]);
  };
  for (let i = 0; i < segments; i++) {
    const end = table.getUint16(ends + i * 2), start = table.getUint16(starts + i * 2);
    const delta = table.getUint16(deltas + i * 2), rangeOffset = table.getUint16(offsets + i * 2);
    for (let cp = start; cp <= end && cp !== 0xffff; cp++) {
      const at = offsets + i * 2 + rangeOffset + (cp - start) * 2;
      const glyph = rangeOffset === 0 ? (cp + delta) & 0xffff : at + 2 <= table.byteLength ? table.getUint16(at) : 0;
      if (glyph !== 0) add(cp);
    }
  }
  return ranges;
}

/** The character map of a TrueType/OpenType file (the first font of a collection). */
function readRanges(file: string): Ranges {
  const fd = openSync(file, "r");
  try {
    let base = 0;
    if (readAt(fd, 0, 4).getUint32(0) === 0x74746366 /* ttcf */) base = readAt(fd, 12, 4).getUint32(0);
    const tables = readAt(fd, base + 4, 2).getUint16(0);
    const directory = readAt(fd, base + 12, tables * 16);
    const cmap = Array.from({ length: tables }, (_, i) => i * 16).find((at) => directory.getUint32(at) === 0x636d6170 /* cmap */);
    if (cmap === undefined) return [];
    const cmapOffset = directory.getUint32(cmap + 8);
    const cmapTable = readAt(fd, cmapOffset, directory.getUint32(cmap + 12));
    const encodings = Array.from({ length: cmapTable.getUint16(2) }, (_, i) => ({
      platform: cmapTable.getUint16(4 + i * 8),
      encoding: cmapTable.getUint16(6 + i * 8),
      offset: cmapTable.getUint32(8 + i * 8),
    }));
    const format = (e: { offset: number }) => cmapTable.getUint16(e.offset);
    // Full Unicode (format 12) when the font has it, else the BMP table (format 4).
    const full = encodings.find((e) => (e.platform === 3 && e.encoding === 10) || (e.platform === 0 && format(e) === 12));
    if (full && format(full) === 12) return ranges12(new DataView(cmapTable.buffer, cmapTable.byteOffset + full.offset));
    const bmp = encodings.find((e) => (e.platform === 3 && e.encoding === 1) || e.platform === 0);
    return bmp && format(bmp) === 4 ? ranges4(new DataView(cmapTable.buffer, cmapTable.byteOffset + bmp.offset)) : [];
  } finally {
    closeSync(fd);
  }
}

const cache = new Map<string, Ranges>();

function covers(ranges: Ranges, cp: number): boolean {
  let low = 0, high = ranges.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (cp < ranges[mid][0]) high = mid - 1;
    else if (cp > ranges[mid][1]) low = mid + 1;
    else return true;
  }
  return false;
}

/**
 * Code points need no glyph of their own when they are spaces, controls, format characters
 * (ZWNJ, ZWJ, soft hyphen) or variation selectors: the shaper consumes them.
 */
const NEEDS_NO_GLYPH = /[\s\p{Cc}\p{Cf}\u{FE00}-\u{FE0F}\u{E0100}-\u{E01EF}]/u;

/** The character map of a family's regular face, read once per process. */
function rangesOf(family: DeclaredFamily): Ranges {
  const file = family.files[0];
  if (!cache.has(file)) cache.set(file, readRanges(file));
  return cache.get(file)!;
}

/**
 * The characters of `chars` that no family of the chain can show. The families are read
 * in order and only while characters remain, so a Latin letter never opens a CJK font.
 * A family whose files are not installed covers nothing.
 */
export function uncovered(chars: Iterable<string>, chain: readonly DeclaredFamily[], installed: (file: string) => boolean): Set<string> {
  let left = new Set([...chars].filter((c) => !NEEDS_NO_GLYPH.test(c)));
  for (const family of chain) {
    if (!left.size) break;
    if (!installed(family.files[0])) continue;
    left = withoutCovered(left, rangesOf(family));
  }
  return left;
}

/**
 * The families of the chain that Typst can take a glyph from for `chars`, in chain order:
 * the first family always, then each installed one that has a character no family before
 * it has. Spaces and joiners count too, so a family that would shape only those is kept.
 * Typst picks, for each character, the first family of the chain that has it, so leaving
 * the other families out changes nothing in the PDF but the fonts the compiler loads.
 */
export function familiesShowing(chars: Iterable<string>, chain: readonly DeclaredFamily[], installed: (file: string) => boolean): DeclaredFamily[] {
  const [first, ...rest] = chain;
  let left = new Set(chars);
  if (installed(first.files[0])) left = withoutCovered(left, rangesOf(first));
  const showing = [first];
  for (const family of rest) {
    if (!left.size) break;
    if (!installed(family.files[0])) continue;
    const after = withoutCovered(left, rangesOf(family));
    if (after.size < left.size) showing.push(family);
    left = after;
  }
  return showing;
}

const withoutCovered = (chars: Set<string>, ranges: Ranges) => new Set([...chars].filter((c) => !covers(ranges, c.codePointAt(0)!)));
