import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { AssembledDocument } from "../../src/assemble/types.js";
import { openStore } from "../../src/collect/open.js";
import { backends, bundleCli, FIXTURE_DOC, fixtureDocument, REPO, signFields, Visitor } from "./helpers.js";

const stores = backends();
let cli: Awaited<ReturnType<typeof bundleCli>>;
let doc: AssembledDocument;
beforeAll(async () => {
  await stores.setup();
  cli = await bundleCli();
  doc = await fixtureDocument();
});
afterAll(async () => {
  await stores.teardown();
  await cli.remove();
});

/** `opprop collect` as a real process; resolves with it and its address once it listens. */
async function startCollect(db: string): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith("OPPROP_")) delete env[key];
  const child = spawn(process.execPath, [cli.file, "collect", FIXTURE_DOC, "--port", "0", "--db", db, "--rate-limit", "100000"], { cwd: REPO, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`collect did not start:\n${output}`)), 30_000);
    child.stdout!.on("data", () => {
      const match = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on("exit", (code) => reject(new Error(`collect exited with ${code}:\n${output}`)));
  });
  return { child, url, output: () => output };
}

const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => (child.exitCode !== null || child.signalCode ? resolve(child.exitCode) : child.once("exit", (code) => resolve(code))));

describe.each(stores.list)("opprop collect as a process on $name", (backend) => {
  test("SIGKILL during a burst: every sign-on that was answered 303 is in the database", async () => {
    await (await backend.open()).close();
    const db = backend.lastUrl!;
    const { child, url } = await startCollect(db);
    const visitor = new Visitor(url);
    const token = await visitor.csrf();
    const answered: string[] = [];
    let failed = 0;
    let next = 0;
    // 24 clients post as fast as they can; the server is killed once 300 sign-ons were answered.
    const client = async () => {
      for (;;) {
        const email = `burst${next++}@example.no`;
        try {
          const answer = await visitor.post("/sign", signFields(doc, token, { email, name: `Burst ${next}` }));
          if (answer.status === 303) answered.push(email);
          else throw new Error(`unexpected ${answer.status}`);
          if (answered.length === 300) child.kill("SIGKILL");
        } catch {
          failed++;
          return;
        }
      }
    };
    await Promise.all(Array.from({ length: 24 }, client));
    await exited(child);
    expect(child.signalCode).toBe("SIGKILL");
    expect(answered.length).toBeGreaterThanOrEqual(300);
    expect(failed).toBe(24);

    const store = await openStore(db);
    try {
      const stored = new Set((await store.list("accepted", doc.name)).map((s) => s.email));
      expect(answered.filter((email) => !stored.has(email))).toEqual([]);
    } finally {
      await store.close();
    }
  });
});

describe("opprop collect as a process", () => {
  test("serves on 127.0.0.1, says what is missing, and exits 0 on SIGTERM", async () => {
    await (await stores.list[0].open()).close();
    const { child, url, output } = await startCollect(stores.list[0].lastUrl!);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await new Visitor(url).get("/")).status).toBe(200);
    expect(output()).toContain(`version ${doc.fingerprint}`);
    expect(output()).toContain("no OPPROP_ADMIN_TOKEN");
    expect(output()).toContain("no OPPROP_SMTP_URL");
    child.kill("SIGTERM");
    expect(await exited(child)).toBe(0);
  });
});
