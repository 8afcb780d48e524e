/**
 * The columnar merge's input: every file's text as UTF-8 bytes in one buffer, and
 * what `readDelimited` would make of each file's start (`sep=` line, separator).
 * Only CSV/TSV/TXT in UTF-8 (BOM or not) and Windows-1252 are read here: those keep
 * their text byte for byte as UTF-8, so a cell is a byte range of it. Anything
 * else (UTF-16, other formats, a file that cannot be read) is `Unsupported`, and
 * the whole merge goes the ordinary way, which reports it.
 */
import { closeSync, openSync, readSync, statSync } from "node:fs";
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

/** Where one file's bytes go in the shared text: from `at`, three bytes for each of its `size` and one more. */
export interface Place {
  path: string;
  /** The file's name in messages. */
  file: string;
  at: number;
  size: number;
}

/**
 * Room for every file of `files` in one buffer, and where each goes; throws `Unsupported`
 * for what only the ordinary path reads. The buffer is shared memory, so a worker thread
 * can read some of the files into it while this thread reads the others (worker.ts).
 */
export function layOut(files: readonly { path: string; file: string }[]): { text: Buffer; places: Place[] } {
  for (const { path: absolute } of files) if (!DELIMITED.has(path.extname(absolute).toLowerCase())) throw new Unsupported("format");
  const sizes = files.map(({ path: absolute }) => {
    try {
      return statSync(absolute).size;
    } catch {
      throw new Unsupported("unreadable file");
    }
  });
  // Room for each file three times over (Windows-1252 grows into UTF-8 in place, at most
  // three bytes a byte): pages never written are never part of the process's memory.
  // One byte more each, where `readInto` finds that a file has grown since it was sized.
  const room = sizes.reduce((a, b) => a + 3 * b + 1, 0);
  // Offsets into it are Int32 (the store's ranges): some 700 MB of files at most.
  if (room > 0x7fffffff) throw new Unsupported("files too large for 32-bit offsets");
  let at = 0;
  const places = files.map(({ path: absolute, file }, i) => {
    const place = { path: absolute, file, at, size: sizes[i] };
    at += 3 * sizes[i] + 1;
    return place;
  });
  return { text: Buffer.from(new SharedArrayBuffer(room)), places };
}

/** The file at `place` read into `text` as UTF-8, and what `readDelimited` makes of its start. */
export function readPlace(text: Buffer, place: Place): Source {
  const length = readInto(place.path, text, place.at, place.size);
  const utf8 = asUtf8(text, place.at, length);
  const { skip, delimiter, lineOffset } = start(text.subarray(place.at, place.at + utf8));
  return { file: place.file, start: place.at + skip, end: place.at + utf8, delimiter, lineOffset };
}

/** How many LF bytes `source` holds: at least its records less one (a bare CR ends one too, rarely). */
export function lineBreaks(text: Buffer, source: Source): number {
  // A view, so the search never runs on past the file into the buffer's unused room.
  const region = text.subarray(source.start, source.end);
  let n = 0;
  for (let at = region.indexOf(10); at >= 0; at = region.indexOf(10, at + 1)) n++;
  return n;
}

/**
 * Reads the file into `into` at `at`; its length. Straight into place: reading it whole
 * first and copying it in (as this did, after the parse once measured slower over bytes
 * read in place) touched another file's worth of fresh pages, each a page fault; measured
 * again with the text in shared memory, the parse runs as fast over bytes read in place.
 */
function readInto(file: string, into: Buffer, at: number, size: number): number {
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch {
    throw new Unsupported("unreadable file");
  }
  try {
    let read = 0;
    while (read < size) {
      const n = readSync(fd, into, at + read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    if (read !== size || readSync(fd, into, at + read, 1, read) !== 0) throw new Unsupported("file changed while read");
    return read;
  } catch (error) {
    if (error instanceof Unsupported) throw error;
    throw new Unsupported("unreadable file");
  } finally {
    closeSync(fd);
  }
}

/**
 * Makes `text[at, at + length)` (a file's bytes) into the UTF-8 whose decoding is what
 * `decode` returns, in place; its new length. UTF-8 stays (a BOM cut off); Windows-1252
 * is decoded and its text written over the bytes. UTF-16 is not taken: a lone surrogate
 * in it would not survive the round trip.
 */
function asUtf8(text: Buffer, at: number, length: number): number {
  const bytes = text.subarray(at, at + length);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) throw new Unsupported("UTF-16");
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (isUtf8(bom ? bytes.subarray(3) : bytes)) {
    if (bom) text.copyWithin(at, at + 3, at + length);
    return bom ? length - 3 : length;
  }
  // Windows-1252 (or invalid UTF-8 after a BOM, U+FFFD then): `decode`'s own string, encoded over the bytes.
  // At most three UTF-8 bytes a byte (U+FFFD, €, …): the room `readSources` leaves.
  return text.write(decode(bytes), at, "utf8");
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
