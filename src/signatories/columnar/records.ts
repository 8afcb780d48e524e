/**
 * `parseDelimited` on UTF-8 bytes, giving each record's cells as byte ranges instead
 * of strings. The separator, quote and line breaks are ASCII, which never occurs
 * inside a multi-byte character, so the ranges are exactly the strings it makes.
 * A quoted cell is one range only when it has no doubled quote and nothing after
 * its closing quote; anything else is `Unsupported`.
 *
 * The one pass over every byte also notes what later stages would otherwise scan
 * each cell again for: whether `cleanText` would change it, and whether the writer
 * must quote it.
 */
import { Unsupported } from "./unsupported.js";

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** `cleanText` would change the cell: `NEEDS_WORK` in normalise.ts matches it. */
export const NOT_PLAIN = 1;
/** The writer quotes the cell in a CSV (`;`): it holds a quote or a semicolon (a plain cell has no line break). */
export const QUOTE_SEMICOLON = 2;
/** … in a TSV: it holds a quote (a plain cell has no tab). */
export const QUOTE_TAB = 4;

/** The cells of the current record: `starts[k], ends[k]`, `flags[k]` for `k < count`. Reused from record to record. */
export interface Cells {
  starts: Int32Array;
  ends: Int32Array;
  flags: Uint8Array;
  count: number;
}

/**
 * Calls `onRecord(cells, line)` for each record of `text[from, to)`, `line` being the
 * physical line it starts on, counted as `parseDelimited` counts (a line per record, plus
 * one per LF inside quotes).
 */
export function parseRecords(text: Uint8Array, from: number, to: number, delimiter: number, onRecord: (cells: Cells, line: number) => void): void {
  // `scan` takes bytes from '<' to '~' as ordinary without looking further.
  if (delimiter > 59 && delimiter < 127) throw new Unsupported("separator");
  const cells: Cells = { starts: new Int32Array(64), ends: new Int32Array(64), flags: new Uint8Array(64), count: 0 };
  let i = from;
  let line = 1;
  let recordLine = 1;
  while (i < to || cells.count) {
    let start = i;
    let end = i;
    let c = 0;
    let flags: number;
    if (i < to && text[i] === QUOTE) {
      start = i + 1;
      let q = text.indexOf(QUOTE, start);
      if (q < 0 || q >= to) q = to;
      else if (q + 1 < to && text[q + 1] === QUOTE) throw new Unsupported("doubled quote");
      end = q;
      for (let k = start; k < end; k++) if (text[k] === LF) line++;
      // A line break inside quotes stops the scan: such a cell is not plain anyway.
      flags = scan(text, start, end, -1) < end ? NOT_PLAIN : scanned;
      const after = q < to ? q + 1 : to;
      if (after < to && (c = text[after]) !== delimiter && c !== LF && c !== CR) throw new Unsupported("text after a closing quote");
      i = after;
    } else {
      end = scan(text, start, to, delimiter);
      flags = scanned;
      if (end < to) c = text[end];
      i = end;
    }
    if (cells.count === cells.starts.length) grow(cells);
    cells.starts[cells.count] = start;
    cells.ends[cells.count] = end;
    cells.flags[cells.count++] = flags;
    // `i` is where the cell stopped: at the separator, a line break or the end.
    const stop = i;
    i = stop + 1;
    if (stop < to && c === delimiter) continue;
    if (c === CR && i < to && text[i] === LF) i++;
    onRecord(cells, recordLine);
    cells.count = 0;
    recordLine = ++line;
  }
}

/** The flags `scan` found; a module variable rather than an object per cell. */
let scanned = 0;

/**
 * Where the cell from `start` ends (separator, line break or `to`), with its flags in
 * `scanned`. Plain is `NEEDS_WORK`'s complement on UTF-8: bytes 0x20–0x7E, C2 A1–BF
 * and C3 80–BF (U+00A1–U+00FF), no space first, last or twice. The input is valid
 * UTF-8, so a lead byte's continuation is inside the cell.
 */
function scan(text: Uint8Array, start: number, to: number, delimiter: number): number {
  let flags = 0;
  let end = start;
  for (; end < to; end++) {
    const c = text[end];
    if (c > 59 && c < 127) continue;
    if (c === delimiter || c === LF || c === CR) break;
    if (c === 32) {
      if (end === start || text[end - 1] === 32) flags |= NOT_PLAIN;
    } else if (c === QUOTE) flags |= QUOTE_SEMICOLON | QUOTE_TAB;
    else if (c === 59) flags |= QUOTE_SEMICOLON;
    else if (c === 0xc2) {
      if (text[++end] < 0xa1) flags |= NOT_PLAIN;
    } else if (c === 0xc3) end++;
    else if (c < 32 || c > 126) flags |= NOT_PLAIN;
  }
  if (end > start && text[end - 1] === 32) flags |= NOT_PLAIN;
  scanned = flags;
  return end;
}

function grow(cells: Cells): void {
  const starts = new Int32Array(cells.starts.length * 2);
  const ends = new Int32Array(cells.ends.length * 2);
  const flags = new Uint8Array(cells.flags.length * 2);
  starts.set(cells.starts);
  ends.set(cells.ends);
  flags.set(cells.flags);
  Object.assign(cells, { starts, ends, flags });
}
