// Paired runs: on a machine shared with other work, two timings taken minutes apart
// compare the neighbours' load, not the programs. Each pair runs both sides back to
// back (alternating which goes first), and the verdict is the median of the per-pair
// ratios, which a load change between pairs affects far less than separate medians.
import { spawnSync } from "node:child_process";

/** Wall ms of one run of `command args`; throws with its stderr when it fails. */
export function timeOnce(command, args, { cwd, env } = {}) {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd, env: { ...process.env, ...env }, encoding: "utf8", maxBuffer: 1 << 26 });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} exited ${result.status ?? result.signal}: ${(result.stderr || result.stdout || result.error?.message || "").trim().slice(0, 500)}`);
  return ms;
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * `runs` pairs of `ours()` and `yardstick()` (each returns ms, or an object with `ms`),
 * after one discarded warm-up pair that fills the OS file cache.
 * Returns both sides' samples and the median of yardstick ÷ ours.
 */
export function paired(runs, ours, yardstick) {
  const ms = (sample) => (typeof sample === "number" ? sample : sample.ms);
  ours();
  yardstick();
  const pairs = [];
  for (let i = 0; i < runs; i++) {
    const pair = {};
    if (i % 2) (pair.yardstick = yardstick()), (pair.ours = ours());
    else (pair.ours = ours()), (pair.yardstick = yardstick());
    pairs.push(pair);
  }
  return {
    ours: pairs.map((p) => p.ours),
    yardstick: pairs.map((p) => p.yardstick),
    ratio: median(pairs.map((p) => ms(p.yardstick) / ms(p.ours))),
  };
}
