import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import Database from "better-sqlite3";
import { memoryCounters } from "./counters.js";
import {
  ADDED_COLUMNS,
  LISTED_COLUMNS,
  MissingStoreError,
  type OpenOptions,
  sortKeyOf,
  type AddResult,
  type NewSignature,
  type PublicOrder,
  type Selection,
  type SignatureStore,
  type StoredSignature,
} from "./store.js";

const TABLE = `
CREATE TABLE IF NOT EXISTS signatures (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  document TEXT NOT NULL,
  dedupe_key TEXT NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('organisation', 'person')),
  name TEXT NOT NULL,
  organisation TEXT,
  role TEXT,
  orgnr TEXT,
  place TEXT,
  email TEXT NOT NULL,
  publish INTEGER NOT NULL,
  version TEXT NOT NULL,
  signed_at TEXT NOT NULL,
  confirmed INTEGER NOT NULL,
  approved INTEGER NOT NULL,
  confirm_token TEXT UNIQUE,
  withdraw_token TEXT NOT NULL UNIQUE,
  UNIQUE (document, dedupe_key)
);
`;
const INDEXES = `
DROP INDEX IF EXISTS signatures_listing;
CREATE INDEX IF NOT EXISTS signatures_state ON signatures (document, confirmed, approved, publish);
-- The public list in its two orders: a page is a short walk of an index, not a sort of every row.
DROP INDEX IF EXISTS signatures_alphabetical;
CREATE INDEX IF NOT EXISTS signatures_public_latest ON signatures (document, seq) WHERE confirmed = 1 AND approved = 1 AND publish = 1;
CREATE INDEX IF NOT EXISTS signatures_public_alphabetical ON signatures (document, sort_key, seq) WHERE confirmed = 1 AND approved = 1 AND publish = 1;
CREATE INDEX IF NOT EXISTS signatures_expiry ON signatures (confirm_expires) WHERE confirmed = 0;
`;

const WHERE: Record<Selection, string> = {
  public: "confirmed = 1 AND approved = 1 AND publish = 1",
  pending: "confirmed = 1 AND approved = 0",
  accepted: "confirmed = 1 AND approved = 1",
};

interface Row {
  id: string;
  document: string;
  type: "organisation" | "person";
  name: string;
  organisation: string | null;
  role: string | null;
  orgnr: string | null;
  place: string | null;
  email: string;
  publish: number;
  version: string;
  signed_at: string;
  confirmed: number;
  approved: number;
  consent_version: string;
  consent_at: string;
}

function fromRow(row: Row): StoredSignature {
  return {
    id: row.id,
    document: row.document,
    type: row.type,
    name: row.name,
    organisation: row.organisation ?? undefined,
    role: row.role ?? undefined,
    orgnr: row.orgnr ?? undefined,
    place: row.place ?? undefined,
    email: row.email,
    publish: row.publish === 1,
    version: row.version,
    signedAt: row.signed_at,
    confirmed: row.confirmed === 1,
    approved: row.approved === 1,
    consentVersion: row.consent_version,
    consentAt: row.consent_at,
  };
}

function toParams(s: NewSignature) {
  return {
    id: s.id,
    document: s.document,
    dedupe_key: s.dedupeKey,
    type: s.type,
    name: s.name,
    organisation: s.organisation ?? null,
    role: s.role ?? null,
    orgnr: s.orgnr ?? null,
    place: s.place ?? null,
    email: s.email,
    publish: s.publish ? 1 : 0,
    version: s.version,
    signed_at: s.signedAt,
    confirmed: s.confirmed ? 1 : 0,
    approved: s.approved ? 1 : 0,
    confirm_token: s.confirmTokenHash ?? null,
    withdraw_token: s.withdrawTokenHash,
    consent_version: s.consentVersion,
    consent_at: s.consentAt,
    confirm_expires: s.confirmExpiresAt ?? null,
    mailed_at: s.confirmTokenHash ? s.signedAt : null,
    sort_key: sortKeyOf(s.name),
  };
}

type WriteOp = "add" | "confirm" | "approve" | "remove" | "withdraw" | "deleteExpired" | "purge";
interface WriteRequest {
  id: number;
  op: WriteOp;
  value: unknown;
}
type WriteResult = { id: number; value: unknown } | { id: number; error: string };

/**
 * The writer thread. Runs as the source of a worker (`eval`), so it must not
 * use anything from this module's scope: it gets `require` and the file name.
 *
 * Every write waits for `synchronous=FULL`, an fsync of the WAL, which must not
 * stall the thread that talks HTTP. Here, writes that arrive while one commit is
 * syncing share the next transaction (group commit); each is answered only once
 * the commit that holds it is on disk.
 */
