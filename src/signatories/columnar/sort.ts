/**
 * `sortOrder` (src/signatories/sort.ts) for the columnar store, without a comparator
 * call per comparison. `sortOrder` compares two primary-weight keys with `<` and, when
 * they are equal, calls `compareSignatories`; V8's sort is stable. That is the
 * lexicographic order of (key, compareSignatories, position), which this gets with a
 * stable radix sort of the key bytes (most significant first), and then the stable
 * `compareSignatories` sort within each run of equal keys, in position order.
 * Short lists, and lists with a name that has no key, go to `sortOrder` itself.
 */
import { KEYED_FROM, compareSignatories, primaryWeights, sortOrder } from "../sort.js";
import { NAME, ORGANISATION, PLACE, type SignatoryColumns } from "./store.js";

/** Below this many, a range is sorted by insertion rather than by counting. */
const SMALL = 32;

/** Every name's primary weights in one buffer, `starts[i]` to `starts[i + 1]`. */
export interface Keys {
  weights: Uint8Array;
  starts: Int32Array;
}

/**
 * The positions of `store`'s signatories in sorted order, by `keys` (made here unless given;
 * undefined when a name has none, or for a short list).
 */
export function sortColumns(store: SignatoryColumns, keys = store.size < KEYED_FROM ? undefined : primaryKeys(store)): ArrayLike<number> {
  const n = store.size;
  if (n < KEYED_FROM || !keys) return sortOrder(named(store));
  const { weights, starts } = keys;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  // Four key bytes per position, kept beside `order` and moved with it: each range reads
  // the (randomly placed) keys once every four levels, not once a level.
  const words = new Uint32Array(n);
  const scratchOrder = new Int32Array(n);
  const scratchWords = new Uint32Array(n);
  const digit = new Uint8Array(n);
  const counts = new Int32Array(257);
  /** Key bytes `depth` to `depth + 3` of signatory `i`, the first highest; 0 past its end (weights are 1–255). */
  const wordAt = (i: number, depth: number) => {
    const from = starts[i] + depth;
    const left = starts[i + 1] - from;
    if (left >= 4) return ((weights[from] << 24) | (weights[from + 1] << 16) | (weights[from + 2] << 8) | weights[from + 3]) >>> 0;
    let word = 0;
    for (let k = 0; k < 4; k++) word = (word << 8) | (k < left ? weights[from + k] : 0);
    return word >>> 0;
  };
  const ties = (lo: number, hi: number) => {
    if (hi - lo > 1) breakTies(store, order, lo, hi);
  };
  // Ranges still to sort, as lo, hi, depth triples: an explicit stack, since a depth is a key's length.
  const stack: number[] = [0, n, 0];
  while (stack.length) {
    const depth = stack.pop()!;
    const hi = stack.pop()!;
    const lo = stack.pop()!;
    if (hi - lo < SMALL) {
      insertionSort(order, lo, hi, depth, weights, starts);
      // Runs of equal whole keys.
      let run = lo;
      for (let k = lo + 1; k <= hi; k++) {
        if (k < hi && compareKeys(order[run], order[k], depth, weights, starts) === 0) continue;
        ties(run, k);
        run = k;
      }
      continue;
    }
    const shift = 24 - 8 * (depth & 3);
    if (shift === 24) {
      for (let k = lo; k < hi; k++) words[k] = wordAt(order[k], depth);
      // Names in a range often share long prefixes: four equal bytes are four levels at once.
      let same = true;
      for (let k = lo + 1; k < hi && same; k++) same = words[k] === words[lo];
      if (same) {
        // A 0 byte is a key's end (weights are 1–255): then the whole keys are equal.
        if ((words[lo] & 255) === 0) ties(lo, hi);
        else stack.push(lo, hi, depth + 4);
        continue;
      }
    }
    counts.fill(0);
    for (let k = lo; k < hi; k++) counts[(digit[k] = (words[k] >>> shift) & 255) + 1]++;
    // One bucket holding the whole range: the order stays as it is, one level deeper.
    if (counts[digit[lo] + 1] === hi - lo) {
      if (digit[lo] === 0) ties(lo, hi);
      else stack.push(lo, hi, depth + 1);
      continue;
    }
    for (let b = 1; b <= 256; b++) counts[b] += counts[b - 1];
    // counts[b] is now where bucket b starts (relative to lo); scatter stably.
    for (let k = lo; k < hi; k++) {
      const to = lo + counts[digit[k]]++;
      scratchOrder[to] = order[k];
      scratchWords[to] = words[k];
    }
    order.set(scratchOrder.subarray(lo, hi), lo);
    words.set(scratchWords.subarray(lo, hi), lo);
    // After the scatter counts[b] is where bucket b ends, so bucket b is [counts[b-1], counts[b]).
    ties(lo, lo + counts[0]);
    for (let b = 1; b < 256; b++) {
      const from = lo + counts[b - 1];
      const to = lo + counts[b];
      if (to - from > 1) stack.push(from, to, depth + 1);
    }
  }
  return order;
}

