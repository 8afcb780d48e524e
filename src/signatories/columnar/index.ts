/**
 * The million-row merge without an object per signatory or a string per cell
 * (ISSUE 14): what `readSignatoryFiles` + `writeSignatories` do for CSV/TSV output,
 * on byte ranges in typed arrays. It takes only what it reproduces exactly —
 * UTF-8 or Windows-1252 CSV/TSV files whose columns all mean a field, no `--map`,
 * no groups — and returns undefined for anything else, before reporting
 * anything: the caller then runs the ordinary path, which stays the reference
 * (test/signatories/columnar.test.ts compares the two).
 */
import path from "node:path";
import { Reporter } from "../../report/index.js";
import { displayName } from "../display.js";
import type { FileSummary } from "../summary.js";
import { ColumnarMerger } from "./dedupe.js";
import { readPart, type Part } from "./part.js";
import { KEYED_FROM } from "../sort.js";
import { halvedKeys, keysOf, sortColumns } from "./sort.js";
import { layOut, type Place } from "./source.js";
import { SignatoryColumns } from "./store.js";
import { MergeThread, threadsAvailable } from "./thread.js";
import { Unsupported } from "./unsupported.js";
import type { Reply } from "./worker.js";
import { writeColumns, type Share } from "./write.js";

/** Extensions the columnar merge writes, with their separators. */
const DELIMITERS: Readonly<Record<string, string>> = { ".csv": ";", ".tsv": "\t" };

export interface ColumnarMerge {
  /** The counts `groupSignatories` gives. */
  total: number;
  organisations: number;
  named: number;
  counted: number;
  /** Writes the sorted list as `writeSignatories` would; `file` ends in .csv or .tsv. */
  write(file: string): Promise<void>;
}

/** Whether a columnar merge can write `file`. */
export function columnarWrites(file: string): boolean {
  return Object.hasOwn(DELIMITERS, extension(file));
}

/**
 * From this many bytes of input on, worker threads share the work: one reads part of the
 * files while this thread reads the rest, and one sorts while this thread makes the output's
 * rows, so two cores work at once. Below it, starting a thread costs more than it saves.
 */
const WORKER_FROM = 16 << 20;

/**
 * `files` read, checked, merged and sorted as `readSignatoryFiles` does, with its messages
 * and summaries; undefined (and nothing reported) when the ordinary path must do it.
 */
