import { SHARE_ENV, Worker } from "node:worker_threads";

/** A started PDF worker (thread.ts), and what stopped it once something has. */
export interface PdfWorker {
  worker: Worker;
  stopped: Promise<Error>;
}

/**
 * Starts the worker that runs `file` (dist/bundle/pdf-thread.cjs, thread-entry.ts).
 * bin/opprop.js does so for `build` before the CLI loads, so that the worker's start
 * (~40–70 ms) goes on beside the CLI's. Its own module, small, so that bin/opprop.js can
 * load it first (dist/bundle/start.cjs).
 */
export function startPdfWorker(file: string): PdfWorker {
  // The environment shared, not copied: compilerWithDeclaredFonts points fontconfig at an
  // empty configuration through FONTCONFIG_FILE, which a worker's own copy would not reach.
  const worker = new Worker(file, { env: SHARE_ENV });
  // The process does not wait for it unless it has work (PdfThread.render).
  worker.unref();
  // Kept from the start: a worker that fails before the build takes it must not leave a render waiting.
  const stopped = new Promise<Error>((resolve) => {
    worker.on("error", resolve);
    worker.on("exit", (code) => resolve(new Error(`the PDF worker stopped (exit code ${code})`)));
  });
  return { worker, stopped };
}