function writerThread(load: (id: string) => unknown, sqlitePath: string, file: string): void {
  const { parentPort } = load("node:worker_threads") as typeof import("node:worker_threads");
  const Sqlite = load(sqlitePath) as typeof Database;
  const db = new Sqlite(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = FULL");
  db.pragma("busy_timeout = 5000");
  // Erasing means erasing: deleted rows are overwritten with zeros, not left in free pages.
  db.pragma("secure_delete = ON");
  const insert = db.prepare(
    `INSERT INTO signatures (id, document, dedupe_key, type, name, organisation, role, orgnr, place, email, publish, version, signed_at, confirmed, approved, confirm_token, withdraw_token, consent_version, consent_at, confirm_expires, mailed_at, sort_key)
     VALUES (@id, @document, @dedupe_key, @type, @name, @organisation, @role, @orgnr, @place, @email, @publish, @version, @signed_at, @confirmed, @approved, @confirm_token, @withdraw_token, @consent_version, @consent_at, @confirm_expires, @mailed_at, @sort_key)
     ON CONFLICT (document, dedupe_key) DO NOTHING`,
  );
  // New links for an unconfirmed sign-on whose last mail is old enough; the name stays the first one.
  const rearm = db.prepare(
    `UPDATE signatures SET confirm_token = @confirm_token, withdraw_token = @withdraw_token, confirm_expires = @confirm_expires, mailed_at = @mailed_at
     WHERE document = @document AND dedupe_key = @dedupe_key AND confirmed = 0 AND mailed_at <= @resend_before`,
  );
  const confirm = db.prepare("UPDATE signatures SET confirmed = 1 WHERE confirm_token = ? AND confirm_expires > ?");
  const purgeSteps = [
    "DELETE FROM signatures WHERE (@document IS NULL OR document = @document) AND NOT (confirmed = 1 AND approved = 1)",
    `UPDATE signatures SET email = '', dedupe_key = id, confirm_token = NULL, withdraw_token = 'purged:' || id, confirm_expires = NULL, mailed_at = NULL
     WHERE (@document IS NULL OR document = @document)`,
    `UPDATE signatures SET name = '', organisation = NULL, role = NULL, orgnr = NULL, place = NULL, sort_key = ''
     WHERE (@document IS NULL OR document = @document) AND type = 'person' AND publish = 0`,
  ].map((sql) => db.prepare(sql));
  const approve = db.prepare("UPDATE signatures SET approved = 1 WHERE id = ?");
  const remove = db.prepare("DELETE FROM signatures WHERE id = ?");
  const withdraw = db.prepare("DELETE FROM signatures WHERE withdraw_token = ?");
  const deleteExpired = db.prepare("DELETE FROM signatures WHERE confirmed = 0 AND confirm_expires <= ?");
  const kept = db.prepare("SELECT count(*) FROM signatures WHERE @document IS NULL OR document = @document").pluck();
  const changes = (statement: import("better-sqlite3").Statement, ...args: unknown[]) => statement.run(...args).changes;
  const ops: Record<WriteOp, (value: any) => unknown> = {
    add({ resend_before, ...row }: Record<string, unknown>): AddResult {
      if (changes(insert, row) > 0) return "added";
      return resend_before && row.confirm_token && changes(rearm, { ...row, resend_before }) > 0 ? "resend" : "duplicate";
    },
    confirm: ([token, now]: [string, string]) => changes(confirm, token, now) > 0,
    approve: (id: string) => changes(approve, id) > 0,
    remove: (id: string) => changes(remove, id) > 0,
    withdraw: (token: string) => changes(withdraw, token) > 0,
    deleteExpired: (now: string) => changes(deleteExpired, now),
    purge(document: string | null) {
      for (const step of purgeSteps) step.run({ document });
      return kept.get({ document });
    },
  };
  const ERASING = new Set<WriteOp>(["remove", "withdraw", "deleteExpired", "purge"]);
  const runAll = db.transaction((batch: WriteRequest[]) => batch.map((w) => ({ id: w.id, value: ops[w.op](w.value) })));

  /**
   * The WAL still holds pages as they were before an erasure; a truncating
   * checkpoint copies the zeroed pages into the file and empties the WAL. A
   * reader in the middle of a read (another process, a backup) makes it fail:
   * then it is tried again, later and later, until it succeeds.
   */
  let retry: ReturnType<typeof setTimeout> | undefined;
  function checkpoint(delay = 50): void {
    if (retry) clearTimeout(retry);
    retry = undefined;
    // Without waiting: a reader must not stall every sign-on behind it; the retry waits instead.
    db.pragma("busy_timeout = 0");
    const [result] = db.pragma("wal_checkpoint(TRUNCATE)") as { busy: number; log: number; checkpointed: number }[];
    db.pragma("busy_timeout = 5000");
    if (result.busy === 0 && result.log === result.checkpointed) return;
    retry = setTimeout(() => checkpoint(Math.min(delay * 2, 5000)), delay);
  }

  let queue: WriteRequest[] = [];
  parentPort!.on("message", (request: WriteRequest | "close") => {
    if (request === "close") {
      if (retry) checkpoint();
      if (retry) clearTimeout(retry);
      db.close();
      parentPort!.close();
      return;
    }
    if (!queue.length) setImmediate(flush);
    queue.push(request);
  });
  function flush(): void {
    const batch = queue;
    queue = [];
    let results: WriteResult[];
    try {
      results = runAll(batch);
    } catch {
      // One bad write must not fail its neighbours: retry each in its own transaction.
      results = batch.map((w) => {
        try {
          return runAll([w])[0];
        } catch (error) {
          return { id: w.id, error: (error as Error).message };
        }
      });
    }
    if (batch.some((w, i) => ERASING.has(w.op) && "value" in results[i] && results[i].value)) checkpoint();
    parentPort!.postMessage(results);
  }
}

function migrate(db: Database.Database): void {
  const have = new Set((db.pragma("table_info(signatures)") as { name: string }[]).map((c) => c.name));
  for (const [column, type] of Object.entries(ADDED_COLUMNS)) if (!have.has(column)) db.exec(`ALTER TABLE signatures ADD COLUMN ${column} ${type}`);
}

/**
 * A SQLite file in WAL mode with `synchronous=FULL`: a sign-on is answered only
 * after its commit reached the disk. Writes go to a writer thread (group commit,
 * see `writerThread`); reads use their own connection on this thread.
 */
export function openSqliteStore(file: string, options: OpenOptions = {}): SignatureStore {
  if (options.existing && !existsSync(file)) throw new MissingStoreError(file);
  const db = new Database(file, { fileMustExist: Boolean(options.existing) });
  if (options.existing && !db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'signatures'").get()) {
    db.close();
    throw new MissingStoreError(file);
  }
  db.pragma("journal_mode = WAL");
  db.pragma("busy_timeout = 5000");
  db.exec(TABLE);
  migrate(db);
  db.exec(INDEXES);

  const count = db.prepare(`SELECT count(*) AS n FROM signatures WHERE document = ? AND ${WHERE.accepted}`).pluck();
  const countPublic = db.prepare(`SELECT count(*) AS n FROM signatures WHERE document = ? AND ${WHERE.public}`).pluck();
  const listOne = Object.fromEntries(
    Object.entries(WHERE).map(([selection, where]) => [selection, db.prepare(`SELECT ${LISTED_COLUMNS} FROM signatures WHERE document = ? AND ${where} ORDER BY seq`)]),
  ) as Record<Selection, Database.Statement<[string], Row>>;
  const listAll = Object.fromEntries(
    Object.entries(WHERE).map(([selection, where]) => [selection, db.prepare(`SELECT ${LISTED_COLUMNS} FROM signatures WHERE ${where} ORDER BY seq`)]),
  ) as Record<Selection, Database.Statement<[], Row>>;
  const ORDER: Record<PublicOrder, string> = { latest: "seq DESC", alphabetical: "sort_key, seq" };
  const pages = Object.fromEntries(
    Object.entries(ORDER).map(([order, by]) => [order, db.prepare(`SELECT ${LISTED_COLUMNS} FROM signatures WHERE document = ? AND ${WHERE.public} ORDER BY ${by} LIMIT ? OFFSET ?`)]),
  ) as Record<PublicOrder, Database.Statement<[string, number, number], Row>>;

  const sqlitePath = createRequire(import.meta.url).resolve("better-sqlite3");
  const worker = new Worker(`(${writerThread.toString()})(require, ${JSON.stringify(sqlitePath)}, ${JSON.stringify(file)})`, { eval: true });
  const waiting = new Map<number, { resolve: (value: any) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  const failAll = (error: Error) => {
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
  };
  worker.on("message", (results: WriteResult[]) => {
    for (const result of results) {
      const caller = waiting.get(result.id)!;
      waiting.delete(result.id);
      if ("error" in result) caller.reject(new Error(result.error));
      else caller.resolve(result.value);
    }
  });
  worker.on("error", failAll);
  let running = true;
  worker.on("exit", () => {
    running = false;
    failAll(new Error("the SQLite writer stopped"));
  });
  const write = <T>(op: WriteOp, value: unknown) =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve, reject });
      worker.postMessage({ id, op, value } satisfies WriteRequest);
    });

  return {
    shared: false,
    add: (signature, resendBefore) => write("add", { ...toParams(signature), resend_before: resendBefore ?? null }),
    confirm: (tokenHash, now) => write("confirm", [tokenHash, now]),
    approve: (id) => write("approve", id),
    remove: (id) => write("remove", id),
    withdraw: (tokenHash) => write("withdraw", tokenHash),
    deleteExpired: (now) => write("deleteExpired", now),
    purge: (document) => write("purge", document ?? null),
    count: async (document) => count.get(document) as number,
    list: async (selection, document) => (document === undefined ? listAll[selection].all() : listOne[selection].all(document)).map(fromRow),
    publicPage: async (document, order, offset, limit) => ({ total: countPublic.get(document) as number, rows: pages[order].all(document, limit, offset).map(fromRow) }),
    hit: memoryCounters(),
    async close() {
      // Messages are handled in order: every write sent before this one is answered first.
      if (running) {
        const exited = new Promise((resolve) => worker.once("exit", resolve));
        worker.postMessage("close");
        await exited;
      }
      db.close();
    },
  };
}
