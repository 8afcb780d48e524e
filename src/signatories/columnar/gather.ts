/**
 * The output's rows in sorted order: each row's bytes (made in store order, write.ts)
 * copied to its place in the output, which lies in the same buffer after them. Each row
 * is a cache miss away, so two threads copying half the rows each take about half the
 * time (index.ts gives the worker the second half).
 */

/** Row `i` is `space[ends[i], ends[i + 1])`; the output follows the last. In shared memory, for the worker. */
export interface Made {
  space: Uint8Array;
  ends: Int32Array;
}

/** Rows `order[from, to)` one after another into `space` from `at`. */
export function gather({ space, ends }: Made, order: ArrayLike<number>, from: number, to: number, at: number): void {
  for (let k = from; k < to; k++) {
    const row = order[k];
    // Within one buffer: no view object per row.
    space.copyWithin(at, ends[row], ends[row + 1]);
    at += ends[row + 1] - ends[row];
  }
}

/** How many bytes rows `order[0, to)` take. */
export function lengthOf({ ends }: Made, order: ArrayLike<number>, to: number): number {
  let length = 0;
  for (let k = 0; k < to; k++) length += ends[order[k] + 1] - ends[order[k]];
  return length;
}
