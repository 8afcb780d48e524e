// Live preview: how long a rebuild takes after one block file is saved (ISSUE 7: ≤ 30 ms
// for the seed statement). The work is what the server does on a save: stat the
// workspace, re-parse the one changed block, assemble, render the page HTML.
// Then the same resident engine after an edit, to DOCX and PDF (ISSUE 14: ≤ 100 ms median):
// the workspace cache, assembly and both renderers in one process, as the studio will run them.
//
//   npm run build && node bench/preview.bench.mjs
//
// Runs on a copy of the repo's documents, blocks and signatories in a temp folder, so
// touching a block never changes the working tree. Median of RUNS rebuilds after two warm-ups.
import { cpSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { assemble } from "../dist/assemble/index.js";
import { WorkspaceCache } from "../dist/engine/index.js";
import { rememberingSignatoryLoader } from "../dist/engine/signatories.js";
import { createPreviewBuilder, pageHtml } from "../dist/preview/index.js";
import { render } from "../dist/render/index.js";
import { Reporter } from "../dist/report/index.js";

const ROOT = path.resolve(fileURLToPath(import.meta.url), "../..");
const STATEMENT = "documents/stotteerklaering-smertebehandling.md";
const TOUCHED = "demands/krav/stanse-avvikling.md";
const RUNS = 25;
const WARM_RUNS = 15;

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Edits TOUCHED (a word added, then taken away again) and rebuilds DOCX and PDF each time; ms per rebuild. */
async function warmDocxPdf(dir) {
  const document = path.join(dir, STATEMENT);
  const block = path.join(dir, TOUCHED);
  const original = readFileSync(block, "utf8");
  const cache = new WorkspaceCache(dir);
  const loadSignatories = rememberingSignatoryLoader();
  const once = async () => {
    const reporter = new Reporter();
    const doc = await assemble(await cache.load(reporter), document, reporter, { today: "2026-11-25", loadSignatories });
    if (!doc) throw new Error(`the statement has errors: ${JSON.stringify(reporter.messages.filter((m) => m.severity === "error"))}`);
    await render(doc, "docx", { reporter });
    await render(doc, "pdf", { reporter });
  };
  const samples = [];
  try {
    for (let i = 0; i < WARM_RUNS + 2; i++) {
      writeFileSync(block, i % 2 ? original : original.replace(/\n*$/, " Endret.\n"));
      const started = performance.now();
      await once();
      if (i >= 2) samples.push(performance.now() - started);
    }
  } finally {
    writeFileSync(block, original);
  }
  return samples;
}

export default async function run() {
  const dir = mkdtempSync(path.join(tmpdir(), "opprop-bench-preview-"));
  try {
    for (const folder of ["demands", "documents", "signatories"]) cpSync(path.join(ROOT, folder), path.join(dir, folder), { recursive: true });
    let started = performance.now();
    const builder = await createPreviewBuilder(path.join(dir, STATEMENT), { today: "2026-11-25" });
    const first = await builder.rebuild();
    pageHtml(first);
    const cold = performance.now() - started;
    if (first.errors) throw new Error(`the statement has errors:\n${first.messages.join("\n")}`);

    const samples = [];
    const cpu = [];
    for (let i = 0; i < RUNS + 2; i++) {
      const when = new Date(Date.now() + (i + 1) * 1000);
      utimesSync(path.join(dir, TOUCHED), when, when);
      started = performance.now();
      const cpuStart = process.cpuUsage();
      const state = await builder.rebuild();
      pageHtml(state);
      const ms = performance.now() - started;
      const used = process.cpuUsage(cpuStart);
      if (builder.parsedLastTime() !== 1) throw new Error(`a rebuild parsed ${builder.parsedLastTime()} block files, expected 1`);
      if (i >= 2) {
        samples.push(ms);
        cpu.push((used.user + used.system) / 1000);
      }
    }
    samples.sort((a, b) => a - b);
    cpu.sort((a, b) => a - b);
    const warm = await warmDocxPdf(dir);
    const round = (ms) => Math.round(ms * 10) / 10;
    return [
      { name: "preview: first build of the statement", value: round(cold), unit: "ms", target: "" },
      { name: "preview: rebuild after touching one block (median)", value: round(samples[Math.floor(samples.length / 2)]), unit: "ms", target: "≤ 30" },
      { name: "preview: rebuild after touching one block (max)", value: round(samples.at(-1)), unit: "ms", target: "" },
      // CPU time of the main thread and libuv's pool: what the rebuild costs on a machine busy with other work.
      { name: "preview: rebuild after touching one block, CPU time (median)", value: round(cpu[Math.floor(cpu.length / 2)]), unit: "ms", target: "" },
      { name: `statement → docx,pdf, warm: resident, after an edit (median of ${WARM_RUNS})`, value: round(median(warm)), unit: "ms", target: "≤ 100" },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const row of await run()) console.log(`${row.name}: ${row.value} ${row.unit}${row.target ? `  (target ${row.target})` : ""}`);
}
