/**
 * `SignatoryMerger` (src/signatories/merge.ts) on the columnar store: the same
 * orgnr, or the same name + organisation compared case-insensitively, is the same
 * signatory; the later signature wins and takes what it lacks from the other; the
 * same messages, in the same order. Persons are found by a hash of their folded key
 * bytes (no key string per row); the few organisations use merge.ts's string keys.
 */
import type { Reporter } from "../../report/index.js";
import { HashIndex } from "../hash-index.js";
import { LISTED_MERGES, mergedText, personKey, unlistedText } from "../merge.js";
import { foldCase } from "../normalise.js";
import { NAME, ORGANISATION, ORGNR, SIGNED_AT, TEXT_FIELDS, type SignatoryColumns } from "./store.js";

export class ColumnarMerger {
  private duplicates = 0;
  private unlistedFile?: string;
  private readonly organisations = new Map<string, number>();
  private readonly persons: HashIndex;
  /** The folded key of the row being added (folded once a candidate is found: `folded`), and of a candidate. */
  private readonly key = new FoldedKey();
  private folded = false;
  private readonly candidate = new FoldedKey();
  private readonly matches = (at: number): boolean => {
    const { key, candidate } = this;
    if (!this.folded) key.fold(this.store, this.store.size);
    this.folded = true;
    candidate.fold(this.store, at);
    if (candidate.length !== key.length) return false;
    for (let k = 0; k < key.length; k++) if (candidate.bytes[k] !== key.bytes[k]) return false;
    return true;
  };

  constructor(
    private readonly store: SignatoryColumns,
    private readonly reporter: Reporter,
    expected: number,
  ) {
    this.persons = new HashIndex(expected);
  }

  /**
   * The row just read (at `store.size`) is kept as a new signatory or merged into the one it
   * repeats. `hash`: a person's `personHashOf`, made by the thread that read the row (part.ts).
   */
  add(hash: number): void {
    const { store } = this;
    const row = store.size;
    const person = !store.isOrganisation(row);
    // The row's own key is folded only when a signatory with the same hash is found.
    this.folded = false;
    const at = person ? this.persons.find(hash, this.matches) : this.findOrganisation(row);
    if (at === undefined) {
      store.keepRow();
      if (person) this.persons.add(hash, row);
      else this.rememberOrganisation(row);
      return;
    }
    const existing = store.source(at);
    this.combine(at, row);
    if (!person) this.rememberOrganisation(at);
    const source = store.source(row);
    if (++this.duplicates > LISTED_MERGES) this.unlistedFile ??= source.file;
    else {
      const text = mergedText({ publish: store.publishes(row), name: store.string(row, NAME)! }, existing);
      this.reporter.info(source.file, { line: source.line, column: 1 }, text, "signatory-duplicate");
    }
  }

  /** As `SignatoryMerger.finish`. */
  finish(): void {
    const unlisted = this.duplicates - LISTED_MERGES;
    if (this.unlistedFile) this.reporter.info(this.unlistedFile, undefined, unlistedText(unlisted), "signatory-duplicate");
  }

  /**
   * merge.ts's `combine`, in place at `at`: the base (the later signature, by signed_at if
   * both have one, else the row read later) gives every field it has, the other the rest;
   * kind, consent and source are the base's (always set).
   */
  private combine(at: number, row: number): void {
    const { store } = this;
    const earlierIsBase = store.has(at, SIGNED_AT) && store.has(row, SIGNED_AT) && store.compareBytes(at, row, SIGNED_AT) > 0;
    for (let field = 0; field < TEXT_FIELDS; field++) {
      if (earlierIsBase ? !store.has(at, field) : store.has(row, field)) store.copyField(row, at, field);
    }
    if (!earlierIsBase) store.copyOrigin(row, at);
  }

