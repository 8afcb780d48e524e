/**
 * Hash → positions, open addressing in two typed arrays: no heap object per
 * entry for the GC to trace, and no rehash of a million-entry Map as it grows.
 * Equal hashes may hold different keys; `find` asks which position matches.
 */
export class HashIndex {
  private hashes: Int32Array;
  /** Position + 1; 0 is an empty slot. */
  private positions: Int32Array;
  private size = 0;

  /** Room for `expected` entries before the first growth (rounded up to a power of two). */
  constructor(expected = 512) {
    let slots = 1024;
    while (slots < expected * 2) slots *= 2;
    this.hashes = new Int32Array(slots);
    this.positions = new Int32Array(slots);
  }

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
