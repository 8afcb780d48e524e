/**
 * Sign-on load on what users run: `bin/opprop.js collect` as its own process,
 * every protection on (CSRF, rate limits, the mailbox dedupe, durable commits),
 * behind one trusted proxy (`--trust-proxy`) so that each simulated visitor has
 * an address of its own, as behind nginx. With 100,000 public signatures already
 * stored, autocannon posts unique sign-ons while a second load reads `GET /` and
 * `/count.json`. On SQLite and on a throwaway PostgreSQL (scripts/pg-test.sh).
 * Run `npm run build` first.
 */
import { execFileSync, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";

const REPO = path.resolve(fileURLToPath(import.meta.url), "../..");
const CLI = path.join(REPO, "bin/opprop.js");
const DOCUMENT = path.join(REPO, "documents/opprop-smertebehandling.md");
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const READERS = Number(process.env.BENCH_READERS ?? 4);
const NAMES = Number(process.env.BENCH_NAMES ?? 100_000);

/** 100,000 confirmed, approved, public sign-ons, written through the store as the server would. */
async function populate(db, document, version) {
  const { openStore } = await import("../dist/collect/index.js");
  const store = await openStore(db);
  const at = new Date().toISOString();
  for (let from = 0; from < NAMES; from += 2000) {
    await Promise.all(
      Array.from({ length: Math.min(2000, NAMES - from) }, (_, i) => {
        const id = randomUUID();
        const n = from + i;
        return store.add({ id, document, dedupeKey: id, type: "person", name: `Fornavn${n} Etternavn${n % 977}`, role: "medlem", place: "Trondheim", email: `${id}@example.no`, publish: true, version, signedAt: at, consentVersion: "bench", consentAt: at, confirmed: true, approved: true, withdrawTokenHash: id });
      }),
    );
  }
  await store.close();
}

/**
 * The yardstick: the same store alone, in this process, with as many concurrent
 * writers as the load has connections: what the disk's durable commits allow
 * here and now, without HTTP, CSRF, validation or limits.
 */
async function storeAlone(db, document) {
  const { openStore } = await import("../dist/collect/index.js");
  const store = await openStore(db);
  const at = new Date().toISOString();
  const until = performance.now() + (SECONDS * 1000) / 2;
  let added = 0;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < until) {
        const id = randomUUID();
        await store.add({ id, document: `${document}-yardstick`, dedupeKey: id, type: "person", name: "Yardstick", email: `${id}@example.no`, publish: true, version: "v", signedAt: at, consentVersion: "v", consentAt: at, confirmed: true, approved: false, withdrawTokenHash: id });
        added++;
      }
    }),
  );
  await store.close();
  return added / (SECONDS / 2);
}

function startCli(db) {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith("OPPROP_")) delete env[key];
  const child = spawn(process.execPath, [CLI, "collect", DOCUMENT, "--port", "0", "--db", db, "--trust-proxy"], { cwd: REPO, env, stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const match = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (match) resolve({ child, address: match[1] });
    });
    child.on("exit", (code) => reject(new Error(`collect exited with ${code}: ${out}`)));
  });
}

/** CPU time (user + system) a process has used so far, in ms: independent of other load on the machine. */
function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

/** A distinct client address per request, as the proxy would report it. */
const address = (n) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;

