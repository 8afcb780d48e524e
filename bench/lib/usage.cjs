// Preloaded (`node --require`) into a process the bench starts: when it exits, writes
// {"maxRSS": kilobytes, "cpuMs": user + system} to $BENCH_USAGE_FILE, which the parent
// cannot read otherwise (spawnSync reports no resource usage).
const { writeFileSync } = require("node:fs");

process.on("exit", () => {
  const { user, system } = process.cpuUsage();
  writeFileSync(process.env.BENCH_USAGE_FILE, JSON.stringify({ maxRSS: process.resourceUsage().maxRSS, cpuMs: (user + system) / 1000 }));
});
