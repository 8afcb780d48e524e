// The seed statement built by the CLI from a cold start, as a user runs it, against the
// usual tools doing the same job (ISSUE 14: DOCX+PDF ≥ 5× faster than pandoc md→docx +
// LibreOffice docx→pdf, median of paired ratios).
//
//   npm run build && node bench/cli.bench.mjs
//
// Every figure is the wall time of fresh processes. The rows before the paired ones split
// the time up: node itself, loading the CLI, assembling (html,md), then each heavy format.
// The yardstick gets what `opprop build` wrote (our Markdown for pandoc, our DOCX for
// LibreOffice), and LibreOffice one user profile, made by the warm-up, as on a desktop
// where it has run before (a first run also creates the profile: about +0.5 s here).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { median, paired, timeOnce } from "./lib/paired.mjs";

const ROOT = path.resolve(fileURLToPath(import.meta.url), "../..");
const STATEMENT = "documents/stotteerklaering-smertebehandling.md";
const NAME = path.basename(STATEMENT, ".md");
const RUNS = 5;
const PAIRS = 7;

/** The CLI as users start it: bin/opprop.js runs the esbuild bundle that `npm run build` makes. */
const CLI = "bin/opprop.js";

function medianOf(runs, once) {
  once();
  return median(Array.from({ length: runs }, once));
}

function installed(tool) {
  return spawnSync("sh", ["-c", `command -v ${tool}`]).status === 0;
}

export default async function run() {
  const dir = mkdtempSync(path.join(tmpdir(), "opprop-bench-cli-"));
  const node = (...args) => timeOnce(process.execPath, args, { cwd: ROOT });
  const build = (formats) => node(CLI, "build", STATEMENT, "--format", formats, "--out-dir", dir);
  const row = (name, value, target = "", unit = "ms") => ({ name, value, unit, target });
  try {
    const rows = [
      row(`node startup floor (node -e 0, median of ${RUNS})`, medianOf(RUNS, () => node("-e", "0"))),
      row("opprop --version, cold", medianOf(RUNS, () => node(CLI, "--version"))),
      row("statement → html,md, cold CLI", medianOf(RUNS, () => build("html,md"))),
      row("statement → docx, cold CLI", medianOf(RUNS, () => build("docx"))),
      row("statement → pdf, cold CLI", medianOf(RUNS, () => build("pdf"))),
    ];
    if (!installed("pandoc") || !installed("soffice")) {
      return [...rows, { name: "statement → docx,pdf, cold CLI ÷ pandoc + LibreOffice", value: NaN, unit: "×", target: "≥ 5", error: "needs pandoc and LibreOffice (soffice) on PATH" }];
    }
    // The yardstick's inputs: what `opprop build` writes.
    build("md,docx");
    const profile = pathToFileURL(path.join(dir, "lo-profile")).href;
    const yardstick = () => {
      const pandoc = timeOnce("pandoc", [path.join(dir, `${NAME}.md`), "-o", path.join(dir, "pandoc.docx")]);
      const soffice = timeOnce("soffice", [`-env:UserInstallation=${profile}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", path.join(dir, "soffice"), path.join(dir, `${NAME}.docx`)]);
      return { ms: pandoc + soffice, pandoc, soffice };
    };
    const result = paired(PAIRS, () => build("docx,pdf"), yardstick);
    return [
      ...rows,
      row(`statement → docx,pdf, cold CLI (median of ${PAIRS} paired runs)`, median(result.ours)),
      row("  yardstick: pandoc md → docx, same pairs", median(result.yardstick.map((y) => y.pandoc))),
      row("  yardstick: LibreOffice docx → pdf, same pairs", median(result.yardstick.map((y) => y.soffice))),
      row("  yardstick: pandoc + LibreOffice, same pairs", median(result.yardstick.map((y) => y.ms))),
      row(`pandoc + LibreOffice ÷ opprop docx,pdf cold (median of ${PAIRS} pair ratios)`, result.ratio, "≥ 5", "×"),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) console.table(await run());
