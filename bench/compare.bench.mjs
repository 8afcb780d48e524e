// The usual tools on the same inputs, where the machine has them: pandoc md → docx on
// our assembled Markdown, LibreOffice docx → pdf on our DOCX; each next to opprop's own
// cold CLI for that format, as a ratio (> 1: opprop is faster).
//
//   npm run build && node bench/compare.bench.mjs
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { ROOT, STATEMENT, timeBuild, timeCommand } from "./cli.bench.mjs";

const RUNS = 5;
const NAME = path.basename(STATEMENT, ".md");

function installed(tool) {
  return spawnSync("sh", ["-c", `command -v ${tool}`]).status === 0;
}

function compared(tool, toolMs, format) {
  const ours = timeBuild(format);
  return [
    { name: `${tool} (median of ${RUNS})`, value: toolMs, unit: "ms", target: "" },
    { name: `${tool} ÷ opprop ${format} cold CLI (${Math.round(ours)} ms)`, value: toolMs / ours, unit: "×", target: "" },
  ];
}

export default async function run() {
  const have = { pandoc: installed("pandoc"), soffice: installed("soffice") };
  if (!have.pandoc && !have.soffice) return [];
  const dir = mkdtempSync(path.join(tmpdir(), "opprop-bench-compare-"));
  try {
    // The inputs the tools get: what `opprop build` writes to out/.
    const build = spawnSync(process.execPath, ["bin/opprop.js", "build", STATEMENT, "--format", "md,docx", "--out-dir", dir], { cwd: ROOT, encoding: "utf8" });
    if (build.status !== 0) throw new Error(`opprop build failed: ${build.stderr}`);
    const markdown = path.join(dir, `${NAME}.md`);
    const docx = path.join(dir, `${NAME}.docx`);
    const rows = [];
    if (have.pandoc) {
      const ms = timeCommand("pandoc", [markdown, "-o", path.join(dir, "pandoc.docx")], { runs: RUNS });
      rows.push(...compared("pandoc md → docx", ms, "docx"));
    }
    if (have.soffice) {
      // One profile for all runs, created by the warm-up, as on a desktop where LibreOffice has run before.
      const profile = pathToFileURL(path.join(dir, "lo-profile")).href;
      const outDir = path.join(dir, "soffice");
      const ms = timeCommand("soffice", [`-env:UserInstallation=${profile}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", outDir, docx], { runs: RUNS });
      rows.push(...compared("LibreOffice docx → pdf", ms, "pdf"));
    }
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) console.table(await run());
