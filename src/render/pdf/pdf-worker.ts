import { SHARE_ENV, Worker } from "node:worker_threads";

/** A started PDF worker (thread.ts), and what stopped it once something has. */
export interface PdfWorker {
  worker: Worker;
  stopped: Promise<Error>;
}

/**
 * Whether the command line `argv` (process.argv) is an `opprop build` that makes a PDF:
 * its `--format` (default docx,pdf) names pdf. Read here, before the CLI's own parser is
 * loaded; a guess that is wrong costs only time (the PDF made in the main thread, or a
 * worker started for nothing), as the build decides again from what citty parsed.
 */
export function buildsPdf(argv: readonly string[]): boolean {
  if (argv[2] !== "build") return false;
  let formats = "docx,pdf";
  argv.slice(3).forEach((arg, i, rest) => {
    if (arg === "--format") formats = rest[i + 1] ?? "";
    else if (arg.startsWith("--format=")) formats = arg.slice("--format=".length);
  });
  return formats.split(",").some((format) => format.trim() === "pdf");
}

/**
 * Starts the worker that runs `file` (dist/bundle/pdf-thread.cjs, thread-entry.ts).
 * bin/opprop.js does so for a build that makes a PDF (`buildsPdf`) before the CLI loads,
 * so that the worker's start (~40–70 ms) goes on beside the CLI's. Its own module, small,
 * so that bin/opprop.js can load it first (dist/bundle/start.cjs).
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