async function measure(label, db) {
  const { assembleDocuments } = await import("../dist/build/index.js");
  const { Reporter } = await import("../dist/report/index.js");
  const [doc] = await assembleDocuments([DOCUMENT], new Reporter(), { skipSignatories: true });
  await populate(db, doc.name, doc.fingerprint);
  const yardstick = await storeAlone(db, doc.name);
  const server = await startCli(db);
  try {
    // A visitor's session: the CSRF cookie and token, and the consent version, from the page.
    const page = await fetch(`${server.address}/`);
    const html = await page.text();
    const pageBytes = Buffer.byteLength(html);
    const cookie = page.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    const csrf = /name="_csrf" value="([^"]+)"/.exec(html)[1];
    const consent = /name="consent_version" value="([^"]+)"/.exec(html)[1];
    let signer = 0;
    let reader = 1 << 20;
    const cpuBefore = cpuMs(server.child.pid);
    const [signing, reading, counting] = await Promise.all([
      autocannon({
        url: `${server.address}/sign`,
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie },
        connections: CONNECTIONS,
        duration: SECONDS,
        requests: [
          {
            setupRequest(request) {
              const n = signer++;
              request.headers = { ...request.headers, "x-forwarded-for": address(n) };
              request.body = `_csrf=${encodeURIComponent(csrf)}&version=${doc.fingerprint}&consent_version=${consent}&type=person&name=Bench+Person+${n}&place=Oslo&email=bench${n}%40example.no&publish=ja&consent=ja&website=`;
              return request;
            },
          },
        ],
      }),
      autocannon({
        url: `${server.address}/`,
        connections: READERS,
        duration: SECONDS,
        requests: [{ setupRequest: (request) => ({ ...request, headers: { ...request.headers, "x-forwarded-for": address(reader++) } }) }],
      }),
      autocannon({
        url: `${server.address}/count.json`,
        connections: 1,
        duration: SECONDS,
        requests: [{ setupRequest: (request) => ({ ...request, headers: { ...request.headers, "x-forwarded-for": address(reader++) } }) }],
      }),
    ]);
    const cpu = cpuMs(server.child.pid) - cpuBefore;
    const signed = signing.statusCodeStats?.["303"]?.count ?? 0;
    const other = signing.requests.total - signed;
    if (other || signing.errors) throw new Error(`${label}: ${other} sign-on answers were not 303, ${signing.errors} errors`);
    if ((reading.statusCodeStats?.["200"]?.count ?? 0) !== reading.requests.total || reading.errors) throw new Error(`${label}: GET / was not always 200`);
    const { openStore } = await import("../dist/collect/index.js");
    server.child.kill("SIGTERM");
    await new Promise((resolve) => server.child.once("exit", resolve));
    const store = await openStore(db);
    const stored = (await store.list("pending", doc.name)).length;
    await store.close();
    // Sign-ons still in flight when autocannon stops are stored but not counted: at most one per connection.
    if (stored < signed || stored > signed + CONNECTIONS) throw new Error(`${label}: ${signed} sign-ons answered but ${stored} stored`);
    const sqlite = label === "sqlite";
    return [
      { name: `collect ${label}: sign-ons/s (${CONNECTIONS} connections, CSRF on)`, value: Math.round(signed / SECONDS), unit: "/s", target: sqlite ? "≥ 1000" : "—" },
      { name: `collect ${label}: the store alone, ${CONNECTIONS} writers (yardstick)`, value: Math.round(yardstick), unit: "/s", target: "—" },
      { name: `collect ${label}: sign-ons as a share of the store alone`, value: Math.round((100 * signed) / SECONDS / yardstick), unit: "%", target: "—" },
      { name: `collect ${label}: sign-on p99 latency`, value: signing.latency.p99, unit: "ms", target: sqlite ? "≤ 50" : "—" },
      { name: `collect ${label}: GET / p99, ${NAMES.toLocaleString("en")} names, while signing`, value: reading.latency.p99, unit: "ms", target: "≤ 20" },
      { name: `collect ${label}: GET / page size`, value: Math.round(pageBytes / 1024), unit: "kB", target: "≤ 200" },
      { name: `collect ${label}: GET / per second (${READERS} connections)`, value: Math.round(reading.requests.total / SECONDS), unit: "/s", target: "—" },
      { name: `collect ${label}: /count.json p99 while signing`, value: counting.latency.p99, unit: "ms", target: "≤ 20" },
      { name: `collect ${label}: server CPU per request`, value: Math.round((cpu * 1000) / Math.max(signing.requests.total + reading.requests.total + counting.requests.total, 1)), unit: "µs", target: "—" },
    ];
  } finally {
    if (server.child.exitCode === null && !server.child.signalCode) {
      server.child.kill("SIGTERM");
      await new Promise((resolve) => server.child.once("exit", resolve));
    }
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

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const row of await run()) console.log(`${row.name.padEnd(60)} ${String(row.value).padStart(8)} ${row.unit.padEnd(3)} target ${row.target}`);
}
