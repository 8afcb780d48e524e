/**
 * Some of the merge's files read into rows (read.ts) with their messages and summaries,
 * not yet merged: what a worker thread hands back (worker.ts), and what the main thread
 * makes of the files it reads itself. Typed arrays and a few plain objects, so it crosses
 * between threads as buffers (sending an object per row took seconds).
 */
import { Reporter, type Message } from "../../report/index.js";
import type { FileSummary } from "../summary.js";
import { personHashOf } from "./dedupe.js";
import { readSource } from "./read.js";
import { lineBreaks, readPlace, type Place } from "./source.js";
import { SignatoryColumns, type Taken } from "./store.js";

export interface Part {
  /** One per file, in file order. */
  summaries: FileSummary[];
  /** The rows kept, as `SignatoryColumns.taken` gives them. */
  rows: Taken;
  /** What reading reported; `marks[k]` of them came before row k was kept, the rest after the last. */
  messages: Message[];
  marks: Int32Array;
  /** Each person's `personHashOf` (0 for an organisation): made here, so that the merge only looks them up. */
  hashes: Int32Array;
}

/**
 * The files at `places` read from `text` (file numbers from `first` on; `files`: every display
 * name), with room for `room` times as many rows: the main thread merges the worker's rows
 * into its own, where they lie.
 */
export function readPart(text: Buffer, places: readonly Place[], first: number, files: readonly string[], room = 1): Part {
  const reporter = new Reporter();
  const sources = places.map((place) => readPlace(text, place));
  // Sized by the line breaks (a native search, milliseconds); a bare CR ends a record too, so it may grow.
  const expected = sources.reduce((n, source) => n + lineBreaks(text, source) + 1, 0);
  const store = new SignatoryColumns(text, files, Math.ceil(expected * room));
  let marks = new Int32Array(expected);
  let hashes = new Int32Array(expected);
  const keep = () => {
    const row = store.size;
    if (row === marks.length) {
      marks = grown(marks);
      hashes = grown(hashes);
    }
    marks[row] = reporter.messages.length;
    hashes[row] = store.isOrganisation(row) ? 0 : personHashOf(store, row);
    store.keepRow();
  };
  const summaries = sources.map((source, i) => readSource(store, source, first + i, reporter, keep));
  return { summaries, rows: store.taken(), messages: reporter.messages, marks, hashes };
}

function grown(values: Int32Array) {
  const more = new Int32Array(values.length * 2 + 16);
  more.set(values);
  return more;
}