  /** As `SignatoryMerger.findOrganisation`. */
  private findOrganisation(row: number): number | undefined {
    const orgnr = this.store.string(row, ORGNR);
    const byOrgnr = orgnr ? this.organisations.get(`n\0${orgnr}`) : undefined;
    if (byOrgnr !== undefined) return byOrgnr;
    // Same name counts unless both carry orgnr and they differ: two bodies can share a name.
    const byName = this.organisations.get(foldCase(`o\0${this.store.string(row, NAME)}`));
    if (byName === undefined) return undefined;
    const other = this.store.string(byName, ORGNR);
    return !other || !orgnr || other === orgnr ? byName : undefined;
  }

  /** As `SignatoryMerger.rememberOrganisation`. */
  private rememberOrganisation(at: number): void {
    const orgnr = this.store.string(at, ORGNR);
    if (orgnr) this.organisations.set(`n\0${orgnr}`, at);
    const byName = foldCase(`o\0${this.store.string(at, NAME)}`);
    if (!this.organisations.has(byName)) this.organisations.set(byName, at);
  }
}

/**
 * `personHash` of the person at `row`, from the same folded bytes as the merge compares:
 * made by the thread that read the row, so the merge itself only looks it up.
 */
export function personHashOf(store: SignatoryColumns, row: number): number {
  hashing.fold(store, row);
  return keyHash;
}

/** A growing buffer for the bytes of one `personKey`. */
class FoldedKey {
  bytes = new Uint8Array(256);
  length = 0;

  /**
   * The UTF-8 bytes of `personKey` for `row`, hashed into `keyHash` as they are made.
   * A plain row's name and organisation are Latin-1, where lower case is A–Z and
   * À–Þ (but ×) plus 32: folded byte by byte. Others go through `personKey` itself.
   */
  fold(store: SignatoryColumns, row: number): void {
    const most = 3 * (store.end(row, NAME) - store.start(row, NAME) + store.end(row, ORGANISATION) - store.start(row, ORGANISATION)) + 1;
    if (this.bytes.length < most) this.bytes = new Uint8Array(most * 2);
    const into = this.bytes;
    keyHash = FNV_BASIS;
    if (!store.isPlain(row)) {
      const key = personKey({ name: store.string(row, NAME)!, organisation: store.string(row, ORGANISATION) });
      this.length = Buffer.from(into.buffer, into.byteOffset, into.length).write(key, 0, "utf8");
      for (let k = 0; k < this.length; k++) keyHash = Math.imul(keyHash ^ into[k], FNV_PRIME);
      keyHash &= 0x3fffffff;
      return;
    }
    let length = fold(store.bufferOf(row, NAME), store.start(row, NAME), store.end(row, NAME), into, 0);
    keyHash = Math.imul(keyHash, FNV_PRIME);
    into[length++] = 0;
    this.length = fold(store.bufferOf(row, ORGANISATION), store.start(row, ORGANISATION), store.end(row, ORGANISATION), into, length);
    keyHash &= 0x3fffffff;
  }
}

const hashing = new FoldedKey();

const FNV_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * FNV-1a of the key `FoldedKey.fold` made last, cut to 30 bits as `personHash` is; computed while the
 * bytes are folded rather than in a second pass. A module variable: no object per row.
 */
let keyHash = 0;

/** Latin-1 text's UTF-8 bytes `from[start, end)` in lower case, into `into` at `at`, hashed into `keyHash`; the new length. */
function fold(from: Uint8Array, start: number, end: number, into: Uint8Array, at: number): number {
  let hash = keyHash;
  for (let k = start; k < end; k++) {
    let b = from[k];
    if (b >= 0x41 && b <= 0x5a) b += 32;
    else if (b === 0xc3) {
      into[at++] = b;
      hash = Math.imul(hash ^ b, FNV_PRIME);
      b = from[++k];
      if (b >= 0x80 && b <= 0x9e && b !== 0x97) b += 32;
    }
    into[at++] = b;
    hash = Math.imul(hash ^ b, FNV_PRIME);
  }
  keyHash = hash;
  return at;
}
