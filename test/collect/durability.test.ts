import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { AssembledDocument } from "../../src/assemble/types.js";
import { openStore } from "../../src/collect/open.js";
import { backends, bundleCli, exited, fixtureDocument, REPO, signFields, startCollect, Visitor } from "./helpers.js";

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

describe.each(stores.list)("opprop collect as a process on $name", (backend) => {
  test("SIGKILL during a burst: every sign-on that was answered 303 is in the database", async () => {
    await (await backend.open()).close();
    const db = backend.lastUrl!;
    const { child, url } = await startCollect(cli.file, db);
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
      const stored = new Set((await store.list("pending", doc.name)).map((s) => s.email));
      expect(answered.filter((email) => !stored.has(email))).toEqual([]);
    } finally {
      await store.close();
    }
  });
});

describe("opprop collect as a process", () => {
  test("serves on 127.0.0.1, says what is missing, and exits 0 on SIGTERM", async () => {
    await (await stores.list[0].open()).close();
    const { child, url, output } = await startCollect(cli.file, stores.list[0].lastUrl!);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await new Visitor(url).get("/")).status).toBe(200);
    expect(output()).toContain(`version ${doc.fingerprint}`);
    expect(output()).toContain("no OPPROP_ADMIN_TOKEN");
    expect(output()).toContain("no OPPROP_SMTP_URL");
    // Where the sign-ons are, so that `collect export --db` can be given the same path.
    expect(output()).toContain(`database: ${path.relative(REPO, stores.list[0].lastUrl!)}`);
    child.kill("SIGTERM");
    expect(await exited(child)).toBe(0);
  });

  test("without --db the database is <document name>.signatures.sqlite here, as the README's example says", async () => {
    const cwd = await mkdtemp(path.join(tmpdir(), "opprop-default-db-"));
    try {
      const { child, output } = await startCollect(cli.file, undefined, [], {}, cwd);
      await expect.poll(output).toContain("database: opprop-test.signatures.sqlite");
      expect(existsSync(path.join(cwd, "opprop-test.signatures.sqlite"))).toBe(true);
      child.kill("SIGTERM");
      await exited(child);
      // The README's example document is served and exported under the same rule.
      const readme = await readFile(path.join(REPO, "README.md"), "utf8");
      expect(readme).toContain("opprop collect documents/opprop-smertebehandling.md");
      expect(readme).toContain("database: opprop-smertebehandling.signatures.sqlite");
      expect(readme).toContain("opprop collect export --db opprop-smertebehandling.signatures.sqlite");
    } finally {
      await rm(cwd, { recursive: true, force: true });
    }
  });
});
