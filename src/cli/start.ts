// What bin/opprop.js loads before the CLI's bundle (as dist/bundle/start.cjs): the code
// cache's loader, and the start of the PDF worker, which then starts beside the CLI.
export { codeCacheFile, requireWithCodeCache } from "./code-cache.js";
export { buildsPdf, startPdfWorker } from "../render/pdf/pdf-worker.js";
