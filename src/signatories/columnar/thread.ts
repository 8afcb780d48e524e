/**
 * The columnar merge's worker thread (worker.ts), seen from the main thread: a task sent,
 * its reply awaited. The thread keeps the process alive only while it has a task, so a
 * merge that ends early (a file only the ordinary path reads) never waits for it.
 */
import { existsSync } from "node:fs";
import { Worker } from "node:worker_threads";
import type { Reply, Start, Task } from "./worker.js";

/**
 * The worker's script: beside this module in dist/, and in dist/bundle/ beside the CLI's
 * bundle (scripts/bundle.mjs). Run from the TypeScript sources (vitest) there is none,
 * and the main thread does all the work.
 */
const SCRIPT = new URL("./worker.js", import.meta.url);

export function threadsAvailable(): boolean {
  return existsSync(SCRIPT);
}

export class MergeThread {
  private readonly worker: Worker;
  private waiting?: { resolve: (reply: Reply) => void; reject: (error: Error) => void };
  private failure?: Error;

  constructor(start: Start) {
    this.worker = new Worker(SCRIPT, { workerData: start });
    this.worker.unref();
    this.worker.on("message", (reply: Reply) => this.settle((waiting) => waiting.resolve(reply)));
    this.worker.on("error", (error) => this.fail(error));
    this.worker.on("exit", (code) => this.fail(new Error(`the merge's worker thread stopped (exit code ${code})`)));
  }

  /** The reply to `task`; rejected with what the thread threw. One task at a time. */
  ask(task: Task): Promise<Reply> {
    if (this.failure) return Promise.reject(this.failure);
    this.worker.ref();
    this.worker.postMessage(task);
    const reply = new Promise<Reply>((resolve, reject) => (this.waiting = { resolve, reject }));
    // Not awaited when the main thread fails first: its rejection is then no one's to handle.
    reply.catch(() => {});
    return reply;
  }

  /** `task` sent, for no reply: the next `ask` is answered after it. */
  tell(task: Task): void {
    this.worker.postMessage(task);
  }

  stop(): void {
    void this.worker.terminate();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.settle((waiting) => waiting.reject(error));
  }

  private settle(how: (waiting: NonNullable<MergeThread["waiting"]>) => void): void {
    const { waiting } = this;
    this.waiting = undefined;
    this.worker.unref();
    if (waiting) how(waiting);
  }
}
