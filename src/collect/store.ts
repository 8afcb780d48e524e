/**
 * Where sign-ons live. One interface, two implementations (SQLite file, PostgreSQL
 * server) that run the same test suite; the server never knows which it has.
 * `open.ts` picks an implementation; the stores import only this file, which
 * imports neither of them.
 */
import { foldCase } from "../signatories/normalise.js";
import { primaryKey } from "../signatories/sort.js";

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
  /** Empty after `collect purge`. */
  email: string;
  publish: boolean;
  /** Fingerprint of the document version that was on the page when this was signed. */
  version: string;
  /** ISO date-time (UTC). */
  signedAt: string;
  /** The e-mail address was confirmed (or no confirmation was asked for). */
  confirmed: boolean;
  /** Approved by an administrator (or, with e-mail confirmation, a person on arrival). */
  approved: boolean;
  /** Fingerprint of the consent text the signer agreed to, and when (ISO date-time). */
  consentVersion: string;
  consentAt: string;
}

export interface NewSignature extends StoredSignature {
  /** Same key within a document = same mailbox: the second sign-on is dropped. */
  dedupeKey: string;
  confirmTokenHash?: string;
  /** When the confirm link stops working (ISO date-time); unconfirmed sign-ons are deleted then. */
  confirmExpiresAt?: string;
  withdrawTokenHash: string;
}

/**
 * What `add` did: stored a new sign-on; replaced the tokens of an unconfirmed one
 * whose last mail is older than `resendBefore` (send the mail again); or nothing.
 */
export type AddResult = "added" | "resend" | "duplicate";

/** Which sign-ons a listing returns. */
export type Selection =
  /** confirmed, approved and consenting to be named: the public list */
  | "public"
  /** waiting for an administrator (e-mail confirmed, or no e-mail confirmation) */
  | "pending"
  /** confirmed and approved: what `collect export` writes */
  | "accepted";

/** The public list in pages: newest first, or in Norwegian alphabetical order. */
export type PublicOrder = "latest" | "alphabetical";

export interface CounterHit {
  /** Hits in the current window, this one included. */
  count: number;
  /** Milliseconds until the window ends. */
  ttl: number;
}

export interface SignatureStore {
  /**
   * Other processes may change this database (PostgreSQL): pages made from it
   * are read again within seconds. A SQLite file has one server process.
   */
  readonly shared: boolean;
  /** Stores the sign-on durably, or (same dedupe key) re-arms an unconfirmed one; see `AddResult`. */
  add(signature: NewSignature, resendBefore?: string): Promise<AddResult>;
  /** Confirms the sign-on whose confirm link is this and has not expired at `now`; true on every click. */
  confirm(tokenHash: string, now: string): Promise<boolean>;
  approve(id: string): Promise<boolean>;
  /** Deletes a sign-on (an administrator's rejection, or a mail that could not be sent). */
  remove(id: string): Promise<boolean>;
  /** Erases the sign-on with this withdraw token, personal data and all. */
  withdraw(tokenHash: string): Promise<boolean>;
  /** Deletes unconfirmed sign-ons whose confirm link expired before `now`; returns how many. */
  deleteExpired(now: string): Promise<number>;
  /**
   * After a campaign: keeps of the accepted sign-ons only what the published
   * document prints (a person not named keeps only the fact that one signed),
   * erases everything else. Returns how many sign-ons were kept.
   */
  purge(document?: string): Promise<number>;
  /** Confirmed and approved sign-ons of a document. */
  count(document: string): Promise<number>;
  /** Oldest first; `document` undefined means every document in the database. */
  list(selection: Selection, document?: string): Promise<StoredSignature[]>;
  /** One page of the public list and the length of the whole list. */
  publicPage(document: string, order: PublicOrder, offset: number, limit: number): Promise<{ total: number; rows: StoredSignature[] }>;
  /**
   * Counts a hit on `key` in a window of `windowMs` (0 hits = only look), shared by
   * every process that uses this store: the rate limits.
   */
  hit(key: string, windowMs: number, hits?: number): Promise<CounterHit>;
  close(): Promise<void>;
}

/** The columns a listing reads, the same in both stores. */
export const LISTED_COLUMNS =
  "id, document, type, name, organisation, role, orgnr, place, email, publish, version, signed_at, confirmed, approved, consent_version, consent_at";

/** Columns added after 0.1.0, with their SQL type: both stores add them to an older table. */
export const ADDED_COLUMNS = { consent_version: "TEXT NOT NULL DEFAULT ''", consent_at: "TEXT NOT NULL DEFAULT ''", confirm_expires: "TEXT", mailed_at: "TEXT", sort_key: "TEXT NOT NULL DEFAULT ''" };

/**
 * The key the alphabetical list sorts by in SQL: the primary Norwegian collation
 * weights (æ, ø, å after z) as hex, so plain byte order is the right order.
 */
export function sortKeyOf(name: string): string {
  const key = primaryKey(name);
  // A name with a character outside the table sorts after the others, by its folded letters.
  return key === undefined ? `~${Buffer.from(foldCase(name)).toString("hex")}` : Buffer.from(key, "latin1").toString("hex");
}

export interface OpenOptions {
  /** Only an existing sign-on database (`collect export`, `collect purge`): never create one. */
  existing?: boolean;
}

/** No sign-on database where one was expected; the CLI says so instead of creating an empty one. */
export class MissingStoreError extends Error {}
