/** One signatory after normalisation (SPEC §4). E-mail is kept for contact, never rendered. */
export interface Signatory {
  type: "organisation" | "person";
  name: string;
  organisation?: string;
  role?: string;
  orgnr?: string;
  place?: string;
  email?: string;
  /** Whether a person's name may be shown; organisations are always shown. */
  publish: boolean;
  signedAt?: string;
  /** Fingerprint of the document version this signatory signed. */
  version?: string;
  /** Optional group from the document's `signatories: [{file, group}]`. */
  group?: string;
  /** Where the row came from, for messages. */
  source: { file: string; line: number };
  /** Columns we do not know; kept, never printed. */
  extra: Record<string, string>;
}

/** What renderers get: grouped, de-duplicated, sorted the Norwegian way. */
export interface SignatoryList {
  organisations: Signatory[];
  /** Persons who consented to being named. */
  persons: Signatory[];
  /** Persons counted but not named (no publish consent). */
  hiddenPersons: number;
  total: number;
}

export const emptySignatoryList = (): SignatoryList => ({ organisations: [], persons: [], hiddenPersons: 0, total: 0 });
