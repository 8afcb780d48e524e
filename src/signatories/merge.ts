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
export function describeSignatory(s: Signatory): string {
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
  private readonly index = new Map<string, number>();

  constructor(private readonly reporter: Reporter) {}

  add(s: Signatory): void {
    const at = this.find(s);
    if (at === undefined) {
      this.remember(s, this.signatories.push(s) - 1);
      return;
    }
    const existing = this.signatories[at];
    this.signatories[at] = combine(existing, s);
    this.remember(this.signatories[at], at);
    if (++this.duplicates > LISTED_MERGES) this.unlistedFile ??= s.source.file;
    else {
      this.reporter.info(
        s.source.file,
        { line: s.source.line, column: 1 },
        `${describeSignatory(s)} is also at ${existing.source.file}:${existing.source.line}; merged`,
        "signatory-duplicate",
      );
    }
  }

  /** Reports how many merges were not listed one by one; call once after the last `add`. */
  finish(): void {
    const unlisted = this.duplicates - LISTED_MERGES;
    if (this.unlistedFile) this.reporter.info(this.unlistedFile, undefined, `and ${unlisted} more duplicates merged`, "signatory-duplicate");
  }

  private find(s: Signatory): number | undefined {
    if (s.type === "person") return this.index.get(personKey(s));
    const byOrgnr = s.orgnr ? this.index.get(`n\0${s.orgnr}`) : undefined;
    if (byOrgnr !== undefined) return byOrgnr;
    // Same name counts unless both carry orgnr and they differ: two bodies can share a name.
    const byName = this.index.get(foldCase(`o\0${s.name}`));
    if (byName === undefined) return undefined;
    const other = this.signatories[byName].orgnr;
    return !other || !s.orgnr || other === s.orgnr ? byName : undefined;
  }

  private remember(s: Signatory, at: number): void {
    if (s.type === "person") {
      this.index.set(personKey(s), at);
      return;
    }
    if (s.orgnr) this.index.set(`n\0${s.orgnr}`, at);
    const byName = foldCase(`o\0${s.name}`);
    if (!this.index.has(byName)) this.index.set(byName, at);
  }
}

function personKey(s: Signatory): string {
  return foldCase(`p\0${s.name}\0${s.organisation ?? ""}`);
}
