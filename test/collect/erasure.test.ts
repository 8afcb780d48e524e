/**
 * Erasure is complete: withdrawn, expired and purged personal data are gone from
 * the SQLite file, its WAL and shared memory, even while a reader holds an old
 * snapshot; on PostgreSQL the table is vacuumed. `collect export` and `collect
 * purge` never create a database.
 */
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openStore } from "../../src/collect/open.js";
import type { NewSignature } from "../../src/collect/store.js";
import { runCli } from "../helpers/cli.js";
import { backends, postgresAvailable } from "./helpers.js";

const stores = backends();
let dir: string;
beforeAll(async () => {
  await stores.setup();
  dir = await mkdtemp(path.join(tmpdir(), "opprop-erasure-"));
});
afterAll(async () => {
  await stores.teardown();
  await rm(dir, { recursive: true, force: true });
});

function signature(fields: Partial<NewSignature> = {}): NewSignature {
  const id = randomUUID();
  const at = "2026-11-25T02:00:00.000Z";
  return { id, document: "opprop-test", dedupeKey: id, type: "person", name: "Navn", email: `${id}@example.no`, publish: true, version: "v", signedAt: at, consentVersion: "c", consentAt: at, confirmed: true, approved: true, withdrawTokenHash: `w-${id}`, ...fields };
}

/** Every byte SQLite keeps for a database: the file, the WAL and the shared-memory index. */
const sqliteBytes = async (file: string) => Buffer.concat(await Promise.all(["", "-wal", "-shm"].map((s) => readFile(file + s).catch(() => Buffer.alloc(0)))));

describe("SQLite", () => {
  test("a withdrawn sign-on leaves no byte behind, even while another reader holds an old snapshot", async () => {
    const store = await stores.list[0].open();
    const file = stores.list[0].lastUrl!;
    for (let i = 0; i < 20; i++) await store.add(signature({ name: `Andre ${i}` }));
    await store.add(signature({ name: "Slettes Snart", email: "slettes@example.no", withdrawTokenHash: "w-gone" }));
    // A backup tool, or `sqlite3` in another window, in the middle of a read.
    const reader = new Database(file, { readonly: true });
    reader.prepare("BEGIN").run();
    expect(reader.prepare("SELECT count(*) FROM signatures").pluck().get()).toBe(21);
    expect(await store.withdraw("w-gone")).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 300));
    reader.prepare("COMMIT").run();
    reader.close();
    // The checkpoint that failed while the reader was there is tried again until it succeeds.
    await expect
      .poll(async () => {
        const bytes = await sqliteBytes(file);
        return bytes.includes(Buffer.from("slettes@example.no")) || bytes.includes(Buffer.from("Slettes Snart"));
      }, { timeout: 10_000, interval: 100 })
      .toBe(false);
    expect((await store.list("accepted")).length).toBe(20);
    await store.close();
  });

  test("collect purge erases e-mails and the names not to be shown; export still writes the list", async () => {
    const file = path.join(dir, "purge.sqlite");
    const store = await openStore(file);
    await store.add(signature({ name: "Synlig Signe", place: "Molde", email: "signe@example.no" }));
    await store.add(signature({ name: "Usynlig Ulf", publish: false, email: "ulf@example.no", place: "Skien" }));
    await store.add(signature({ name: "Ubekreftet Una", confirmed: false, confirmTokenHash: "c-una", email: "una@example.no" }));
    await store.close();
    const purged = await runCli(["collect", "purge", "--db", file], dir);
    expect(purged.stderr).toBe("");
    expect(purged.code).toBe(0);
    expect(purged.stdout).toMatch(/kept what the sent statement shows for 2 signatures|2 underskrifter/);
    const bytes = await sqliteBytes(file);
    for (const gone of ["signe@example.no", "ulf@example.no", "una@example.no", "Usynlig Ulf", "Skien", "Ubekreftet Una"]) expect(bytes.includes(Buffer.from(gone)), gone).toBe(false);
    const exported = await runCli(["collect", "export", "--db", file, "--out", "after.csv"], dir);
    expect(exported.code).toBe(0);
    const csv = await readFile(path.join(dir, "after.csv"), "utf8");
    expect(csv).toContain("Synlig Signe");
    expect(csv).toContain("Molde");
    expect(csv).not.toContain("signe@example.no");
  });

  test("export and purge of a database that does not exist are errors and create nothing", async () => {
    for (const command of [["export", "--out", "nothing.csv"], ["purge"]]) {
      const run = await runCli(["collect", command[0], "--db", "no-such.sqlite", ...command.slice(1)], dir);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/no sign-on database at no-such\.sqlite|fant ingen underskriftsdatabase/);
      expect(existsSync(path.join(dir, "no-such.sqlite"))).toBe(false);
      expect(existsSync(path.join(dir, "nothing.csv"))).toBe(false);
    }
    // An existing file that is not a sign-on database is not turned into one either.
    const other = path.join(dir, "other.sqlite");
    new Database(other).exec("CREATE TABLE notes (x)");
    expect((await runCli(["collect", "export", "--db", other, "--out", "nothing.csv"], dir)).code).toBe(2);
    expect(new Database(other).prepare("SELECT name FROM sqlite_master WHERE name = 'signatures'").get()).toBeUndefined();
  });
});

describe.skipIf(!postgresAvailable)("PostgreSQL", () => {
  const postgres = () => stores.list.find((b) => b.name === "postgres")!;

  test("a withdrawn row is deleted and the table vacuumed", async () => {
    const store = await postgres().open();
    const url = postgres().lastUrl!;
    await store.add(signature({ name: "Borte Bjarne", withdrawTokenHash: "w-pg" }));
    expect(await store.withdraw("w-pg")).toBe(true);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await expect
        .poll(async () => (await client.query("SELECT vacuum_count FROM pg_stat_user_tables WHERE relname = 'signatures'")).rows[0]?.vacuum_count, { timeout: 10_000, interval: 200 })
        .not.toBe("0");
      expect((await client.query("SELECT count(*)::int AS n FROM signatures WHERE name = 'Borte Bjarne'")).rows[0].n).toBe(0);
    } finally {
      await client.end();
      await store.close();
    }
  });

  test("export of a database without sign-ons creates no table", async () => {
    await (await postgres().open()).close();
    const cluster = new URL(postgres().lastUrl!);
    const client = new pg.Client({ connectionString: cluster.toString() });
    await client.connect();
    await client.query("DROP TABLE signatures; DROP TABLE rate_counters");
    const run = await runCli(["collect", "export", "--db", cluster.toString(), "--out", "pg.csv"], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no sign-on database|fant ingen/);
    expect((await client.query("SELECT to_regclass('signatures') AS t")).rows[0].t).toBeNull();
    await client.end();
  });
});
