// 1,000,000 signatory rows merged, deduplicated, sorted and written as CSV by the CLI,
// against GNU sort of the same files (ISSUE 14: ≤ 3× sort, ≤ 1 GB).
//
//   npm run build && node bench/signatories-merge.bench.mjs [rows]
//
// Generates two lists into a temp dir (deleted afterwards), as real exports come:
// a UTF-8 comma CSV and a Windows-1252 semicolon CSV with æøå, sharing ~5% of
// their signatories. CPU time and the load average are reported beside wall time:
// on a machine shared with other work, wall time says more about the neighbours.
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import iconv from "iconv-lite";
import { median, paired, timeOnce } from "./lib/paired.mjs";

const FIRST = ["Kari", "Ola", "Åse", "Øystein", "Ærle", "Anne-Lise", "Per", "Liv", "Zara", "Bjørn", "Håkon", "Siri", "Ingrid", "Jon", "Aase", "Émile"];
const LAST = ["Nordmann", "Hansen", "Ødegård", "Aas", "Æsøy", "Berg", "Larsen", "Ås", "Zahl", "Dahl", "Lie", "Strøm", "Vik", "Haugen", "O'Neil"];
const PLACES = ["Oslo", "Bergen", "Tromsø", "Ålesund", "Bodø", "Trondheim", "Kristiansand", "Førde"];

/** Row i as cells; persons mostly, some organisations (with valid orgnr), a third without consent. */
function cells(i) {
  const place = PLACES[i % PLACES.length];
  if (i % 50 === 0) return ["organisation", `Forening ${i} for ${place}`, "", "", orgnr(i), place, `post${i}@example.no`, "", "", "2026-01-05T10:00:00", "abcdef012345"];
  const name = `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]} ${i}`;
  return ["person", name, `Foreningen ${i % 997}`, i % 5 ? "" : "medlem", "", place, `p${i}@example.no`, `+47 9${String(i).padStart(7, "0")}`, i % 3 ? "ja" : "nei", "2026-01-05T10:00:00", "abcdef012345"];
}

/** A valid organisation number derived from i (MOD11, weights 3 2 7 6 5 4 3 2). */
function orgnr(i) {
  for (let n = 800000000 + i * 10; ; n += 10) {
    const digits = String(Math.floor(n / 10)).padStart(8, "0");
    const sum = [3, 2, 7, 6, 5, 4, 3, 2].reduce((acc, w, k) => acc + w * Number(digits[k]), 0);
    const check = (11 - (sum % 11)) % 11;
    if (check !== 10) return digits + check;
  }
}

function writeList(file, from, to, delimiter, encoding) {
  const fd = openSync(file, "w");
  const header = ["type", "navn", "organisasjon", "rolle", "orgnr", "sted", "e-post", "telefon", "samtykke", "signert", "versjon"];
  let chunk = header.join(delimiter) + "\r\n";
  for (let i = from; i < to; i++) {
    chunk += cells(i).map((c) => (c.includes(delimiter) ? `"${c}"` : c)).join(delimiter) + "\r\n";
    if (chunk.length > 1 << 20) {
      writeSync(fd, iconv.encode(chunk, encoding));
      chunk = "";
    }
  }
  writeSync(fd, iconv.encode(chunk, encoding));
  closeSync(fd);
}

/** The two input lists of `rows` rows in `dir`; ~5% of the signatories are in both. */
export function writeInputs(dir, rows) {
  const overlap = Math.floor(rows * 0.05);
  const half = Math.floor(rows / 2);
  const a = path.join(dir, "skjema.csv");
  const b = path.join(dir, "excel.csv");
  writeList(a, 0, half, ",", "utf8");
  writeList(b, half - overlap, rows - overlap, ";", "windows-1252");
  return { files: [a, b], unique: rows - overlap };
}

const ROOT = path.resolve(fileURLToPath(import.meta.url), "../..");
const PAIRS = 5;

/**
 * `opprop signatories merge A B --out merged.csv` in a fresh process, as a user runs it,
 * paired with GNU `sort` of the same bytes (LC_ALL=C, one thread's worth of the same
 * job: read both files, order every line, write them out). Ratio: ours ÷ sort.
 */
export default async function run(rows = 1_000_000) {
  const dir = mkdtempSync(path.join(tmpdir(), "opprop-bench-"));
  try {
    const { files, unique } = writeInputs(dir, rows);
    const out = path.join(dir, "merged.csv");
    const usageFile = path.join(dir, "usage.json");
    const peaks = [];
    const cpu = [];
    const ours = () => {
      const ms = timeOnce(process.execPath, ["--require", path.join(ROOT, "bench/lib/usage.cjs"), "bin/opprop.js", "signatories", "merge", ...files, "--out", out], { cwd: ROOT, env: { BENCH_USAGE_FILE: usageFile } });
      const usage = JSON.parse(readFileSync(usageFile, "utf8"));
      peaks.push(usage.maxRSS * 1024);
      cpu.push(usage.cpuMs);
      return ms;
    };
    const sort = () => timeOnce("sort", ["-o", path.join(dir, "sorted.txt"), ...files], { env: { LC_ALL: "C" } });
    const load = loadavg()[0];
    const result = paired(PAIRS, ours, sort);
    const lines = readFileSync(out, "latin1").split("\r\n").length - 2;
    if (lines !== unique) throw new Error(`expected ${unique} signatories in ${out}, got ${lines}`);
    const label = `merge ${rows.toLocaleString("en")} rows → CSV, CLI`;
    return [
      { name: `${label} (median of ${PAIRS} paired runs)`, value: Math.round(median(result.ours)), unit: "ms", target: "" },
      { name: "  yardstick: GNU sort of the same files, same pairs", value: Math.round(median(result.yardstick)), unit: "ms", target: "" },
      // paired() gives the median of sort ÷ ours; over an odd number of pairs its inverse is the median of ours ÷ sort.
      { name: `${label} ÷ GNU sort (median of ${PAIRS} pair ratios)`, value: 1 / result.ratio, unit: "×", target: "≤ 3" },
      { name: `${label}: CPU time (median)`, value: Math.round(median(cpu)), unit: "ms", target: "" },
      { name: `${label}: peak RSS (largest of the runs)`, value: Math.round(Math.max(...peaks) / 1e6), unit: "MB", target: "≤ 1 GB" },
      { name: `${label}: load average before`, value: Number(load.toFixed(1)), unit: "", target: "" },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const row of await run(Number(process.argv[2] ?? 1_000_000))) console.log(`${row.name}: ${row.value} ${row.unit} (target ${row.target})`);
}
