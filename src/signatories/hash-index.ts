/**
 * Hash → positions, open addressing in one typed array: no heap object per
 * entry for the GC to trace, and no rehash of a million-entry Map as it grows.
 * Each slot is a hash and its position side by side, so a probe costs one cache
 * miss, not two, and the `add` after a failed `find` finds its slot in cache.
 * Equal hashes may hold different keys; `find` asks which position matches.
 */
export class HashIndex {
  /** Slot `s`: hash at `2s`, position + 1 at `2s + 1` (0 is an empty slot). */
  private slots: Int32Array;
  private size = 0;

  /** Room for `expected` entries before the first growth (rounded up to a power of two). */
  constructor(expected = 512) {
    let slots = 1024;
    while (slots < expected * 2) slots *= 2;
    this.slots = new Int32Array(slots * 2);
  }

  find(hash: number, matches: (at: number) => boolean): number | undefined {
    const { slots } = this;
    const mask = (slots.length >> 1) - 1;
    for (let slot = hash & mask; slots[2 * slot + 1] !== 0; slot = (slot + 1) & mask) {
      if (slots[2 * slot] === hash && matches(slots[2 * slot + 1] - 1)) return slots[2 * slot + 1] - 1;
    }
    return undefined;
  }

  add(hash: number, at: number): void {
    // Kept at most half full, so a probe ends soon at an empty slot.
    if (++this.size * 4 > this.slots.length) this.grow();
    this.place(hash, at + 1);
  }

  private place(hash: number, position: number): void {
    const { slots } = this;
    const mask = (slots.length >> 1) - 1;
    let slot = hash & mask;
    while (slots[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
    slots[2 * slot] = hash;
    slots[2 * slot + 1] = position;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    for (let at = 0; at < old.length; at += 2) if (old[at + 1] !== 0) this.place(old[at], old[at + 1]);
  }
}
