#!/usr/bin/env node
// The bundled CLI (scripts/bundle.mjs), one file instead of ~900 compiled ESM files to
// resolve one by one, started with the code V8 compiled for the same command last time
// (src/cli/code-cache.ts); `npm run build` makes both. This file is CommonJS
// (bin/package.json), like the bundle: Node then never loads its ESM loader (~15 ms).
const path = require("node:path");
const { buildsPdf, codeCacheFile, requireWithCodeCache, startPdfWorker } = require("../dist/bundle/start.cjs");

// `build` makes its PDF in a worker while it makes the DOCX (src/render/pdf/thread.ts),
// started first so that it starts beside the CLI.
const pdfWorker = buildsPdf(process.argv) ? startPdfWorker(path.join(__dirname, "../dist/bundle/pdf-thread.cjs")) : undefined;

const cli = requireWithCodeCache(path.join(__dirname, "../dist/bundle/main.cjs"), codeCacheFile(process.argv[2]));
const { main, useBlockCache, useDocxPartCache, usePdfThread } = cli.exports;

// Files parsed and DOCX parts compressed once, then taken from the user's cache folder while they stay the same.
useBlockCache();
useDocxPartCache();
usePdfThread(pdfWorker);
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
  // Not after a usage error (exit code 2): a mistyped command would leave a cache of its own.
  if (code !== 2) cli.save();
});