/** Every name's primary weights; undefined if a name has none. */
function primaryKeys(store: SignatoryColumns): Keys | undefined {
  const keys = { weights: new Uint8Array(nameBytes(store, 0, store.size)), starts: new Int32Array(store.size + 1) };
  return keysOf(store, 0, store.size, keys, 0) ? keys : undefined;
}

/** Room for the keys of rows `[from, to)`: a name has no more weights than characters, nor those than UTF-8 bytes. */
function nameBytes(store: SignatoryColumns, from: number, to: number): number {
  let bytes = 0;
  for (let i = from; i < to; i++) bytes += store.end(i, NAME) - store.start(i, NAME);
  return bytes;
}

/**
 * Keys made by two threads at once (index.ts): rows before `middle` by one, into `weights`
 * from 0, the others by the other, from `secondAt` (where the first half's room ends); then
 * `joinKeys` closes the gap. In shared memory, which both threads write.
 */
export interface HalvedKeys extends Keys {
  middle: number;
  secondAt: number;
}

export function halvedKeys(store: SignatoryColumns): HalvedKeys {
  const n = store.size;
  const middle = n >> 1;
  const secondAt = nameBytes(store, 0, middle);
  const weights = new Uint8Array(new SharedArrayBuffer(secondAt + nameBytes(store, middle, n)));
  const starts = new Int32Array(new SharedArrayBuffer((n + 1) * Int32Array.BYTES_PER_ELEMENT));
  return { weights, starts, middle, secondAt };
}

/** The halves' keys as one `Keys`: the second half's weights moved down to where the first's end. */
export function joinKeys({ weights, starts, middle, secondAt }: HalvedKeys, n: number): Keys {
  const gap = secondAt - starts[middle];
  weights.copyWithin(starts[middle], secondAt, starts[n]);
  for (let i = middle + 1; i <= n; i++) starts[i] -= gap;
  return { weights, starts };
}

/** The weights of the names of rows `[from, to)` into `keys` from `at` on (`starts[i + 1]`: where row i's end); false if a name has none. */
export function keysOf(store: SignatoryColumns, from: number, to: number, { weights, starts }: Keys, at: number): boolean {
  let codes = new Uint8Array(256);
  let used = at;
  for (let i = from; i < to; i++) {
    // A plain name is Latin-1 in UTF-8: its codes are read off the bytes, with no string made.
    const plain = store.isPlain(i);
    const name = plain ? undefined : store.string(i, NAME)!;
    const most = plain ? store.end(i, NAME) - store.start(i, NAME) : name!.length;
    if (codes.length < most) codes = new Uint8Array(most * 2);
    const length = plain ? primaryWeights(codes, latin1Codes(store.bufferOf(i, NAME), store.start(i, NAME), store.end(i, NAME), codes), weights, used) : primaryWeights(name!, name!.length, weights, used);
    if (length < 0) return false;
    used += length;
    starts[i + 1] = used;
  }
  return true;
}

/** The Latin-1 codes of UTF-8 text `from[start, end)` that holds only U+0000–U+00FF, into `into`; how many. */
function latin1Codes(from: Uint8Array, start: number, end: number, into: Uint8Array): number {
  let length = 0;
  for (let k = start; k < end; k++) {
    const b = from[k];
    into[length++] = b < 0x80 ? b : ((b & 0x03) << 6) | (from[++k] & 0x3f);
  }
  return length;
}

/** Key order from `depth` on (the bytes before are equal): < 0, 0 or > 0. */
function compareKeys(a: number, b: number, depth: number, weights: Uint8Array, starts: Int32Array): number {
  const lengthA = starts[a + 1] - starts[a];
  const lengthB = starts[b + 1] - starts[b];
  for (let k = depth; k < lengthA && k < lengthB; k++) {
    const d = weights[starts[a] + k] - weights[starts[b] + k];
    if (d !== 0) return d;
  }
  return lengthA - lengthB;
}

/** Stable: an element moves left only past greater keys. */
function insertionSort(order: Int32Array, lo: number, hi: number, depth: number, weights: Uint8Array, starts: Int32Array): void {
  for (let k = lo + 1; k < hi; k++) {
    const item = order[k];
    let j = k - 1;
    while (j >= lo && compareKeys(order[j], item, depth, weights, starts) > 0) {
      order[j + 1] = order[j];
      j--;
    }
    order[j + 1] = item;
  }
}

/** Signatories with equal keys, in position order, sorted stably by `compareSignatories`. */
function breakTies(store: SignatoryColumns, order: Int32Array, lo: number, hi: number): void {
  const members = Array.from(order.subarray(lo, hi)).sort((a, b) => a - b);
  const rows = members.map((i) => ({ i, name: store.string(i, NAME)!, organisation: store.string(i, ORGANISATION), place: store.string(i, PLACE) }));
  rows.sort(compareSignatories);
  rows.forEach((row, k) => (order[lo + k] = row.i));
}

/** What `sortOrder` reads of each signatory. */
function named(store: SignatoryColumns) {
  return Array.from({ length: store.size }, (_, i) => ({ name: store.string(i, NAME)!, organisation: store.string(i, ORGANISATION), place: store.string(i, PLACE) }));
}
