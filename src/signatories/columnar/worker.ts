/**
 * A worker thread for the columnar merge (index.ts, through thread.ts): it answers each
 * task the main thread sends — some of the files read into a `Part` (part.ts) while the
 * main thread reads the others into the same shared text; or half the merged rows' sort
 * keys made while the main thread makes the other half, and the rows sorted while it
 * makes the output's rows; or half the output's rows copied into place (gather.ts). Answers go back as shared or transferred
 * buffers; `Unsupported` as its reason (the merge then runs the ordinary way); anything
 * else is thrown, and reaches the main thread as the error it is.
 */
import { parentPort, workerData } from "node:worker_threads";
import { gather, type Made } from "./gather.js";
import { readPart, type Part } from "./part.js";
import { joinKeys, keysOf, sortColumns, type HalvedKeys } from "./sort.js";
import type { Place } from "./source.js";
import { SignatoryColumns, type Taken } from "./store.js";
import { Unsupported } from "./unsupported.js";

/** What a worker starts with: the text (shared memory) and every file's display name. */
export interface Start {
  text: SharedArrayBuffer;
  files: string[];
}

/**
 * Reading some files; making the second half of the merged rows' sort keys (while the main
 * thread makes the first: no reply); sorting the merged rows, by those keys when both
 * halves have them (`halves`, with whether the first half had).
 */
export type Task =
  | { read: { places: Place[]; first: number } }
  | { keys: { rows: Taken; halves: HalvedKeys } }
  | { sort: Taken; halves?: HalvedKeys & { firstKeyed: boolean } }
  | { gather: { made: Made; order: Int32Array; from: number; to: number; at: number } };

/** One per task but `keys`. */
export type Reply = { part: Part } | { order: Int32Array } | { gathered: true } | { unsupported: string };

const { files } = workerData as Start;
const text = Buffer.from((workerData as Start).text);
/** Whether the last `keys` task found a key for every name: its `sort` task comes next. */
let secondKeyed = false;

parentPort!.on("message", (task: Task) => {
  if ("keys" in task) {
    const { rows, halves } = task.keys;
    secondKeyed = keysOf(SignatoryColumns.over(text, files, rows), halves.middle, rows.size, halves, halves.secondAt);
    return;
  }
  let reply: Reply;
  try {
    if ("read" in task) reply = { part: readPart(text, task.read.places, task.read.first, files) };
    else if ("gather" in task) {
      const { made, order, from, to, at } = task.gather;
      gather(made, order, from, to, at);
      reply = { gathered: true };
    } else {
      const { halves } = task;
      const store = SignatoryColumns.over(text, files, task.sort);
      const order = halves ? sortColumns(store, halves.firstKeyed && secondKeyed ? joinKeys(halves, store.size) : undefined) : sortColumns(store);
      reply = { order: order instanceof Int32Array ? order : Int32Array.from(order) };
    }
  } catch (error) {
    if (!(error instanceof Unsupported)) throw error;
    reply = { unsupported: error.reason };
  }
  // Buffers of this thread's own (the rows and the text are shared already), moved rather than copied.
  const moved = "part" in reply ? [reply.part.rows.arena.buffer, reply.part.marks.buffer, reply.part.hashes.buffer] : "order" in reply ? [reply.order.buffer] : [];
  parentPort!.postMessage(reply, moved as ArrayBuffer[]);
});
