/**
 * One entry per signatory across all files: the same orgnr, or the same
 * name + organisation compared case-insensitively, is the same signatory.
 */
import { t } from "../i18n/catalogue.js";
import type { Reporter } from "../report/index.js";
import { HashIndex } from "./hash-index.js";
import { foldCase } from "./normalise.js";
import type { Signatory } from "./types.js";

/** Enough merges are listed to show what happened; a list with thousands gets a count. */
export const LISTED_MERGES = 20;

/** How a signatory is named in messages: a person without consent is not named even there. */
export function nameInMessages(s: Pick<Signatory, "publish" | "name">): string {
  return s.publish ? `"${s.name}"` : t("signatories.unnamedPerson");
}

/** The message at a duplicate `s` merged into the signatory read at `existing`. Shared with the columnar merge. */
export function mergedText(s: Pick<Signatory, "publish" | "name">, existing: Signatory["source"]): string {
  return t("signatories.merged", { name: nameInMessages(s), at: `${existing.file}:${existing.line}` });
}

/** The one message for the merges past the first `LISTED_MERGES`. */
export function unlistedText(unlisted: number): string {
  return t("signatories.mergedUnlisted", { count: unlisted });
}

/** The later signature wins (by `signed_at`, else by input order); it takes what it lacks from the other. */
function combine(earlier: Signatory, later: Signatory): Signatory {
  const [base, other] = earlier.signedAt && later.signedAt && earlier.signedAt > later.signedAt ? [earlier, later] : [later, earlier];
  const merged: Signatory = { ...other };
  for (const [key, value] of Object.entries(base)) if (value !== undefined) (merged as unknown as Record<string, unknown>)[key] = value;
  merged.extra = { ...other.extra, ...base.extra };
  return merged;
}

export class SignatoryMerger {
  readonly signatories: Signatory[] = [];
  duplicates = 0;
  private unlistedFile?: string;
  /** Organisations by `n\0orgnr` and by folded `o\0name`. */
  private readonly organisations = new Map<string, number>();
  /**
   * Persons by a hash of their folded name + organisation, not by that text:
   * a Map of a million key strings cost more in hashing, rehashing and GC than
   * the rest of the merge. The key is checked against the signatory found.
   */
  private readonly persons = new HashIndex();

  constructor(private readonly reporter: Reporter) {}

  add(s: Signatory): void {
    const key = s.type === "person" ? personKey(s) : undefined;
    const at = key === undefined ? this.findOrganisation(s) : this.findPerson(key);
    if (at === undefined) {
      const added = this.signatories.push(s) - 1;
      if (key === undefined) this.rememberOrganisation(s, added);
      else this.rememberPerson(key, added);
      return;
    }
    const existing = this.signatories[at];
    this.signatories[at] = combine(existing, s);
    // A merged person keeps its key (name and organisation fold the same); an organisation may gain an orgnr or name.
    if (key === undefined) this.rememberOrganisation(this.signatories[at], at);
    if (++this.duplicates > LISTED_MERGES) this.unlistedFile ??= s.source.file;
    else {
      this.reporter.info(s.source.file, { line: s.source.line, column: 1 }, mergedText(s, existing.source), "signatory-duplicate");
    }
  }

  /** Reports how many merges were not listed one by one; call once after the last `add`. */
  finish(): void {
    const unlisted = this.duplicates - LISTED_MERGES;
    if (this.unlistedFile) this.reporter.info(this.unlistedFile, undefined, unlistedText(unlisted), "signatory-duplicate");
  }

  private findPerson(key: string): number | undefined {
    return this.persons.find(personHash(key), (at) => personKey(this.signatories[at]) === key);
  }

  private rememberPerson(key: string, at: number): void {
    this.persons.add(personHash(key), at);
  }

  private findOrganisation(s: Signatory): number | undefined {
    const byOrgnr = s.orgnr ? this.organisations.get(`n\0${s.orgnr}`) : undefined;
    if (byOrgnr !== undefined) return byOrgnr;
    // Same name counts unless both carry orgnr and they differ: two bodies can share a name.
    const byName = this.organisations.get(foldCase(`o\0${s.name}`));
    if (byName === undefined) return undefined;
    const other = this.signatories[byName].orgnr;
    return !other || !s.orgnr || other === s.orgnr ? byName : undefined;
  }

  private rememberOrganisation(s: Signatory, at: number): void {
    if (s.orgnr) this.organisations.set(`n\0${s.orgnr}`, at);
    const byName = foldCase(`o\0${s.name}`);
    if (!this.organisations.has(byName)) this.organisations.set(byName, at);
  }
}

/** Exported for the test that makes two persons collide in `personHash`. */
export function personKey(s: Pick<Signatory, "name" | "organisation">): string {
  return foldCase(`${s.name}\0${s.organisation ?? ""}`);
}

/** FNV-1a, cut to 30 bits so it stays a small integer. */
export function personHash(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return hash & 0x3fffffff;
}
