/**
 * Sign-on load: autocannon posts unique sign-ons to `opprop collect` for a few
 * seconds and reports signatures per second and p99 latency, on SQLite and on a
 * throwaway PostgreSQL (scripts/pg-test.sh). The server runs in its own process
 * (as in production) with the test-only `unsafeLoadTestMode` — no CSRF, no rate
 * limit — which the CLI never sets. Run `npm run build` first.
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";

const REPO = path.resolve(fileURLToPath(import.meta.url), "../..");
const DOCUMENT = path.join(REPO, "documents/opprop-smertebehandling.md");
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);

/** Child-process side: serve DOCUMENT on a random port, print the address, stay up. */
async function serve(db) {
  const { assembleDocuments } = await import("../dist/build/index.js");
  const { Reporter } = await import("../dist/report/index.js");
  const { createCollectServer, openStore } = await import("../dist/collect/index.js");
  const reporter = new Reporter();
  const [doc] = await assembleDocuments([DOCUMENT], reporter, { skipSignatories: true });
  if (!doc) throw new Error(JSON.stringify(reporter.messages));
  const store = await openStore(db);
  const app = await createCollectServer({ doc, store, unsafeLoadTestMode: true });
  const address = await app.listen({ port: 0, host: "127.0.0.1" });
  process.stdout.write(JSON.stringify({ address, fingerprint: doc.fingerprint, name: doc.name }) + "\n");
  process.once("SIGTERM", async () => {
    await app.close();
    await store.close();
    process.exit(0);
  });
}

function startServer(db) {
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), "--serve", db], { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
      if (out.includes("\n")) resolve({ child, ...JSON.parse(out) });
    });
    child.on("exit", (code) => reject(new Error(`server exited with ${code}`)));
  });
}

/** CPU time (user + system) a process has used so far, in ms: independent of other load on the machine. */
function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

async function measure(label, db) {
  const server = await startServer(db);
  try {
    const body = `type=person&name=Bench+Person+[<id>]&place=Oslo&email=[<id>]%40example.no&publish=ja&consent=ja&version=${server.fingerprint}`;
    const cpuBefore = cpuMs(server.child.pid);
    const result = await autocannon({
      url: `${server.address}/sign`,
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body,
      idReplacement: true,
      connections: CONNECTIONS,
      duration: SECONDS,
    });
    const cpu = cpuMs(server.child.pid) - cpuBefore;
    const signed = result.statusCodeStats?.["303"]?.count ?? 0;
    const other = result.requests.total - signed;
    const { openStore } = await import("../dist/collect/index.js");
    const store = await openStore(db);
    const stored = await store.count(server.name);
    await store.close();
    if (other || result.errors) throw new Error(`${label}: ${other} answers were not 303, ${result.errors} errors`);
    // Sign-ons still in flight when autocannon stops are stored but not counted: at most one per connection.
    if (stored < signed || stored > signed + CONNECTIONS) throw new Error(`${label}: ${signed} sign-ons answered but ${stored} stored`);
    return [
      { name: `collect ${label}: signatures/s (${CONNECTIONS} connections)`, value: Math.round(signed / SECONDS), unit: "/s", target: label === "sqlite" ? "≥ 1000" : "—" },
      { name: `collect ${label}: p99 latency`, value: result.latency.p99, unit: "ms", target: label === "sqlite" ? "≤ 50" : "—" },
      { name: `collect ${label}: server CPU per sign-on`, value: Math.round((cpu * 1000) / Math.max(signed, 1)), unit: "µs", target: "—" },
    ];
  } finally {
    server.child.kill("SIGTERM");
    await new Promise((resolve) => server.child.once("exit", resolve));
  }
}

export default async function run() {
  const dir = mkdtempSync(path.join(tmpdir(), "opprop-bench-collect-"));
  const rows = [];
  try {
    rows.push(...(await measure("sqlite", path.join(dir, "bench.sqlite"))));
    const pgScript = path.join(REPO, "scripts/pg-test.sh");
    if (existsSync("/usr/lib/postgresql")) {
      const [url, cluster] = execFileSync(pgScript, ["start"], { encoding: "utf8" }).trim().split(" ");
      try {
        rows.push(...(await measure("postgres", url)));
      } finally {
        execFileSync(pgScript, ["stop", cluster]);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

if (process.argv[2] === "--serve") await serve(process.argv[3]);
else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const row of await run()) console.log(`${row.name.padEnd(50)} ${String(row.value).padStart(8)} ${row.unit.padEnd(3)} target ${row.target}`);
}
