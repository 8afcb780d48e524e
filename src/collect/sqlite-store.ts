import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import Database from "better-sqlite3";
import { LISTED_COLUMNS, type NewSignature, type Selection, type SignatureStore, type StoredSignature } from "./store.js";

const SCHEMA = `
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
CREATE INDEX IF NOT EXISTS signatures_listing ON signatures (document, confirmed, approved);
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
  };
}

type WriteOp = "add" | "confirm" | "approve" | "remove" | "withdraw";
interface WriteRequest {
  id: number;
  op: WriteOp;
  value: unknown;
}
type WriteResult = { id: number; changed: boolean } | { id: number; error: string };

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
  // Erasing means erasing: deleted rows are overwritten, not left in free pages.
  db.pragma("secure_delete = ON");
  const statements: Record<WriteOp, import("better-sqlite3").Statement> = {
    add: db.prepare(
      `INSERT INTO signatures (id, document, dedupe_key, type, name, organisation, role, orgnr, place, email, publish, version, signed_at, confirmed, approved, confirm_token, withdraw_token)
       VALUES (@id, @document, @dedupe_key, @type, @name, @organisation, @role, @orgnr, @place, @email, @publish, @version, @signed_at, @confirmed, @approved, @confirm_token, @withdraw_token)
       ON CONFLICT (document, dedupe_key) DO NOTHING`,
    ),
    confirm: db.prepare("UPDATE signatures SET confirmed = 1 WHERE confirm_token = ?"),
    approve: db.prepare("UPDATE signatures SET approved = 1 WHERE id = ?"),
    remove: db.prepare("DELETE FROM signatures WHERE id = ?"),
    withdraw: db.prepare("DELETE FROM signatures WHERE withdraw_token = ?"),
  };
  const runAll = db.transaction((batch: WriteRequest[]) => batch.map((w) => ({ id: w.id, changed: statements[w.op].run(w.value).changes > 0 })));
  let queue: WriteRequest[] = [];
  parentPort!.on("message", (request: WriteRequest | "close") => {
    if (request === "close") {
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
    // The WAL still holds the pages as they were before a delete; checkpointing it away leaves no copy.
    if (batch.some((w, i) => (w.op === "remove" || w.op === "withdraw") && "changed" in results[i] && results[i].changed)) db.pragma("wal_checkpoint(TRUNCATE)");
    parentPort!.postMessage(results);
  }
}

/**
 * A SQLite file in WAL mode with `synchronous=FULL`: a sign-on is answered only
 * after its commit reached the disk. Writes go to a writer thread (group commit,
 * see `writerThread`); reads use their own connection on this thread.
 */
export function openSqliteStore(file: string): SignatureStore {
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("busy_timeout = 5000");
  db.exec(SCHEMA);

  const count = db.prepare(`SELECT count(*) AS n FROM signatures WHERE document = ? AND ${WHERE.accepted}`).pluck();
  const listOne = Object.fromEntries(
    Object.entries(WHERE).map(([selection, where]) => [selection, db.prepare(`SELECT ${LISTED_COLUMNS} FROM signatures WHERE document = ? AND ${where} ORDER BY seq`)]),
  ) as Record<Selection, Database.Statement<[string], Row>>;
  const listAll = Object.fromEntries(
    Object.entries(WHERE).map(([selection, where]) => [selection, db.prepare(`SELECT ${LISTED_COLUMNS} FROM signatures WHERE ${where} ORDER BY seq`)]),
  ) as Record<Selection, Database.Statement<[], Row>>;

  const sqlitePath = createRequire(import.meta.url).resolve("better-sqlite3");
  const worker = new Worker(`(${writerThread.toString()})(require, ${JSON.stringify(sqlitePath)}, ${JSON.stringify(file)})`, { eval: true });
  const waiting = new Map<number, { resolve: (changed: boolean) => void; reject: (error: Error) => void }>();
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
      else caller.resolve(result.changed);
    }
  });
  worker.on("error", failAll);
  let running = true;
  worker.on("exit", () => {
    running = false;
    failAll(new Error("the SQLite writer stopped"));
  });
  const write = (op: WriteOp, value: unknown) =>
    new Promise<boolean>((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve, reject });
      worker.postMessage({ id, op, value } satisfies WriteRequest);
    });

  return {
    add: (signature) => write("add", toParams(signature)),
    confirm: (tokenHash) => write("confirm", tokenHash),
    approve: (id) => write("approve", id),
    remove: (id) => write("remove", id),
    withdraw: (tokenHash) => write("withdraw", tokenHash),
    count: async (document) => count.get(document) as number,
    list: async (selection, document) => (document === undefined ? listAll[selection].all() : listOne[selection].all(document)).map(fromRow),
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
