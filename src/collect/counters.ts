import type { CounterHit } from "./store.js";

/**
 * Fixed-window hit counters in this process's memory, for the SQLite store: a
 * SQLite file has one `collect` process (its writer thread), so its memory is
 * shared by everything that serves the file. Windows that ended are dropped as
 * they are met, and all of them once the map grows large.
 */
export function memoryCounters(limit = 100_000): (key: string, windowMs: number, hits?: number) => Promise<CounterHit> {
  const windows = new Map<string, { count: number; endsAt: number }>();
  return async (key, windowMs, hits = 1) => {
    const now = Date.now();
    let window = windows.get(key);
    if (!window || window.endsAt <= now) {
      if (windows.size >= limit) for (const [k, w] of windows) if (w.endsAt <= now) windows.delete(k);
      window = { count: 0, endsAt: now + windowMs };
      if (hits) windows.set(key, window);
    }
    window.count += hits;
    return { count: window.count, ttl: window.endsAt - now };
  };
}
