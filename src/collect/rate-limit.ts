import type { SignatureStore } from "./store.js";

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/**
 * A store for @fastify/rate-limit that keeps its counters in the sign-on store,
 * so several `collect` processes on one PostgreSQL database share one limit
 * instead of each allowing the whole limit. Each route's limit gets its own keys;
 * the global flood guard's hits are sent in batches (`batchedCounter`).
 */
export function sharedRateLimitStore(store: SignatureStore) {
  const floodGuard = batchedCounter(store);
  return class SharedRateLimitStore {
    constructor(
      _options: unknown,
      readonly prefix = "all",
    ) {}

    incr(key: string, callback: Callback, timeWindow: number): void {
      // Every page view passes the flood guard (the global limit): it must not wait for a
      // database round trip. The routes' own limits (sign-on, admin) stay exact.
      if (this.prefix === "all") return callback(null, floodGuard.hit(`${this.prefix}:${key}`, timeWindow));
      store.hit(`${this.prefix}:${key}`, timeWindow).then(
        (hit) => callback(null, { current: hit.count, ttl: hit.ttl }),
        (error: Error) => callback(error),
      );
    }

    read(key: string, callback: Callback, timeWindow: number): void {
      store.hit(`${this.prefix}:${key}`, timeWindow, 0).then(
        (hit) => callback(null, { current: hit.count, ttl: hit.ttl }),
        (error: Error) => callback(error),
      );
    }

    child(routeOptions: object) {
      const route = (routeOptions as { routeInfo?: { method?: string | string[]; url?: string } }).routeInfo;
      return new SharedRateLimitStore(undefined, `${route?.method ?? ""} ${route?.url ?? ""}`);
    }
  };
}

/** How long the flood guard's hits are gathered before they are added to the shared count. */
export const FLOOD_GUARD_FLUSH_MS = 200;

/**
 * Hits counted here and added to the shared store in one statement per key every
 * FLOOD_GUARD_FLUSH_MS. A request is judged by the last shared count plus this process's
 * hits since, so one process holds the limit exactly, and N processes together can
 * overshoot it only by what arrives within one flush interval.
 */
export function batchedCounter(store: SignatureStore) {
  const pending = new Map<string, { hits: number; windowMs: number }>();
  /** Hits sent to the store whose answer has not come back: still this process's to count. */
  const sending = new Map<string, number>();
  const shared = new Map<string, { count: number; endsAt: number }>();
  const settle = (key: string, hits: number) => {
    const left = (sending.get(key) ?? 0) - hits;
    if (left > 0) sending.set(key, left);
    else sending.delete(key);
  };
  let timer: NodeJS.Timeout | undefined;

  const flush = () => {
    timer = undefined;
    const batch = [...pending];
    pending.clear();
    for (const [key, { hits, windowMs }] of batch) {
      sending.set(key, (sending.get(key) ?? 0) + hits);
      store.hit(key, windowMs, hits).then(
        (hit) => {
          settle(key, hits);
          shared.set(key, { count: hit.count, endsAt: Date.now() + hit.ttl });
        },
        // A failed flush loses these hits for the other processes only.
        () => settle(key, hits),
      );
    }
    // Ended windows are dropped, so the map holds only clients of the current windows.
    const now = Date.now();
    for (const [key, window] of shared) if (window.endsAt <= now) shared.delete(key);
  };

  return {
    hit(key: string, windowMs: number): { current: number; ttl: number } {
      const now = Date.now();
      const mine = pending.get(key) ?? { hits: 0, windowMs };
      mine.hits++;
      pending.set(key, mine);
      timer ??= setTimeout(flush, FLOOD_GUARD_FLUSH_MS).unref();
      const known = shared.get(key);
      const open = known && known.endsAt > now;
      return { current: (open ? known.count : 0) + (sending.get(key) ?? 0) + mine.hits, ttl: open ? known.endsAt - now : windowMs };
    },
  };
}
