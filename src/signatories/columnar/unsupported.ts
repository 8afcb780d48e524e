/**
 * Thrown inside the columnar merge at the first thing it does not do exactly as the
 * ordinary path would (UTF-16, a doubled quote, an unknown column, a `--map` …). The merge
 * then runs the ordinary way from the start, so the output never depends on which path ran.
 */
export class Unsupported extends Error {
  constructor(readonly reason: string) {
    super(`columnar merge: ${reason}`);
  }
}
