// PDF rendering: the seed statement, and a petition with 100,000 signatories.
// Each case runs in a fresh child process, so its time includes loading the Typst
// engine and fonts, and its peak RSS is its own. Needs `npm run build` first.
import { execFile } from "node:child_process";
import { loadavg } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const here = fileURLToPath(import.meta.url);
const root = path.resolve(path.dirname(here), "..");
const SEED = path.join(root, "documents/stotteerklaering-smertebehandling.md");
const PETITION_SIZE = 100_000;

const FIRST = ["Kari", "Ola", "Ingrid", "Lars", "Åse", "Øystein", "Mari", "Hassan", "Nina", "Anders", "Ella Marie", "Jon", "Sigrid", "Per Olav", "Aisha", "Tor"];
const LAST = ["Nordmann", "Haugen", "Ødegård", "Johansen", "Solberg", "Lunde", "Ali", "Kristoffersen", "Sandvik", "Foss", "Dahl", "Berg", "Bakken", "Aas"];
const PLACES = ["Oslo", "Bergen", "Trondheim", "Tromsø", "Ålesund", "Ørsta", "Hamar", "Bodø", "Skien", "Alta"];

/** A realistic petition list: names with a place, every tenth with a role, already in Norwegian order. */
function petitionSignatories(count) {
  const collator = new Intl.Collator("nb");
  const persons = Array.from({ length: count }, (_, i) => ({
    type: "person",
    name: `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]} ${i}`,
    role: i % 10 === 0 ? "sykepleier" : undefined,
    place: PLACES[(i * 3) % PLACES.length],
    email: `p${i}@example.org`,
    publish: i % 20 !== 0,
    source: { file: "signatories/opprop.csv", line: i + 2 },
    extra: {},
  }));
  const shown = persons.filter((p) => p.publish).sort((a, b) => collator.compare(a.name, b.name));
  return { organisations: [], persons: shown, hiddenPersons: count - shown.length, total: count };
}

async function measure(kind) {
  const { assembleDocuments } = await import("../dist/build/index.js");
  const { render } = await import("../dist/render/index.js");
  const { Reporter } = await import("../dist/report/index.js");
  const reporter = new Reporter();
  let started = performance.now();
  const [doc] = await assembleDocuments([SEED], reporter, {});
  if (!doc) throw new Error(`cannot assemble ${SEED}: ${JSON.stringify(reporter.messages)}`);
  const input = kind === "petition" ? { ...doc, signatories: petitionSignatories(PETITION_SIZE) } : doc;
  // The petition's list is built in memory; only its rendering is timed.
  if (kind === "petition") started = performance.now();
  const cpuBefore = process.cpuUsage();
  const bytes = await render(input, "pdf", { reporter });
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, bytes: bytes.byteLength, maxRssMb: process.resourceUsage().maxRSS / 1024, load: loadavg()[0] };
}

async function inChild(kind) {
  const { stdout } = await promisify(execFile)(process.execPath, [here, "--child", kind], { cwd: root, maxBuffer: 1 << 20 });
  return JSON.parse(stdout);
}

/** The run with the median time of `runs` fresh processes (one run swings with the machine's load). */
async function medianRun(kind, runs) {
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await inChild(kind));
  return results.sort((a, b) => a.ms - b.ms)[(runs - 1) >> 1];
}

const RUNS = 5;

export default async function run() {
  const seed = await medianRun("seed", RUNS);
  const petition = await medianRun("petition", RUNS);
  return [
    { name: `seed statement → pdf (assemble + render, cold, median of ${RUNS})`, value: Math.round(seed.ms), unit: "ms", target: "≤ 2000" },
    { name: "seed statement → pdf, peak RSS", value: Math.round(seed.maxRssMb), unit: "MB", target: "≤ 800" },
    { name: `petition, ${PETITION_SIZE.toLocaleString("en")} signatories → pdf (median of ${RUNS} fresh processes)`, value: Math.round(petition.ms), unit: "ms", target: "≤ 2000" },
    { name: `petition, ${PETITION_SIZE.toLocaleString("en")} signatories → pdf, peak RSS`, value: Math.round(petition.maxRssMb), unit: "MB", target: "≤ 800" },
    // CPU time of the render alone, summed over Typst's layout threads (the list's parts are
    // laid out in parallel, so on an idle machine the wall time is below it); on a busy
    // machine the wall time overstates the work, hence the load average beside it.
    { name: `petition, ${PETITION_SIZE.toLocaleString("en")} signatories → pdf, CPU time`, value: Math.round(petition.cpuMs), unit: "ms", target: "-" },
    { name: "load average (1 min) at the end of the median petition run", value: Math.round(petition.load * 10) / 10, unit: "", target: "-" },
    { name: "petition pdf size", value: Math.round(petition.bytes / 1024), unit: "KiB", target: "-" },
  ];
}

if (process.argv[2] === "--child") {
  process.stdout.write(JSON.stringify(await measure(process.argv[3])));
} else if (process.argv[1] === here) {
  for (const row of await run()) console.log(`${row.name}: ${row.value} ${row.unit} (target ${row.target})`);
}
