/**
 * The worker of thread.ts: renders each PDF it is sent with the ordinary renderer and
 * sends back the bytes or the error, with the messages the render reported.
 */
import { parentPort } from "node:worker_threads";
import { LABELS } from "../../i18n/index.js";
import { setLocale } from "../../i18n/locale.js";
import { Reporter } from "../../report/index.js";
import { compilerFor, fontSetFor } from "./compilers.js";
import { declaredFamilyFor, textChain } from "./fonts.js";
import { render } from "./index.js";
import type { PdfJob, PdfReply } from "./thread.js";

const port = parentPort!;
// One at a time, in order: Typst's calls are synchronous, and the main thread awaits each PDF.
port.on("message", async ({ id, doc, pdfStandard, locale }: PdfJob) => {
  setLocale(locale);
  const reporter = new Reporter();
  let reply: PdfReply;
  try {
    reply = { id, messages: reporter.messages, bytes: await render({ ...doc, labels: LABELS[doc.meta.lang] }, { reporter, pdfStandard }) };
  } catch (error) {
    reply = { id, messages: reporter.messages, error: (error as Error).message };
  }
  port.postMessage(reply);
});

// While the main thread loads and assembles, the compiler the shipped templates' letters
// use is made (10–20 ms: it loads the fonts): Calibri's twin and what Typst's own text
// needs. compilerFor keeps it, and a letter with the same font set takes it from there.
// Only a head start: whatever fails here fails again in the render, which reports it.
try {
  compilerFor(fontSetFor(new Set(), textChain(declaredFamilyFor("Calibri")!)));
} catch {
  // The render makes its own compiler.
}