export async function readColumnar(
  files: readonly { path: string; group?: string; map?: unknown }[],
  reporter: Reporter,
  // `readSignatoryFiles`'s options (`LoadOptions`, not imported: signatories/index.ts is the ordinary path),
  // and from how many bytes on worker threads share the work (tests set 0 to make them).
  options: { displayRoot?: string; map?: unknown; onFile?: (file: string) => void; onSummary?: (summary: FileSummary) => void; workerFrom?: number } = {},
): Promise<ColumnarMerge | undefined> {
  if (options.map || files.some((f) => f.map || f.group !== undefined)) return undefined;
  // Messages and summaries wait here until the whole merge has gone through.
  const messages = new Reporter();
  const summaries: FileSummary[] = [];
  let store: SignatoryColumns;
  let order: Promise<ArrayLike<number>>;
  let thread: MergeThread | undefined;
  try {
    const root = options.displayRoot ?? process.cwd();
    const names = files.map((f) => displayName(root, f.path));
    const { text, places } = layOut(files.map((f, i) => ({ path: f.path, file: names[i] })));
    const bytes = (from: number, to: number) => places.slice(from, to).reduce((n, place) => n + place.size, 0);
    if (bytes(0, places.length) >= (options.workerFrom ?? WORKER_FROM) && threadsAvailable()) {
      thread = new MergeThread({ text: text.buffer as SharedArrayBuffer, files: names });
    }
    // The files from `split` on are read by the worker while this thread reads those before.
    const split = thread ? splitAt(places) : places.length;
    const theirs = split < places.length ? thread!.ask({ read: { places: places.slice(split), first: split } }) : undefined;
    for (const place of places.slice(0, split)) options.onFile?.(place.file);
    // Sized for all the rows before the worker's are counted: as many a byte as in this thread's files.
    const scale = bytes(0, places.length) / Math.max(1, bytes(0, split));
    const own = readPart(text, places.slice(0, split), 0, names, scale);
    for (const place of places.slice(split)) options.onFile?.(place.file);
    // The hash table's size: one sized by a wild guess touches every page of it, since hashes land anywhere.
    const expected = Math.ceil(own.rows.size * scale);
    // The merged rows are this thread's own, merged where they lie (a kept row moves up over the
    // merged ones), then the worker's after them: no second copy of a million rows.
    store = SignatoryColumns.over(text, names, { ...own.rows, size: 0 });
    const merger = new ColumnarMerger(store, messages, expected);
    merge(own, store, merger, messages, 0);
    summaries.push(...own.summaries);
    if (theirs) {
      const reply = await theirs;
      if (!("part" in reply)) throw new Unsupported("unsupported" in reply ? reply.unsupported : "no part");
      merge(reply.part, store, merger, messages, store.appendArena(reply.part.rows.arena));
      summaries.push(...reply.part.summaries);
    }
    merger.finish();
    // Sorted by the worker while this thread makes the output's rows (`writeColumns`), which need no order.
    order = thread ? sortedBy(thread, store) : Promise.resolve(sortColumns(store));
    // A failed sort is reported by `write`, which awaits it; unwritten, it is no one's to handle.
    order.catch(() => {});
  } catch (error) {
    thread?.stop();
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
  reporter.messages.push(...messages.messages);
  for (const summary of summaries) options.onSummary?.(summary);
  let organisations = 0;
  let named = 0;
  for (let i = 0; i < store.size; i++) {
    if (store.isOrganisation(i)) organisations++;
    else if (store.publishes(i)) named++;
  }
  return {
    total: store.size,
    organisations,
    named,
    counted: store.size - organisations - named,
    write: (file) => {
      // The worker copies half the rows of the first file written, and is done then.
      const helper = thread;
      thread = undefined;
      const share: Share | undefined = helper && (async (made, order, from, to, at) => void (await helper.ask({ gather: { made, order: Int32Array.from(order), from, to, at } })));
      return writeColumns(store, order, file, DELIMITERS[extension(file)], share).finally(() => helper?.stop());
    },
  };
}

/** Where the worker's files begin: after the first file that brings this thread to half the bytes, the last file at the latest. */
function splitAt(places: readonly Place[]): number {
  // One file: this thread reads it (and the worker sorts).
  if (places.length < 2) return places.length;
  const total = places.reduce((n, place) => n + place.size, 0);
  let bytes = 0;
  for (let i = 0; i < places.length - 1; i++) {
    bytes += places[i].size;
    if (2 * bytes >= total) return i + 1;
  }
  return places.length - 1;
}

/**
 * The merged rows' order, from the worker: the sort keys made half here and half there at
 * once, then the sort there (while this thread makes the output's rows).
 */
async function sortedBy(thread: MergeThread, store: SignatoryColumns): Promise<ArrayLike<number>> {
  const rows = store.taken();
  let reply: Promise<Reply>;
  if (store.size < KEYED_FROM) reply = thread.ask({ sort: rows });
  else {
    const halves = halvedKeys(store);
    thread.tell({ keys: { rows, halves } });
    const firstKeyed = keysOf(store, 0, halves.middle, halves, 0);
    reply = thread.ask({ sort: rows, halves: { ...halves, firstKeyed } });
  }
  const { order } = (await reply) as { order?: Int32Array };
  if (!order) throw new Error("the merge's worker thread did not sort");
  return order;
}

/**
 * A part's rows into `store` through `merger`, in file order, with the messages reading
 * reported put back between the merges' own, where the ordinary path reports them. The
 * part's arena bytes lie from `arenaStart` in the store's.
 */
function merge(part: Part, store: SignatoryColumns, merger: ColumnarMerger, messages: Reporter, arenaStart: number): void {
  const { rows, size } = part.rows;
  let said = 0;
  for (let j = 0; j < size; j++) {
    while (said < part.marks[j]) messages.messages.push(part.messages[said++]);
    store.takeRow(rows, j, arenaStart);
    merger.add(part.hashes[j]);
  }
  while (said < part.messages.length) messages.messages.push(part.messages[said++]);
}

/** As `writeSignatories` picks its format. */
function extension(file: string): string {
  return path.extname(file).toLowerCase();
}
