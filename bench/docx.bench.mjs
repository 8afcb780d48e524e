// DOCX rendering (ISSUE 3): the seed statement, and a petition with 100,000 signatories
// (target ≤ 2 s, ≤ 600 MB peak RSS).
//
//   npm run build && node bench/docx.bench.mjs
//
// The 100,000-signatory render runs in a fresh child process (this file with `--large`),
// as a user's `opprop build` would: cold, and with a peak RSS (`maxRSS`) of its own.
// The list is built in memory (2,000 organisations, 98,000 persons who publish their
// names) on the assembled seed statement; only `render` is timed.
import { fork } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { assembleDocuments } from "../dist/build/index.js";
import { render } from "../dist/render/docx/index.js";
import { Reporter } from "../dist/report/index.js";

const ROOT = path.resolve(fileURLToPath(import.meta.url), "../..");
const STATEMENT = path.join(ROOT, "documents/stotteerklaering-smertebehandling.md");
const SIGNATORIES = 100_000;
const ORGANISATIONS = 2_000;
const RUNS = 5;

const FIRST = ["Kari", "Ola", "Åse", "Øystein", "Ærle", "Anne-Lise", "Per", "Liv", "Bjørn", "Håkon", "Siri", "Ingrid"];
const LAST = ["Nordmann", "Hansen", "Ødegård", "Aas", "Berg", "Larsen", "Dahl", "Lie", "Strøm", "Vik", "Haugen"];
const PLACES = ["Oslo", "Bergen", "Tromsø", "Ålesund", "Bodø", "Trondheim", "Kristiansand", "Førde"];

async function statement() {
  const reporter = new Reporter();
  const [doc] = await assembleDocuments([STATEMENT], reporter, { today: "2026-11-25" });
  if (!doc) throw new Error(`cannot assemble ${STATEMENT}: ${reporter.messages.map((m) => m.text).join("; ")}`);
  return doc;
}

/** Already merged and sorted, as `assemble` hands it over; e-mail set, as real lists have it. */
function signatoryList(count) {
  const source = { file: "signatories/bench.csv", line: 2 };
  const organisations = Array.from({ length: ORGANISATIONS }, (_, i) => ({ type: "organisation", name: `Forening ${String(i).padStart(4, "0")} for ${PLACES[i % PLACES.length]}`, place: PLACES[i % PLACES.length], publish: true, email: `post${i}@example.no`, source, extra: {} }));
  const persons = Array.from({ length: count - ORGANISATIONS }, (_, i) => ({
    type: "person",
    name: `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]} ${i}`,
    organisation: i % 4 ? undefined : `Foreningen ${i % 997}`,
    role: i % 5 ? undefined : "medlem",
    place: PLACES[i % PLACES.length],
    publish: true,
    email: `p${i}@example.no`,
    source,
    extra: {},
  }));
  return { organisations, persons, hiddenPersons: 0, total: count };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function timed(work) {
  const started = performance.now();
  const result = await work();
  return { ms: performance.now() - started, result };
}

/** Child process: one cold render of the large list; reports time, peak RSS and size. */
async function large() {
  const doc = await statement();
  doc.signatories = signatoryList(SIGNATORIES);
  globalThis.gc?.();
  const cpuBefore = process.cpuUsage();
  const { ms, result } = await timed(() => render(doc, { reporter: new Reporter() }));
  const cpu = process.cpuUsage(cpuBefore);
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, peakMB: (process.resourceUsage().maxRSS * 1024) / 1e6, bytes: result.byteLength };
}

function inChild() {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ["--large"], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
    child.on("message", (message) => (message.error ? reject(new Error(message.error)) : resolve(message)));
    child.on("exit", (code) => code !== 0 && reject(new Error(`--large child exited ${code}`)));
  });
}

export default async function run() {
  const doc = await statement();
  const first = await timed(() => render(doc, { reporter: new Reporter() }));
  const warm = [];
  for (let i = 0; i < RUNS; i++) warm.push((await timed(() => render(doc, { reporter: new Reporter() }))).ms);
  const big = await inChild();
  return [
    { name: "seed statement → docx, first render in process", value: Math.round(first.ms), unit: "ms", target: "" },
    { name: `seed statement → docx, warm (median of ${RUNS})`, value: Math.round(median(warm)), unit: "ms", target: "≤ 2000" },
    { name: "seed statement → docx, size", value: Math.round(first.result.byteLength / 1024), unit: "KB", target: "" },
    { name: `${SIGNATORIES.toLocaleString("en")} signatories → docx, fresh process`, value: Math.round(big.ms), unit: "ms", target: "≤ 2000" },
    // CPU time (all threads, GC included): roughly the wall time on an otherwise idle machine, whatever else runs.
    { name: `${SIGNATORIES.toLocaleString("en")} signatories → docx, CPU time`, value: Math.round(big.cpuMs), unit: "ms", target: "" },
    { name: `${SIGNATORIES.toLocaleString("en")} signatories → docx, peak RSS`, value: Math.round(big.peakMB), unit: "MB", target: "≤ 600" },
    { name: `${SIGNATORIES.toLocaleString("en")} signatories → docx, size`, value: Math.round(big.bytes / 1024), unit: "KB", target: "" },
  ];
}

if (process.argv[2] === "--large") {
  try {
    process.send(await large());
  } catch (error) {
    process.send({ error: error instanceof Error ? error.stack : String(error) });
  }
  process.disconnect();
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const row of await run()) console.log(`${row.name}: ${row.value} ${row.unit}${row.target ? `  (target ${row.target})` : ""}`);
}
