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
  const kinds = byteKinds(delimiter);
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
      // Inside quotes the separator is text, and a line break stops the scan: such a cell is not plain anyway.
      flags = scan(text, start, end, QUOTED_KINDS) < end ? NOT_PLAIN : scanned;
      const after = q < to ? q + 1 : to;
      if (after < to && (c = text[after]) !== delimiter && c !== LF && c !== CR) throw new Unsupported("text after a closing quote");
      i = after;
    } else {
      end = scan(text, start, to, kinds);
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

/** What a byte is to `scan`: one table lookup a byte, most bytes `ORDINARY`. */
const ORDINARY = 0;
const STOP = 1;
const SPACE = 2;
const QUOTE_BYTE = 3;
const SEMICOLON = 4;
const LEAD_C2 = 5;
const LEAD_C3 = 6;
const NEVER_PLAIN = 7;

function baseKinds(): Uint8Array {
  const kinds = new Uint8Array(256).fill(NEVER_PLAIN);
  for (let b = 33; b < 127; b++) kinds[b] = ORDINARY;
  kinds[32] = SPACE;
  kinds[QUOTE] = QUOTE_BYTE;
  kinds[59] = SEMICOLON;
  // Continuation bytes (0x80–0xBF) are skipped after their lead; standing alone they cannot occur.
  kinds[0xc2] = LEAD_C2;
  kinds[0xc3] = LEAD_C3;
  kinds[LF] = STOP;
  kinds[CR] = STOP;
  return kinds;
}

const QUOTED_KINDS = baseKinds();

function byteKinds(delimiter: number): Uint8Array {
  const kinds = baseKinds();
  kinds[delimiter] = STOP;
  return kinds;
}

/** The flags `scan` found; a module variable rather than an object per cell. */
let scanned = 0;

/**
 * Where the cell from `start` ends (a `STOP` byte or `to`), with its flags in `scanned`.
 * Plain is `NEEDS_WORK`'s complement on UTF-8: bytes 0x20–0x7E, C2 A1–BF and C3 80–BF
 * (U+00A1–U+00FF), no space first, last or twice. The input is valid UTF-8, so a lead
 * byte's continuation is inside the cell.
 */
function scan(text: Uint8Array, start: number, to: number, kinds: Uint8Array): number {
  let flags = 0;
  let end = start;
  for (; end < to; end++) {
    const kind = kinds[text[end]];
    if (kind === ORDINARY) continue;
    if (kind === STOP) break;
    if (kind === SPACE) {
      if (end === start || text[end - 1] === 32) flags |= NOT_PLAIN;
    } else if (kind === QUOTE_BYTE) flags |= QUOTE_SEMICOLON | QUOTE_TAB;
    else if (kind === SEMICOLON) flags |= QUOTE_SEMICOLON;
    else if (kind === LEAD_C2) {
      if (text[++end] < 0xa1) flags |= NOT_PLAIN;
    } else if (kind === LEAD_C3) end++;
    else flags |= NOT_PLAIN;
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
