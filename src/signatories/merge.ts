/**
 * One entry per signatory across all files: the same orgnr, or the same
 * name + organisation compared case-insensitively, is the same signatory.
 */
import type { Reporter } from "../report/index.js";
import { foldCase } from "./normalise.js";
import type { Signatory } from "./types.js";

/** Enough merges are listed to show what happened; a list with thousands gets a count. */
const LISTED_MERGES = 20;

/** How a signatory is named in messages: a person without consent is not named even there. */
export function nameInMessages(s: Signatory): string {
  return s.publish ? `"${s.name}"` : "a person without publish consent";
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
      this.reporter.info(
        s.source.file,
        { line: s.source.line, column: 1 },
        `${nameInMessages(s)} is also at ${existing.source.file}:${existing.source.line}; merged`,
        "signatory-duplicate",
      );
    }
  }

  /** Reports how many merges were not listed one by one; call once after the last `add`. */
  finish(): void {
    const unlisted = this.duplicates - LISTED_MERGES;
    if (this.unlistedFile) this.reporter.info(this.unlistedFile, undefined, `and ${unlisted} more duplicates merged`, "signatory-duplicate");
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

/**
 * Hash → positions, open addressing in two typed arrays: no heap object per
 * entry for the GC to trace, and no rehash of a million-entry Map as it grows.
 * Equal hashes may hold different keys; `find` asks which position matches.
 */
class HashIndex {
  private hashes = new Int32Array(1024);
  /** Position + 1; 0 is an empty slot. */
  private positions = new Int32Array(1024);
  private size = 0;

  find(hash: number, matches: (at: number) => boolean): number | undefined {
    const mask = this.positions.length - 1;
    for (let slot = hash & mask; this.positions[slot] !== 0; slot = (slot + 1) & mask) {
      if (this.hashes[slot] === hash && matches(this.positions[slot] - 1)) return this.positions[slot] - 1;
    }
    return undefined;
  }

  add(hash: number, at: number): void {
    // Kept at most half full, so a probe ends soon at an empty slot.
    if (++this.size * 2 > this.positions.length) this.grow();
    this.place(hash, at + 1);
  }

  private place(hash: number, position: number): void {
    const mask = this.positions.length - 1;
    let slot = hash & mask;
    while (this.positions[slot] !== 0) slot = (slot + 1) & mask;
    this.hashes[slot] = hash;
    this.positions[slot] = position;
  }

  private grow(): void {
    const { hashes, positions } = this;
    this.hashes = new Int32Array(hashes.length * 2);
    this.positions = new Int32Array(positions.length * 2);
    for (let slot = 0; slot < positions.length; slot++) if (positions[slot] !== 0) this.place(hashes[slot], positions[slot]);
  }
}
