// The global flood guard (every page view passes it) counts in the process and adds its hits
// to the shared store in batches, so a page view never waits for a database round trip; the
// limit must still hold in one process and be shared between processes.
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { batchedCounter, FLOOD_GUARD_FLUSH_MS } from "../../src/collect/rate-limit.js";
import { backends } from "./helpers.js";

const stores = backends();
beforeAll(() => stores.setup());
afterAll(() => stores.teardown());

describe.each(stores.list)("flood guard on $name", (backend) => {
  test("answers at once, counts every hit in its own process and shares them through the store", async () => {
    const store = await backend.open();
    try {
      const one = batchedCounter(store);
      const window = 60_000;
      // 700 hits at once: each is judged without waiting, and the counts run 1…700.
      const counts = Array.from({ length: 700 }, () => one.hit("all:203.0.113.7", window).current);
      expect(counts).toEqual(Array.from({ length: 700 }, (_, i) => i + 1));
      // While the batch is on its way, and after it arrived, the process still counts it.
      await sleep(FLOOD_GUARD_FLUSH_MS + 5);
      expect(one.hit("all:203.0.113.7", window).current).toBe(701);
      await sleep(FLOOD_GUARD_FLUSH_MS * 2);
      expect((await store.hit("all:203.0.113.7", window, 0)).count).toBe(701);
      // A second process (a second counter on the same store) sees the first one's hits.
      const two = batchedCounter(store);
      two.hit("all:203.0.113.7", window);
      await sleep(FLOOD_GUARD_FLUSH_MS * 2);
      expect(two.hit("all:203.0.113.7", window).current).toBe(703);
      // Another client has a count of its own.
      expect(one.hit("all:198.51.100.1", window).current).toBe(1);
    } finally {
      await sleep(FLOOD_GUARD_FLUSH_MS * 2);
      await store.close();
    }
  });
});
