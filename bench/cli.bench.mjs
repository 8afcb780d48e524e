// The seed statement built by the CLI from a cold start, as a user runs it (ISSUE 8: DOCX+PDF ≤ 150 ms median).
//
//   npm run build && node bench/cli.bench.mjs
//
// Every figure is the wall time of a fresh `node` process, median of RUNS after one
// discarded warm-up (which fills the OS file cache, as any second run by a user would).
// The rows before the target row split the time up: node itself, loading the CLI,
// assembling (html,md), then each heavy format alone.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const ROOT = path.resolve(fileURLToPath(import.meta.url), "../..");
export const STATEMENT = "documents/stotteerklaering-smertebehandling.md";
const RUNS = 7;

/** Median wall time of `command args` in fresh processes; throws with its stderr when it fails. */
export function timeCommand(command, args, { runs = RUNS, cwd = ROOT, env } = {}) {
  const samples = [];
  for (let i = 0; i <= runs; i++) {
    const started = performance.now();
    const result = spawnSync(command, args, { cwd, env: { ...process.env, ...env }, encoding: "utf8" });
    const ms = performance.now() - started;
    if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} exited ${result.status ?? result.signal}: ${(result.stderr || result.stdout || result.error?.message || "").trim().slice(0, 500)}`);
    if (i > 0) samples.push(ms);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

/** The CLI as users start it: bin/opprop.js runs the esbuild bundle that `npm run build` makes. */
const CLI = ["bin/opprop.js"];

/** `node <cli> build STATEMENT --format F --out-dir <tmp>`, median ms. */
export function timeBuild(formats, { cli = CLI, runs = RUNS } = {}) {
  const outDir = mkdtempSync(path.join(tmpdir(), "opprop-bench-cli-"));
  try {
    return timeCommand(process.execPath, [...cli, "build", STATEMENT, "--format", formats, "--out-dir", outDir], { runs });
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

export default async function run() {
  const row = (name, value, target = "") => ({ name, value, unit: "ms", target });
  const rows = [
    row("node startup floor (node -e 0)", timeCommand(process.execPath, ["-e", "0"], { runs: 5 })),
    row("opprop --version, cold", timeCommand(process.execPath, [...CLI, "--version"], { runs: 5 })),
    row("statement → html,md, cold CLI", timeBuild("html,md", { runs: 5 })),
    row("statement → docx, cold CLI", timeBuild("docx", { runs: 5 })),
    row("statement → pdf, cold CLI", timeBuild("pdf", { runs: 5 })),
    row(`statement → docx,pdf, cold CLI (median of ${RUNS})`, timeBuild("docx,pdf"), "≤ 150"),
  ];
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) console.table(await run());
