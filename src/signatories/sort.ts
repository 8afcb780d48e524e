/**
 * Norwegian alphabetical order (Æ, Ø, Å after Z; "Aa" as Å), as ICU's "nb"
 * collation defines it.
 *
 * Intl.Collator#compare costs ~65 ns a call, about 1.3 s for a million names.
 * Most names use only letters, digits, spaces and common punctuation, and
 * for those a string of primary weights compares like the collator does at
 * its first level, with plain `<`. The weights are read off the collator
 * itself at load time, so the only rule written here is how a key is built;
 * the full collator still breaks ties (case, accents) and handles any other
 * character. test/signatories/sort.test.ts checks the agreement property-wise.
 */
import type { Signatory } from "./types.js";

export const collator = new Intl.Collator("nb");
const primary = new Intl.Collator("nb", { sensitivity: "base" });

const KEYED_CHARACTERS = [
  ...Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)),
  ..."æøåÆØÅäöüÄÖÜéèêëÉÈÊËáàÁÀóòôÓÒÔíìÍÌúùÚÙ",
];

/** Character → its primary rank (equal at the first level = equal rank); all keyed characters are Latin-1. */
const WEIGHT = new Uint8Array(256);
{
  const sorted = [...KEYED_CHARACTERS].sort(primary.compare);
  let rank = 1;
  sorted.forEach((c, i) => {
    if (i > 0 && primary.compare(sorted[i - 1], c) !== 0) rank++;
    WEIGHT[c.charCodeAt(0)] = rank;
  });
}

/**
 * Two-letter sequences the collation treats as one letter ("aa", "Aa", "AA" = å),
 * as first code × 256 + second code → weight. 0 means no contraction.
 */
const CONTRACTIONS = new Uint8Array(256 * 256);
/** Characters that begin a contraction (a, A): only after them is the next character looked at. */
const CONTRACTION_START = new Uint8Array(256);
for (const first of KEYED_CHARACTERS) {
  for (const second of "aAoOeE") {
    // A pair weighing the same as a single letter, but not as its own two letters, is one letter.
    const single = KEYED_CHARACTERS.find((c) => primary.compare(first + second, c) === 0);
    if (!single) continue;
    CONTRACTIONS[first.charCodeAt(0) * 256 + second.charCodeAt(0)] = WEIGHT[single.charCodeAt(0)];
    CONTRACTION_START[first.charCodeAt(0)] = 1;
  }
}

/**
 * Pairs that begin a contraction through canonical equivalence: "aå" is
 * "a" + "a" + ring, so ICU reads it as å + ring. Names with them go to the
 * collator. Same layout as CONTRACTIONS, 1 = unkeyable.
 */
const UNKEYABLE = new Uint8Array(256 * 256);
for (const first of KEYED_CHARACTERS) {
  for (const c of KEYED_CHARACTERS) {
    const base = c.normalize("NFD");
    if (base.length > 1 && CONTRACTIONS[first.charCodeAt(0) * 256 + base.charCodeAt(0)]) UNKEYABLE[first.charCodeAt(0) * 256 + c.charCodeAt(0)] = 1;
  }
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
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let weight = c <= 0xff ? WEIGHT[c] : 0;
    if (weight === 0) return undefined;
    if (CONTRACTION_START[c]) {
      // Past the end `next` is NaN, which makes no pair.
      const next = text.charCodeAt(i + 1);
      const pair = next <= 0xff ? c * 256 + next : 0;
      if (UNKEYABLE[pair]) return undefined;
      if (CONTRACTIONS[pair]) {
        weight = CONTRACTIONS[pair];
        i++;
      }
    }
    keyBuffer[length++] = weight;
  }
  return keyBuffer.toString("latin1", 0, length);
}

/** Compares like `collator.compare`, faster; for one-off comparisons. */
export function compareNorwegian(a: string, b: string): number {
  const keyA = primaryKey(a);
  const keyB = primaryKey(b);
  if (keyA !== undefined && keyB !== undefined && keyA !== keyB) return keyA < keyB ? -1 : 1;
  return collator.compare(a, b);
}

/**
 * Sorted by name, then organisation, then place; equal ones keep their input
 * order. Sorts positions against an array of keys computed once, so the
 * million-row case makes no wrapper object per signatory.
 */
export function sortSignatories(list: readonly Signatory[]): Signatory[] {
  const keys = list.map((s) => primaryKey(s.name));
  const order = list.map((_, i) => i);
  order.sort((i, j) => {
    const a = keys[i];
    const b = keys[j];
    if (a !== undefined && b !== undefined && a !== b) return a < b ? -1 : 1;
    const s = list[i];
    const t = list[j];
    return (
      collator.compare(s.name, t.name) ||
      collator.compare(s.organisation ?? "", t.organisation ?? "") ||
      collator.compare(s.place ?? "", t.place ?? "")
    );
  });
  return order.map((i) => list[i]);
}
