/**
 * The columnar merge's input: every file's text as UTF-8 bytes in one buffer, and
 * what `readDelimited` would make of each file's start (`sep=` line, separator).
 * Only CSV/TSV/TXT in UTF-8 (BOM or not) and Windows-1252 are read here: those keep
 * their text byte for byte as UTF-8, so a cell is a byte range of it. Anything
 * else (UTF-16, other formats, a file that cannot be read) is `Unsupported`, and
 * the whole merge goes the ordinary way, which reports it.
 */
import { readFileSync } from "node:fs";
import { isUtf8 } from "node:buffer";
import path from "node:path";
import { decode, detectDelimiter } from "../readers/delimited.js";
import { Unsupported } from "./unsupported.js";

export interface Source {
  /** The file's name in messages. */
  file: string;
  /** Its text (after BOM and `sep=` line) is `text[start, end)`. */
  start: number;
  end: number;
  /** The separator's byte. */
  delimiter: number;
  /** Lines before `start` that are not the header: 1 after a `sep=` line. */
  lineOffset: number;
}

const DELIMITED = new Set([".csv", ".tsv", ".txt"]);

/** `files` read, as `{ text, sources }`; throws `Unsupported` for what only the ordinary path reads. */
export function readSources(files: readonly { path: string; file: string }[], onFile?: (file: string) => void): { text: Buffer; sources: Source[] } {
  const parts: Buffer[] = [];
  const sources: Source[] = [];
  let offset = 0;
  for (const { path: absolute, file } of files) {
    onFile?.(file);
    if (!DELIMITED.has(path.extname(absolute).toLowerCase())) throw new Unsupported("format");
    let bytes: Buffer;
    try {
      bytes = readFileSync(absolute);
    } catch {
      throw new Unsupported("unreadable file");
    }
    const utf8 = asUtf8(bytes);
    const { skip, delimiter, lineOffset } = start(utf8);
    parts.push(utf8);
    sources.push({ file, start: offset + skip, end: offset + utf8.length, delimiter, lineOffset });
    offset += utf8.length;
  }
  return { text: parts.length === 1 ? parts[0] : Buffer.concat(parts, offset), sources };
}

/**
 * The bytes whose UTF-8 decoding is what `decode` returns: the file itself when it is
 * UTF-8 (a BOM cut off), else `decode`'s Windows-1252 reading encoded. UTF-16 is not
 * taken: a lone surrogate in it would not survive the round trip.
 */
function asUtf8(bytes: Buffer): Buffer {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) throw new Unsupported("UTF-16");
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  if (isUtf8(body)) return body;
  // Invalid UTF-8 after a BOM decodes with U+FFFD, as `decode` does; without one it is Windows-1252.
  return Buffer.from(decode(bytes), "utf8");
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** `readDelimited`'s `sep=` hint (`/^sep=(.)\r?\n/i`) and separator choice, on bytes. */
function start(text: Buffer): { skip: number; delimiter: number; lineOffset: number } {
  const hinted = text.length > 5 && text.toString("latin1", 0, 4).toLowerCase() === "sep=" && text[4] !== LF && text[4] !== CR;
  if (hinted) {
    if (text[4] >= 0x80) throw new Unsupported("non-ASCII separator");
    const newline = text[5] === CR ? 6 : 5;
    if (text[newline] === LF) return { skip: newline + 1, delimiter: text[4], lineOffset: 1 };
  }
  // `detectDelimiter` reads up to the first line break outside quotes; it is given that much.
  let quoted = false;
  let end = 0;
  for (; end < text.length; end++) {
    const c = text[end];
    if (c === QUOTE) quoted = !quoted;
    else if (!quoted && (c === LF || c === CR)) break;
  }
  const delimiter = detectDelimiter(text.toString("utf8", 0, end));
  return { skip: 0, delimiter: delimiter.charCodeAt(0), lineOffset: 0 };
}
