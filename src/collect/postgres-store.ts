import pg from "pg";
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
${Object.entries(ADDED_COLUMNS)
  .map(([column, type]) => `ALTER TABLE signatures ADD COLUMN IF NOT EXISTS ${column} ${type};`)
  .join("\n")}
DROP INDEX IF EXISTS signatures_listing;
CREATE INDEX IF NOT EXISTS signatures_state ON signatures (document, confirmed, approved, publish);
-- The public list in its two orders: a page is a short walk of an index, not a sort of every row.
DROP INDEX IF EXISTS signatures_alphabetical;
CREATE INDEX IF NOT EXISTS signatures_public_latest ON signatures (document, seq) WHERE confirmed AND approved AND publish;
CREATE INDEX IF NOT EXISTS signatures_public_alphabetical ON signatures (document, sort_key COLLATE "C", seq) WHERE confirmed AND approved AND publish;
CREATE INDEX IF NOT EXISTS signatures_expiry ON signatures (confirm_expires) WHERE NOT confirmed;
-- Rate-limit counters, shared by every process on this database. UNLOGGED: no WAL,
-- no fsync per hit; after a crash the counters start again from zero.
CREATE UNLOGGED TABLE IF NOT EXISTS rate_counters (
  key TEXT PRIMARY KEY,
  count INTEGER NOT NULL,
  ends_at TIMESTAMPTZ NOT NULL
);
`;

const WHERE: Record<Selection, string> = {
  public: "confirmed AND approved AND publish",
  pending: "confirmed AND NOT approved",
  accepted: "confirmed AND approved",
};
const ORDER: Record<PublicOrder, string> = { latest: "seq DESC", alphabetical: `sort_key COLLATE "C", seq` };

interface Row extends Omit<StoredSignature, "organisation" | "role" | "orgnr" | "place" | "signedAt" | "consentVersion" | "consentAt"> {
  organisation: string | null;
  role: string | null;
  orgnr: string | null;
  place: string | null;
  signed_at: string;
  consent_version: string;
  consent_at: string;
}

function fromRow({ signed_at, organisation, role, orgnr, place, consent_version, consent_at, ...row }: Row): StoredSignature {
  return {
    ...row,
    organisation: organisation ?? undefined,
    role: role ?? undefined,
    orgnr: orgnr ?? undefined,
    place: place ?? undefined,
    signedAt: signed_at,
    consentVersion: consent_version,
    consentAt: consent_at,
  };
}

const DOCUMENT_OR_ALL = "($1::text IS NULL OR document = $1)";

/**
 * A PostgreSQL server. Commits are durable with the server's default
 * `synchronous_commit = on`; concurrent sign-ons share WAL flushes on the server.
 */
export async function openPostgresStore(url: string, options: OpenOptions = {}): Promise<SignatureStore> {
  const pool = new pg.Pool({ connectionString: url, max: 16 });
  // Reads and rate-limit counters have connections of their own: a counter, asked on every
  // request, must not queue behind sign-ons waiting for their commit to reach the disk, nor
  // behind a count over 100,000 rows.
  const reads = new pg.Pool({ connectionString: url, max: 4 });
  const counters = new pg.Pool({ connectionString: url, max: 8 });
  // Two servers starting at once on a fresh database would race on CREATE TABLE IF NOT EXISTS.
  const end = () => Promise.all([pool.end(), reads.end(), counters.end()]);
  const client = await pool.connect().catch(async (error) => {
    await end();
    throw error;
  });
  try {
    if (options.existing && !(await client.query("SELECT to_regclass('signatures') AS t")).rows[0].t) throw new MissingStoreError(url);
    await client.query("SELECT pg_advisory_lock(7248531)");
    try {
      await client.query(SCHEMA);
    } finally {
      await client.query("SELECT pg_advisory_unlock(7248531)").catch(() => {});
    }
  } catch (error) {
    client.release();
    await end();
    throw error;
  }
  client.release();
  const changed = async (sql: string, values: unknown[]) => ((await pool.query(sql, values)).rowCount ?? 0) > 0;
  // Deleted rows stay in the table's pages until VACUUM; one shortly after a burst of erasures.
  let vacuum: Promise<unknown> | undefined;
  let vacuumTimer: ReturnType<typeof setTimeout> | undefined;
  const vacuumSoon = () => {
    vacuumTimer ??= setTimeout(() => {
      vacuumTimer = undefined;
      vacuum = pool.query("VACUUM signatures").catch(() => {});
    }, 200);
  };
  const erased = async (sql: string, values: unknown[]) => {
    const done = await changed(sql, values);
    if (done) vacuumSoon();
    return done;
  };

  return {
    shared: true,
    async add(s: NewSignature, resendBefore?: string): Promise<AddResult> {
      const mailedAt = s.confirmTokenHash ? s.signedAt : null;
      // Named: each connection parses and plans the insert once, not per sign-on.
      const result = await pool.query({
        name: "add-signature",
        text: `INSERT INTO signatures (id, document, dedupe_key, type, name, organisation, role, orgnr, place, email, publish, version, signed_at, confirmed, approved, confirm_token, withdraw_token, consent_version, consent_at, confirm_expires, mailed_at, sort_key)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22)
         ON CONFLICT (document, dedupe_key) DO NOTHING`,
        values: [s.id, s.document, s.dedupeKey, s.type, s.name, s.organisation ?? null, s.role ?? null, s.orgnr ?? null, s.place ?? null, s.email, s.publish, s.version, s.signedAt, s.confirmed, s.approved, s.confirmTokenHash ?? null, s.withdrawTokenHash, s.consentVersion, s.consentAt, s.confirmExpiresAt ?? null, mailedAt, sortKeyOf(s.name)],
      });
      if (result.rowCount === 1) return "added";
      if (!resendBefore || !s.confirmTokenHash) return "duplicate";
      const rearmed = await changed(
        `UPDATE signatures SET confirm_token = $3, withdraw_token = $4, confirm_expires = $5, mailed_at = $6
         WHERE document = $1 AND dedupe_key = $2 AND NOT confirmed AND mailed_at <= $7`,
        [s.document, s.dedupeKey, s.confirmTokenHash, s.withdrawTokenHash, s.confirmExpiresAt ?? null, mailedAt, resendBefore],
      );
      return rearmed ? "resend" : "duplicate";
    },
    confirm: (tokenHash, now) => changed("UPDATE signatures SET confirmed = TRUE WHERE confirm_token = $1 AND confirm_expires > $2", [tokenHash, now]),
    approve: (id) => changed("UPDATE signatures SET approved = TRUE WHERE id = $1", [id]),
    remove: (id) => erased("DELETE FROM signatures WHERE id = $1", [id]),
    withdraw: (tokenHash) => erased("DELETE FROM signatures WHERE withdraw_token = $1", [tokenHash]),
    async deleteExpired(now) {
      const result = await pool.query("DELETE FROM signatures WHERE NOT confirmed AND confirm_expires <= $1", [now]);
      if (result.rowCount) vacuumSoon();
      return result.rowCount ?? 0;
    },
    async purge(document) {
      const tx = await pool.connect();
      try {
        await tx.query("BEGIN");
        await tx.query(`DELETE FROM signatures WHERE ${DOCUMENT_OR_ALL} AND NOT (confirmed AND approved)`, [document ?? null]);
        await tx.query(
          `UPDATE signatures SET email = '', dedupe_key = id, confirm_token = NULL, withdraw_token = 'purged:' || id, confirm_expires = NULL, mailed_at = NULL WHERE ${DOCUMENT_OR_ALL}`,
          [document ?? null],
        );
        await tx.query(
          `UPDATE signatures SET name = '', organisation = NULL, role = NULL, orgnr = NULL, place = NULL, sort_key = '' WHERE ${DOCUMENT_OR_ALL} AND type = 'person' AND NOT publish`,
          [document ?? null],
        );
        const kept = await tx.query<{ n: string }>(`SELECT count(*) AS n FROM signatures WHERE ${DOCUMENT_OR_ALL}`, [document ?? null]);
        await tx.query("COMMIT");
        // FULL: the table is rewritten, so no page keeps an old row version.
        await tx.query("VACUUM FULL signatures");
        return Number(kept.rows[0].n);
      } catch (error) {
        await tx.query("ROLLBACK").catch(() => {});
        throw error;
      } finally {
        tx.release();
      }
    },
    async count(document) {
      const result = await reads.query<{ n: string }>(`SELECT count(*) AS n FROM signatures WHERE document = $1 AND ${WHERE.accepted}`, [document]);
      return Number(result.rows[0].n);
    },
    async list(selection, document) {
      const result =
        document === undefined
          ? await reads.query<Row>(`SELECT ${LISTED_COLUMNS} FROM signatures WHERE ${WHERE[selection]} ORDER BY seq`)
          : await reads.query<Row>(`SELECT ${LISTED_COLUMNS} FROM signatures WHERE document = $1 AND ${WHERE[selection]} ORDER BY seq`, [document]);
      return result.rows.map(fromRow);
    },
    async publicPage(document, order, offset, limit) {
      const [total, rows] = await Promise.all([
        reads.query<{ n: string }>(`SELECT count(*) AS n FROM signatures WHERE document = $1 AND ${WHERE.public}`, [document]),
        reads.query<Row>(`SELECT ${LISTED_COLUMNS} FROM signatures WHERE document = $1 AND ${WHERE.public} ORDER BY ${ORDER[order]} LIMIT $2 OFFSET $3`, [document, limit, offset]),
      ]);
      return { total: Number(total.rows[0].n), rows: rows.rows.map(fromRow) };
    },
    async hit(key, windowMs, hits = 1) {
      // One statement: a window that ended starts again; otherwise the hits add up. Atomic across processes.
      const result = await counters.query<{ count: number; ttl: string }>({
        name: "rate-hit",
        text: `INSERT INTO rate_counters AS c (key, count, ends_at) VALUES ($1, $2, now() + $3 * interval '1 millisecond')
               ON CONFLICT (key) DO UPDATE SET
                 count = CASE WHEN c.ends_at <= now() THEN $2 ELSE c.count + $2 END,
                 ends_at = CASE WHEN c.ends_at <= now() THEN now() + $3 * interval '1 millisecond' ELSE c.ends_at END
               RETURNING count, (extract(epoch FROM ends_at - now()) * 1000)::bigint AS ttl`,
        values: [key, hits, windowMs],
      });
      return { count: result.rows[0].count, ttl: Number(result.rows[0].ttl) };
    },
    async close() {
      if (vacuumTimer) {
        clearTimeout(vacuumTimer);
        vacuumTimer = undefined;
        vacuum = pool.query("VACUUM signatures").catch(() => {});
      }
      await vacuum;
      await end();
    },
  };
}
