import Database from "better-sqlite3";
import type { NewSignature, Selection, SignatureStore, StoredSignature } from "./store.js";

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

const COLUMNS = "id, document, type, name, organisation, role, orgnr, place, email, publish, version, signed_at, confirmed, approved";

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

interface Waiting {
  signature: NewSignature;
  resolve: (added: boolean) => void;
  reject: (error: unknown) => void;
}

/**
 * A SQLite file in WAL mode with `synchronous=FULL`: a sign-on is answered only
 * after its commit reached the disk. One fsync costs about a millisecond here, so
 * sign-ons that arrive in the same event-loop turn share one transaction (group
 * commit); each caller still waits for the commit that holds its row.
 */
export function openSqliteStore(file: string): SignatureStore {
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = FULL");
  db.pragma("busy_timeout = 5000");
  db.exec(SCHEMA);

  const insert = db.prepare(
    `INSERT INTO signatures (id, document, dedupe_key, type, name, organisation, role, orgnr, place, email, publish, version, signed_at, confirmed, approved, confirm_token, withdraw_token)
     VALUES (@id, @document, @dedupe_key, @type, @name, @organisation, @role, @orgnr, @place, @email, @publish, @version, @signed_at, @confirmed, @approved, @confirm_token, @withdraw_token)
     ON CONFLICT (document, dedupe_key) DO NOTHING`,
  );
  const insertAll = db.transaction((batch: Waiting[]) => batch.map((w) => insert.run(toParams(w.signature)).changes === 1));
  const confirm = db.prepare("UPDATE signatures SET confirmed = 1 WHERE confirm_token = ?");
  const approve = db.prepare("UPDATE signatures SET approved = 1 WHERE id = ?");
  const remove = db.prepare("DELETE FROM signatures WHERE id = ?");
  const withdraw = db.prepare("DELETE FROM signatures WHERE withdraw_token = ?");
  const count = db.prepare(`SELECT count(*) AS n FROM signatures WHERE document = ? AND ${WHERE.accepted}`).pluck();
  const listOne = Object.fromEntries(
    Object.entries(WHERE).map(([selection, where]) => [selection, db.prepare(`SELECT ${COLUMNS} FROM signatures WHERE document = ? AND ${where} ORDER BY seq`)]),
  ) as Record<Selection, Database.Statement<[string], Row>>;
  const listAll = Object.fromEntries(
    Object.entries(WHERE).map(([selection, where]) => [selection, db.prepare(`SELECT ${COLUMNS} FROM signatures WHERE ${where} ORDER BY seq`)]),
  ) as Record<Selection, Database.Statement<[], Row>>;

  let queue: Waiting[] = [];
  function flush(): void {
    const batch = queue;
    queue = [];
    try {
      insertAll(batch).forEach((added, i) => batch[i].resolve(added));
    } catch {
      // One bad row must not fail its neighbours: retry each in its own transaction.
      for (const waiting of batch) {
        try {
          waiting.resolve(insertAll([waiting])[0]);
        } catch (error) {
          waiting.reject(error);
        }
      }
    }
  }

  return {
    add: (signature) =>
      new Promise<boolean>((resolve, reject) => {
        if (!queue.length) setImmediate(flush);
        queue.push({ signature, resolve, reject });
      }),
    confirm: async (tokenHash) => confirm.run(tokenHash).changes === 1,
    approve: async (id) => approve.run(id).changes === 1,
    remove: async (id) => remove.run(id).changes === 1,
    withdraw: async (tokenHash) => withdraw.run(tokenHash).changes === 1,
    count: async (document) => count.get(document) as number,
    list: async (selection, document) => (document === undefined ? listAll[selection].all() : listOne[selection].all(document)).map(fromRow),
    close: async () => {
      if (queue.length) flush();
      db.close();
    },
  };
}
