/**
 * Norwegian alphabetical order (Æ, Ø, Å after Z; "Aa" as Å), as ICU's "nb"
 * collation defines it.
 *
 * Intl.Collator#compare costs ~65 ns a call, about 1.3 s for a million names.
 * Most names use only letters, digits, spaces and common punctuation, and
 * for those a string of primary weights compares like the collator does at
 * its first level, with plain `<`. The weights are read off the collator
 * itself (on first use), so the only rule written here is how a key is built;
 * the full collator still breaks ties (case, accents) and handles any other
 * character. test/signatories/sort.test.ts checks the agreement property-wise.
 */
import type { Signatory } from "./types.js";

/** Created on first use, like the tables below: ICU's collation data costs ~10 ms to load. */
let norwegian: Intl.Collator | undefined;
export const collator = {
  compare: (a: string, b: string): number => (norwegian ??= new Intl.Collator("nb")).compare(a, b),
};

const KEYED_CHARACTERS = [
  ...Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)),
  ..."æøåÆØÅäöüÄÖÜéèêëÉÈÊËáàÁÀóòôÓÒÔíìÍÌúùÚÙ",
];

interface Tables {
  /** Character → its primary rank (equal at the first level = equal rank); all keyed characters are Latin-1. */
  weight: Uint8Array;
  /**
   * Two-letter sequences the collation treats as one letter ("aa", "Aa", "AA" = å),
   * as first code × 256 + second code → weight. 0 means no contraction.
   */
  contractions: Uint8Array;
  /** Characters that begin a contraction (a, A): only after them is the next character looked at. */
  contractionStart: Uint8Array;
  /**
   * Pairs that begin a contraction through canonical equivalence: "aå" is
   * "a" + "a" + ring, so ICU reads it as å + ring. Names with them go to the
   * collator. Same layout as `contractions`, 1 = unkeyable.
   */
  unkeyable: Uint8Array;
}

let tables: Tables | undefined;

/** Read off the collator on first use (~15 ms): a build whose list is short never needs them. */
function keyTables(): Tables {
  if (tables) return tables;
  const primary = new Intl.Collator("nb", { sensitivity: "base" });
  const weight = new Uint8Array(256);
  const sorted = [...KEYED_CHARACTERS].sort(primary.compare);
  let rank = 1;
  sorted.forEach((c, i) => {
    if (i > 0 && primary.compare(sorted[i - 1], c) !== 0) rank++;
    weight[c.charCodeAt(0)] = rank;
  });
  const contractions = new Uint8Array(256 * 256);
  const contractionStart = new Uint8Array(256);
  for (const first of KEYED_CHARACTERS) {
    for (const second of "aAoOeE") {
      // A pair weighing the same as a single letter, but not as its own two letters, is one letter.
      const single = KEYED_CHARACTERS.find((c) => primary.compare(first + second, c) === 0);
      if (!single) continue;
      contractions[first.charCodeAt(0) * 256 + second.charCodeAt(0)] = weight[single.charCodeAt(0)];
      contractionStart[first.charCodeAt(0)] = 1;
    }
  }
  const unkeyable = new Uint8Array(256 * 256);
  for (const first of KEYED_CHARACTERS) {
    for (const c of KEYED_CHARACTERS) {
      const base = c.normalize("NFD");
      if (base.length > 1 && contractions[first.charCodeAt(0) * 256 + base.charCodeAt(0)]) unkeyable[first.charCodeAt(0) * 256 + c.charCodeAt(0)] = 1;
    }
  }
  return (tables = { weight, contractions, contractionStart, unkeyable });
}

// Keys are built in a byte buffer and read out as Latin-1: ranks stay below 256,
// and one native slice is much cheaper than a string grown character by character.
let keyBuffer = Buffer.alloc(256);

/**
 * The primary-weight key of `text`, or undefined when it holds a character
 * without a known weight. Table lookups by char code, not Map lookups by
 * one-character strings: this runs over every character of a million names.
 */
