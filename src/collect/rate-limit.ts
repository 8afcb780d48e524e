import type { SignatureStore } from "./store.js";

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/**
 * A store for @fastify/rate-limit that keeps its counters in the sign-on store,
 * so several `collect` processes on one PostgreSQL database share one limit
 * instead of each allowing the whole limit. Each route's limit gets its own keys.
 */
export function sharedRateLimitStore(store: SignatureStore) {
  return class SharedRateLimitStore {
    constructor(
      _options: unknown,
      readonly prefix = "all",
    ) {}

    incr(key: string, callback: Callback, timeWindow: number): void {
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
