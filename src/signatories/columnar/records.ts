/**
 * `parseDelimited` on UTF-8 bytes, giving each record's cells as byte ranges instead
 * of strings. The separator, quote and line breaks are ASCII, which never occurs
 * inside a multi-byte character, so the ranges are exactly the strings it makes.
 * A quoted cell is one range only when it has no doubled quote and nothing after
 * its closing quote; anything else is `Unsupported`.
 */
import { Unsupported } from "./unsupported.js";

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** The cells of the current record: `starts[k], ends[k]` for `k < count`. Reused from record to record. */
export interface Cells {
  starts: Int32Array;
  ends: Int32Array;
  count: number;
}

/**
 * Calls `onRecord(cells, line)` for each record of `text[from, to)`, `line` being the
 * physical line it starts on, counted as `parseDelimited` counts (a line per record, plus
 * one per LF inside quotes).
 */
export function parseRecords(text: Uint8Array, from: number, to: number, delimiter: number, onRecord: (cells: Cells, line: number) => void): void {
  const cells: Cells = { starts: new Int32Array(64), ends: new Int32Array(64), count: 0 };
  let i = from;
  let line = 1;
  let recordLine = 1;
  while (i < to || cells.count) {
    let start = i;
    let end = i;
    let c = 0;
    if (i < to && text[i] === QUOTE) {
      start = i + 1;
      let q = text.indexOf(QUOTE, start);
      if (q < 0 || q >= to) q = to;
      else if (q + 1 < to && text[q + 1] === QUOTE) throw new Unsupported("doubled quote");
      end = q;
      for (let k = start; k < end; k++) if (text[k] === LF) line++;
      const after = q < to ? q + 1 : to;
      if (after < to && (c = text[after]) !== delimiter && c !== LF && c !== CR) throw new Unsupported("text after a closing quote");
      i = after;
    } else {
      while (end < to && (c = text[end]) !== delimiter && c !== LF && c !== CR) end++;
      i = end;
    }
    if (cells.count === cells.starts.length) grow(cells);
    cells.starts[cells.count] = start;
    cells.ends[cells.count++] = end;
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

function grow(cells: Cells): void {
  const starts = new Int32Array(cells.starts.length * 2);
  const ends = new Int32Array(cells.ends.length * 2);
  starts.set(cells.starts);
  ends.set(cells.ends);
  cells.starts = starts;
  cells.ends = ends;
}
