import pg from "pg";
import { LISTED_COLUMNS, type NewSignature, type Selection, type SignatureStore, type StoredSignature } from "./store.js";

const SCHEMA = `
CREATE TABLE IF NOT EXISTS signatures (
  seq BIGSERIAL PRIMARY KEY,
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
  publish BOOLEAN NOT NULL,
  version TEXT NOT NULL,
  signed_at TEXT NOT NULL,
  confirmed BOOLEAN NOT NULL,
  approved BOOLEAN NOT NULL,
  confirm_token TEXT UNIQUE,
  withdraw_token TEXT NOT NULL UNIQUE,
  UNIQUE (document, dedupe_key)
);
CREATE INDEX IF NOT EXISTS signatures_listing ON signatures (document, confirmed, approved);
`;


const WHERE: Record<Selection, string> = {
  public: "confirmed AND approved AND publish",
  pending: "confirmed AND NOT approved",
  accepted: "confirmed AND approved",
};

interface Row extends Omit<StoredSignature, "organisation" | "role" | "orgnr" | "place" | "signedAt"> {
  organisation: string | null;
  role: string | null;
  orgnr: string | null;
  place: string | null;
  signed_at: string;
}

function fromRow({ signed_at, organisation, role, orgnr, place, ...row }: Row): StoredSignature {
  return {
    ...row,
    organisation: organisation ?? undefined,
    role: role ?? undefined,
    orgnr: orgnr ?? undefined,
    place: place ?? undefined,
    signedAt: signed_at,
  };
}

/**
 * A PostgreSQL server. Commits are durable with the server's default
 * `synchronous_commit = on`; concurrent sign-ons share WAL flushes on the server.
 */
export async function openPostgresStore(url: string): Promise<SignatureStore> {
  const pool = new pg.Pool({ connectionString: url, max: 16 });
  // Two servers starting at once on a fresh database would race on CREATE TABLE IF NOT EXISTS.
  const client = await pool.connect();
  try {
    await client.query("SELECT pg_advisory_lock(7248531)");
    await client.query(SCHEMA);
  } finally {
    await client.query("SELECT pg_advisory_unlock(7248531)").catch(() => {});
    client.release();
  }
  const changed = async (sql: string, value: string) => ((await pool.query(sql, [value])).rowCount ?? 0) > 0;

  return {
    async add(s: NewSignature) {
      // Named: each connection parses and plans the insert once, not per sign-on.
      const result = await pool.query({
        name: "add-signature",
        text: `INSERT INTO signatures (id, document, dedupe_key, type, name, organisation, role, orgnr, place, email, publish, version, signed_at, confirmed, approved, confirm_token, withdraw_token)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
         ON CONFLICT (document, dedupe_key) DO NOTHING`,
        values: [s.id, s.document, s.dedupeKey, s.type, s.name, s.organisation ?? null, s.role ?? null, s.orgnr ?? null, s.place ?? null, s.email, s.publish, s.version, s.signedAt, s.confirmed, s.approved, s.confirmTokenHash ?? null, s.withdrawTokenHash],
      });
      return result.rowCount === 1;
    },
    confirm: (tokenHash) => changed("UPDATE signatures SET confirmed = TRUE WHERE confirm_token = $1", tokenHash),
    approve: (id) => changed("UPDATE signatures SET approved = TRUE WHERE id = $1", id),
    remove: (id) => changed("DELETE FROM signatures WHERE id = $1", id),
    withdraw: (tokenHash) => changed("DELETE FROM signatures WHERE withdraw_token = $1", tokenHash),
    async count(document) {
      const result = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM signatures WHERE document = $1 AND ${WHERE.accepted}`, [document]);
      return Number(result.rows[0].n);
    },
    async list(selection, document) {
      const result =
        document === undefined
          ? await pool.query<Row>(`SELECT ${LISTED_COLUMNS} FROM signatures WHERE ${WHERE[selection]} ORDER BY seq`)
          : await pool.query<Row>(`SELECT ${LISTED_COLUMNS} FROM signatures WHERE document = $1 AND ${WHERE[selection]} ORDER BY seq`, [document]);
      return result.rows.map(fromRow);
    },
    close: () => pool.end(),
  };
}
