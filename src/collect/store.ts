/**
 * Where sign-ons live. One interface, two implementations (SQLite file, PostgreSQL
 * server) that run the same test suite; the server never knows which it has.
 */

export type SignatoryType = "organisation" | "person";

/** One sign-on as stored. Tokens are kept only as SHA-256 hashes. */
export interface StoredSignature {
  id: string;
  /** The document's name (file name without `.md`): one database may serve several. */
  document: string;
  type: SignatoryType;
  name: string;
  organisation?: string;
  role?: string;
  orgnr?: string;
  place?: string;
  email: string;
  publish: boolean;
  /** Fingerprint of the document version that was on the page when this was signed. */
  version: string;
  /** ISO date-time (UTC). */
  signedAt: string;
  /** The e-mail address was confirmed (or no confirmation was asked for). */
  confirmed: boolean;
  /** Organisations wait for an administrator; persons are approved on arrival. */
  approved: boolean;
}

export interface NewSignature extends StoredSignature {
  /** Same key within a document = same signatory: the second sign-on is dropped. */
  dedupeKey: string;
  confirmTokenHash?: string;
  withdrawTokenHash: string;
}

/** Which sign-ons a listing returns. */
export type Selection =
  /** confirmed, approved and consenting to be named: the public list */
  | "public"
  /** organisations waiting for approval (e-mail confirmed) */
  | "pending"
  /** confirmed and approved: what `collect export` writes */
  | "accepted";

export interface SignatureStore {
  /** Stores the sign-on durably; false when the same signatory already signed (nothing changes). */
  add(signature: NewSignature): Promise<boolean>;
  /** Marks the sign-on with this confirm token confirmed; true on every click of a valid link. */
  confirm(tokenHash: string): Promise<boolean>;
  approve(id: string): Promise<boolean>;
  /** Deletes a sign-on (an administrator's rejection). */
  remove(id: string): Promise<boolean>;
  /** Erases the sign-on with this withdraw token, personal data and all. */
  withdraw(tokenHash: string): Promise<boolean>;
  /** Confirmed and approved sign-ons of a document. */
  count(document: string): Promise<number>;
  /** Oldest first; `document` undefined means every document in the database. */
  list(selection: Selection, document?: string): Promise<StoredSignature[]>;
  close(): Promise<void>;
}

const POSTGRES_URL = /^postgres(ql)?:\/\//i;

/** `postgres://…` opens a PostgreSQL server; anything else is a SQLite file path. */
export async function openStore(url: string): Promise<SignatureStore> {
  if (POSTGRES_URL.test(url)) {
    const { openPostgresStore } = await import("./postgres-store.js");
    return openPostgresStore(url);
  }
  const { openSqliteStore } = await import("./sqlite-store.js");
  return openSqliteStore(url.replace(/^sqlite:(\/\/)?/i, ""));
}

/** The columns a listing reads, the same in both stores. */
export const LISTED_COLUMNS = "id, document, type, name, organisation, role, orgnr, place, email, publish, version, signed_at, confirmed, approved";
