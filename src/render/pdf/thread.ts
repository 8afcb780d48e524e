/**
 * The PDF made in a worker thread, while the main thread makes the DOCX. A cold
 * `opprop build --format docx,pdf` of the statement spends about as long in Typst as in
 * the DOCX (~90 and ~100 ms), one after the other on one core of a machine that has two.
 * The worker starts with the process, so its start, its Typst addon and its first
 * compiler load while the CLI loads and the documents are assembled; each PDF then costs
 * the main thread only a structured clone of the assembled document (plain data) and the
 * copy of the bytes back.
 *
 * Only the CLI turns it on (bin/opprop.js starts the worker, pdf-worker.ts, and hands it
 * over with `usePdfThread`; scripts/bundle.mjs makes the worker's bundle). The library and
 * the long-lived processes (preview, studio, collect) render in their own thread. The
 * worker renders with the same `render` (thread-entry.ts), so the bytes and messages are
 * the same; its messages come back and are added where the in-thread render would have
 * added them.
 */
import type { Worker } from "node:worker_threads";
import type { AssembledDocument } from "../../assemble/types.js";
import { getLocale, type UiLocale } from "../../i18n/locale.js";
import type { Message } from "../../report/index.js";
import type { RenderOptions } from "../types.js";
import type { PdfWorker } from "./pdf-worker.js";

/**
 * What the main thread sends for one PDF. The document goes without its labels: they hold
 * functions, which cannot cross threads, and are the table of its language (assemble sets
 * `labels` to `LABELS[meta.lang]`), which the worker has too.
 */
export interface PdfJob {
  id: number;
  doc: Omit<AssembledDocument, "labels">;
  pdfStandard: RenderOptions["pdfStandard"];
  locale: UiLocale;
}

/** What comes back: the bytes, or the render's error as text, with the messages it reported. */
export type PdfReply = { id: number; messages: Message[] } & ({ bytes: Uint8Array } | { error: string });

let started: PdfWorker | undefined;

/** Renders the next build's PDF in `worker` (bin/opprop.js starts it: pdf-worker.ts). */
export function usePdfThread(worker: PdfWorker | undefined): void {
  started = worker;
}

/**
 * The started worker as a PdfThread for a build that makes `formats`, or undefined when
 * there is none or the build makes no PDF (the worker is then stopped). Every PDF of the
 * build is made there, also without a DOCX beside it: the worker has started and readied
 * its compiler meanwhile, and Typst's compilers are then made in one thread only, as
 * compilerWithDeclaredFonts sets FONTCONFIG_FILE for the process while it makes one.
 */
export function pdfThreadFor(formats: readonly string[]): PdfThread | undefined {
  const worker = started;
  started = undefined;
  if (worker && formats.includes("pdf")) return new PdfThread(worker);
  void worker?.worker.terminate();
  return undefined;
}

export class PdfThread {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { options: RenderOptions; resolve: (bytes: Uint8Array) => void; reject: (error: Error) => void }>();
  private nextId = 0;
  /** Set once the worker has failed or stopped: later renders fail at once with it. */
  private failure: Error | undefined;

  constructor({ worker, stopped }: PdfWorker) {
    this.worker = worker;
    this.worker.on("message", (reply: PdfReply) => this.settle(reply));
    void stopped.then((error) => this.fail(error));
  }

  /** The PDF of `doc`, rendered in the worker; its messages are added to `options.reporter`. */
  render(doc: AssembledDocument, options: RenderOptions): Promise<Uint8Array> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    const { labels: _labels, ...withoutLabels } = doc;
    const job: PdfJob = { id, doc: withoutLabels, pdfStandard: options.pdfStandard, locale: getLocale() };
    return new Promise((resolve, reject) => {
      this.pending.set(id, { options, resolve, reject });
      // Kept alive only while it has work, so that the process can end without closing it.
      this.worker.ref();
      this.worker.postMessage(job);
    });
  }

  close(): Promise<number> {
    return this.worker.terminate();
  }

  private settle(reply: PdfReply): void {
    const job = this.pending.get(reply.id);
    if (!job) return;
    this.pending.delete(reply.id);
    if (!this.pending.size) this.worker.unref();
    job.options.reporter.messages.push(...reply.messages);
    if ("bytes" in reply) job.resolve(reply.bytes);
    else job.reject(new Error(reply.error));
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const job of this.pending.values()) job.reject(this.failure);
    this.pending.clear();
  }
}
