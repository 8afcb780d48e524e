// `npm run bench`: every bench/*.bench.mjs, one table, targets checked, bench/RESULTS.md refreshed.
//
//   npm run bench                 all benchmarks; rewrites bench/RESULTS.md
//   npm run bench -- cli merge    only files whose name contains one of the words; RESULTS.md untouched
//
// Each bench file runs in its own child process (this file, with `--one FILE`): peak RSS
// (`process.resourceUsage().maxRSS`) is per process, so benchmarks sharing one would report
// each other's peaks, and a benchmark that crashes or runs out of memory must not end the rest.
import { fork } from "node:child_process";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const TIMEOUT_MS = 15 * 60_000;

async function main(filters) {
  // Other work on a 2-core machine inflates every figure; the table says how busy it was.
  const load = os.loadavg().map((l) => l.toFixed(2)).join(", ");
  const files = readdirSync(BENCH_DIR)
    .filter((f) => f.endsWith(".bench.mjs") && (!filters.length || filters.some((w) => f.includes(w))))
    .sort();
  const rows = [];
  for (const file of files) {
    process.stderr.write(`bench: ${file}…\n`);
    const started = performance.now();
    rows.push(...(await runIsolated(file)));
    process.stderr.write(`bench: ${file} done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  }
  const table = formatTable(rows.map(withVerdict));
  process.stdout.write(table + "\n");
  if (!filters.length) {
    writeFileSync(path.join(BENCH_DIR, "RESULTS.md"), resultsFile(table, load));
    process.stderr.write("bench: wrote bench/RESULTS.md\n");
  }
}

/** The rows one bench file returns; an error (thrown, crashed, timed out) becomes a row of its own. */
function runIsolated(file) {
  return new Promise((resolve) => {
    // Benchmarks print progress; keep stdout for the table.
    const child = fork(fileURLToPath(import.meta.url), ["--one", path.join(BENCH_DIR, file)], {
      execArgv: ["--expose-gc"],
      stdio: ["ignore", process.stderr, process.stderr, "ipc"],
    });
    let rows;
    let failure = "";
    const timer = setTimeout(() => child.kill("SIGKILL"), TIMEOUT_MS);
    child.on("message", (message) => ((rows = message.rows), (failure = message.error ?? "")));
    child.on("error", (error) => (failure = error.message));
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      if (Array.isArray(rows)) return resolve(rows);
      const why = signal ? `killed by ${signal}${signal === "SIGKILL" ? " (timeout or out of memory)" : ""}` : `exit code ${code}`;
      resolve([{ name: file, value: NaN, unit: "", target: "", error: failure || why }]);
    });
  });
}

const UNIT_FACTORS = { ms: 1, s: 1000, min: 60_000, b: 1, kb: 1e3, mb: 1e6, gb: 1e9 };

/** `≤ 150`, `<= 4 s`, `≥ 1000`, `≤ 1 GB` against the row's value and unit; undefined when it says no number. */
function meetsTarget(value, unit, target) {
  const match = /^\s*(≤|<=|<|≥|>=|>)\s*([\d.,_ ]*\d)\s*([a-zA-Z]*)/.exec(String(target ?? ""));
  if (!match || !Number.isFinite(value)) return undefined;
  const [, op, number, targetUnit] = match;
  let limit = Number(number.replace(/[,_ ]/g, ""));
  const from = UNIT_FACTORS[targetUnit.toLowerCase()];
  const to = UNIT_FACTORS[String(unit).toLowerCase()];
  if (targetUnit && from && to) limit = (limit * from) / to;
  if (op === "≤" || op === "<=") return value <= limit;
  if (op === "<") return value < limit;
  if (op === "≥" || op === ">=") return value >= limit;
  return value > limit;
}

function withVerdict(row) {
  const met = row.error ? "error" : { true: "yes", false: "NO", undefined: "" }[meetsTarget(row.value, row.unit, row.target)];
  const value = row.error ? `error: ${String(row.error).split("\n")[0]}` : formatValue(row.value);
  return { name: row.name, value, unit: row.unit ?? "", target: row.target ?? "", met };
}

function formatValue(value) {
  if (typeof value !== "number") return String(value);
  if (!Number.isFinite(value)) return "—";
  if (Math.abs(value) >= 100 || Number.isInteger(value)) return Math.round(value).toLocaleString("en-US");
  return value.toPrecision(3);
}

/** A Markdown table: readable in a terminal and in RESULTS.md alike. */
function formatTable(rows) {
  const head = { name: "benchmark", value: "value", unit: "unit", target: "target", met: "met" };
  const keys = Object.keys(head);
  const width = Object.fromEntries(keys.map((k) => [k, Math.max(...[head, ...rows].map((r) => String(r[k]).length))]));
  const line = (r) => `| ${keys.map((k) => (k === "value" ? String(r[k]).padStart(width[k]) : String(r[k]).padEnd(width[k]))).join(" | ")} |`;
  const rule = `|${keys.map((k) => (k === "value" ? "-".repeat(width[k] + 1) + ":" : "-".repeat(width[k] + 2))).join("|")}|`;
  return [line(head), rule, ...rows.map(line)].join("\n");
}

const START = "<!-- results:start -->";
const END = "<!-- results:end -->";

/** Replaces the measured part of RESULTS.md; the notes around it (profiles, findings) stay. */
function resultsFile(table, load) {
  const cpu = /model name\s*:\s*(.*)/.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1] ?? os.cpus()[0]?.model ?? "unknown";
  const measured = `${START}
- date: ${new Date().toISOString().replace(/\.\d+Z$/, "Z")}
- machine: ${os.availableParallelism()} cores (nproc), ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, ${os.type()} ${os.release()}
- node: ${process.version}
- load average (1, 5, 15 min) when the run started: ${load}

${table}
${END}`;
  const file = path.join(BENCH_DIR, "RESULTS.md");
  let old = "";
  try {
    old = readFileSync(file, "utf8");
  } catch {
    // First run: no notes yet.
  }
  const [before, after] = [old.indexOf(START), old.indexOf(END)];
  if (before >= 0 && after > before) return old.slice(0, before) + measured + old.slice(after + END.length);
  return `# Benchmark results\n\nThe table between the markers is written by \`npm run bench\` (bench/run.mjs).\n\n${measured}\n`;
}

// Last, so that every const above is initialised before main() reads it.
if (process.argv[2] === "--one") {
  try {
    const { default: run } = await import(pathToFileURL(path.resolve(process.argv[3])).href);
    process.send({ rows: await run() });
  } catch (error) {
    process.send({ error: error instanceof Error ? error.message : String(error) });
  }
  process.disconnect();
} else {
  await main(process.argv.slice(2));
}