export function primaryKey(text: string): string | undefined {
  if (keyBuffer.length < text.length) keyBuffer = Buffer.alloc(text.length * 2);
  const length = primaryWeights(text, text.length, keyBuffer, 0);
  return length < 0 ? undefined : keyBuffer.toString("latin1", 0, length);
}

/**
 * `primaryKey` as bytes: writes the weights of the first `length` characters of `text` into
 * `into` from `at` (which must have room for `length` bytes) and returns how many, or -1
 * when a character has no known weight. `text` is a string or Latin-1 codes in bytes: the
 * columnar merge keeps its keys this way, from its byte cells, with no string per name.
 */
export function primaryWeights(text: string | Uint8Array, count: number, into: Uint8Array, at: number): number {
  const { weight: WEIGHT, contractions: CONTRACTIONS, contractionStart: CONTRACTION_START, unkeyable: UNKEYABLE } = keyTables();
  const string = typeof text === "string" ? text : undefined;
  const bytes = text as Uint8Array;
  let length = 0;
  for (let i = 0; i < count; i++) {
    const c = string !== undefined ? string.charCodeAt(i) : bytes[i];
    let weight = c <= 0xff ? WEIGHT[c] : 0;
    if (weight === 0) return -1;
    if (CONTRACTION_START[c]) {
      // Past the end `next` is NaN, which makes no pair.
      const next = i + 1 >= count ? NaN : string !== undefined ? string.charCodeAt(i + 1) : bytes[i + 1];
      const pair = next <= 0xff ? c * 256 + next : 0;
      if (UNKEYABLE[pair]) return -1;
      if (CONTRACTIONS[pair]) {
        weight = CONTRACTIONS[pair];
        i++;
      }
    }
    into[at + length++] = weight;
  }
  return length;
}

/** Compares like `collator.compare`, faster; for one-off comparisons. */
export function compareNorwegian(a: string, b: string): number {
  const keyA = primaryKey(a);
  const keyB = primaryKey(b);
  if (keyA !== undefined && keyB !== undefined && keyA !== keyB) return keyA < keyB ? -1 : 1;
  return collator.compare(a, b);
}

/** From this many signatories on, sorting by primary keys pays for building their tables. */
export const KEYED_FROM = 2000;

/** The order of two signatories: name, then organisation, then place, by the collator. */
export function compareSignatories(s: Pick<Signatory, "name" | "organisation" | "place">, t: Pick<Signatory, "name" | "organisation" | "place">): number {
  return (
    collator.compare(s.name, t.name) ||
    collator.compare(s.organisation ?? "", t.organisation ?? "") ||
    collator.compare(s.place ?? "", t.place ?? "")
  );
}

/** Sorted by name, then organisation, then place; equal ones keep their input order. */
export function sortSignatories(list: readonly Signatory[]): Signatory[] {
  return sortOrder(list).map((i) => list[i]);
}

/**
 * The positions of `list` in sorted order. Sorts positions against an array of keys
 * computed once, so the million-row case makes no wrapper object per signatory.
 */
export function sortOrder(list: readonly Pick<Signatory, "name" | "organisation" | "place">[]): number[] {
  const fullCompare = (i: number, j: number): number => compareSignatories(list[i], list[j]);
  // A short list sorts faster by the collator alone than the key tables take to build.
  if (list.length < KEYED_FROM) return list.map((_, i) => i).sort(fullCompare);
  const keys = list.map((s) => primaryKey(s.name));
  // A native sort of chunked keys (numbers packed in a Float64Array, MSD by chunk) measured
  // slower here than this comparator: each level re-reads the keys in random order.
  return list.map((_, i) => i).sort((i, j) => {
    const a = keys[i];
    const b = keys[j];
    if (a !== undefined && b !== undefined && a !== b) return a < b ? -1 : 1;
    return fullCompare(i, j);
  });
}
