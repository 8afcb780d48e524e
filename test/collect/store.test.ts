import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { NewSignature, SignatureStore } from "../../src/collect/store.js";
import { backends } from "./helpers.js";

const stores = backends();
beforeAll(() => stores.setup());
afterAll(() => stores.teardown());

function signature(fields: Partial<NewSignature> = {}): NewSignature {
  const id = randomUUID();
  return {
    id,
    document: "doc",
    dedupeKey: `key-${id}`,
    type: "person",
    name: "Kari Nordmann",
    email: "kari@example.no",
    publish: true,
    version: "abcdef123456",
    signedAt: "2026-11-25T02:00:00.000Z",
    consentVersion: "c0ffee123456",
    consentAt: "2026-11-25T02:00:00.000Z",
    confirmed: true,
    approved: true,
    withdrawTokenHash: `w-${id}`,
    ...fields,
  };
}

describe.each(stores.list)("$name store", (backend) => {
  let store: SignatureStore;
  beforeAll(async () => {
    store = await backend.open();
  });
  afterAll(() => store.close());

  test("keeps every field and lists the public, pending and accepted sign-ons", async () => {
    const org = signature({ document: "fields", type: "organisation", name: "Smerteforeningen", orgnr: "914852536", role: "styreleder", place: "Oslo", approved: false });
    const hidden = signature({ document: "fields", publish: false, name: "Ola Skjult", organisation: "Sykehuset", role: "lege" });
    const named = signature({ document: "fields", name: "Åse Åpen", place: "Tromsø" });
    for (const s of [org, hidden, named]) expect(await store.add(s)).toBe("added");

    expect(await store.count("fields")).toBe(2);
    expect((await store.list("public", "fields")).map((s) => s.name)).toEqual(["Åse Åpen"]);
    const [pending] = await store.list("pending", "fields");
    const { dedupeKey: _k, withdrawTokenHash: _w, confirmTokenHash: _c, confirmExpiresAt: _e, ...stored } = org;
    expect(pending).toEqual({ ...stored, organisation: undefined });
    expect(await store.approve(org.id)).toBe(true);
    expect((await store.list("accepted", "fields")).map((s) => s.name)).toEqual(["Smerteforeningen", "Ola Skjult", "Åse Åpen"]);
    expect((await store.list("accepted", "fields"))[1]).toMatchObject({ organisation: "Sykehuset", role: "lege", publish: false });
    expect(await store.count("fields")).toBe(3);
    expect(await store.count("another document")).toBe(0);
  });

  test("the same dedupe key twice is one sign-on, also when 20 arrive at once", async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => store.add(signature({ document: "dedupe", dedupeKey: "same" }))));
    expect(results.filter((r) => r === "added")).toHaveLength(1);
    expect(results.filter((r) => r === "duplicate")).toHaveLength(19);
    expect(await store.list("accepted", "dedupe")).toHaveLength(1);
    // The same key in another document is another sign-on.
    expect(await store.add(signature({ document: "dedupe 2", dedupeKey: "same" }))).toBe("added");
  });

  test("confirm is idempotent and only counts confirmed sign-ons", async () => {
    await store.add(signature({ document: "confirm", confirmed: false, confirmTokenHash: "c-1", confirmExpiresAt: "2026-12-02T02:00:00.000Z" }));
    expect(await store.count("confirm")).toBe(0);
    expect(await store.list("pending", "confirm")).toEqual([]);
    expect(await store.confirm("c-1", "2026-11-26T00:00:00.000Z")).toBe(true);
    expect(await store.confirm("c-1", "2026-11-26T00:00:00.000Z")).toBe(true);
    expect(await store.confirm("c-unknown", "2026-11-26T00:00:00.000Z")).toBe(false);
    expect(await store.count("confirm")).toBe(1);
  });

  test("a confirm link stops working when it expires; expired unconfirmed sign-ons are deleted", async () => {
    const expires = "2026-12-02T02:00:00.000Z";
    await store.add(signature({ document: "expiry", confirmed: false, confirmTokenHash: "c-exp", confirmExpiresAt: expires }));
    const kept = signature({ document: "expiry", confirmed: false, confirmTokenHash: "c-later", confirmExpiresAt: "2026-12-09T00:00:00.000Z" });
    await store.add(kept);
    expect(await store.confirm("c-exp", expires)).toBe(false);
    expect(await store.deleteExpired("2026-12-03T00:00:00.000Z")).toBe(1);
    expect(await store.confirm("c-later", "2026-12-03T00:00:00.000Z")).toBe(true);
    expect((await store.list("accepted", "expiry")).map((s) => s.id)).toEqual([kept.id]);
  });

  test("the same unconfirmed mailbox is re-armed (new links) only when its last mail is older than the limit", async () => {
    const first = signature({ document: "resend", dedupeKey: "box", confirmed: false, confirmTokenHash: "r-1", confirmExpiresAt: "2026-12-02T02:00:00.000Z", signedAt: "2026-11-25T02:00:00.000Z" });
    expect(await store.add(first)).toBe("added");
    const soon = { ...signature({ document: "resend", dedupeKey: "box", name: "Another Name", confirmed: false, confirmTokenHash: "r-2", confirmExpiresAt: "2026-12-02T02:05:00.000Z" }), signedAt: "2026-11-25T02:05:00.000Z" };
    expect(await store.add(soon, "2026-11-25T01:55:00.000Z")).toBe("duplicate");
    const later = { ...soon, confirmTokenHash: "r-3", withdrawTokenHash: "w-r-3", signedAt: "2026-11-25T02:11:00.000Z", confirmExpiresAt: "2026-12-02T02:11:00.000Z" };
    expect(await store.add(later, "2026-11-25T02:01:00.000Z")).toBe("resend");
    expect(await store.confirm("r-1", "2026-11-26T00:00:00.000Z")).toBe(false);
    expect(await store.confirm("r-3", "2026-11-26T00:00:00.000Z")).toBe(true);
    // The first name stays: a second sign-on from the mailbox does not count as another person.
    expect((await store.list("accepted", "resend")).map((s) => s.name)).toEqual(["Kari Nordmann"]);
    // A confirmed mailbox is never re-armed.
    expect(await store.add({ ...later, confirmTokenHash: "r-4", withdrawTokenHash: "w-r-4" }, "2030-01-01T00:00:00.000Z")).toBe("duplicate");
  });

  test("the public list in pages: newest first and in Norwegian alphabetical order", async () => {
    for (const name of ["Øystein", "Anne", "Åse", "Bjørn", "Ærlig", "Zara"]) await store.add(signature({ document: "pages", name }));
    await store.add(signature({ document: "pages", name: "Skjult", publish: false }));
    const alphabetical = await store.publicPage("pages", "alphabetical", 0, 4);
    expect(alphabetical.total).toBe(6);
    expect(alphabetical.rows.map((s) => s.name)).toEqual(["Anne", "Bjørn", "Zara", "Ærlig"]);
    expect((await store.publicPage("pages", "alphabetical", 4, 4)).rows.map((s) => s.name)).toEqual(["Øystein", "Åse"]);
    expect((await store.publicPage("pages", "latest", 0, 2)).rows.map((s) => s.name)).toEqual(["Zara", "Ærlig"]);
  });

  test("counters count hits per key and window; 0 hits only looks", async () => {
    expect((await store.hit("k1", 60_000)).count).toBe(1);
    expect((await store.hit("k1", 60_000)).count).toBe(2);
    expect((await store.hit("k1", 60_000, 0)).count).toBe(2);
    expect((await store.hit("k2", 60_000, 0)).count).toBe(0);
    const hit = await store.hit("k3", 200);
    expect(hit.ttl).toBeGreaterThan(0);
    expect(hit.ttl).toBeLessThanOrEqual(200);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect((await store.hit("k3", 200)).count).toBe(1);
  });

  test("purge keeps what the sent document prints and erases the rest", async () => {
    await store.add(signature({ document: "purge", name: "Named Person", place: "Oslo", email: "named@example.no" }));
    await store.add(signature({ document: "purge", name: "Hidden Person", publish: false, email: "hidden@example.no", place: "Bodø" }));
    await store.add(signature({ document: "purge", type: "organisation", name: "Waiting Org", approved: false, email: "waiting@example.no" }));
    await store.add(signature({ document: "purge", name: "Unconfirmed", confirmed: false, confirmTokenHash: "p-c", email: "unconfirmed@example.no" }));
    expect(await store.purge("purge")).toBe(2);
    const kept = await store.list("accepted", "purge");
    expect(kept.map((s) => [s.name, s.place, s.email, s.publish])).toEqual([
      ["Named Person", "Oslo", "", true],
      ["", undefined, "", false],
    ]);
    expect(await store.count("purge")).toBe(2);
    expect(await store.list("pending", "purge")).toEqual([]);
  });

  test("withdraw and remove erase the row, personal data and all", async () => {
    const a = signature({ document: "erase", withdrawTokenHash: "w-erase", email: "erase@example.no" });
    const b = signature({ document: "erase", type: "organisation", name: "Avvist forening", approved: false });
    await store.add(a);
    await store.add(b);
    expect(await store.withdraw("w-erase")).toBe(true);
    expect(await store.withdraw("w-erase")).toBe(false);
    expect(await store.remove(b.id)).toBe(true);
    expect(await store.approve(b.id)).toBe(false);
    for (const selection of ["public", "pending", "accepted"] as const) expect(await store.list(selection, "erase")).toEqual([]);
    // The same person may sign again after withdrawing.
    expect(await store.add(signature({ ...a, id: randomUUID(), withdrawTokenHash: "w-again" }))).toBe("added");
  });

  test("lists every document when none is named", async () => {
    await store.add(signature({ document: "all-1", name: "En" }));
    await store.add(signature({ document: "all-2", name: "To" }));
    const names = (await store.list("accepted")).map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(["En", "To"]));
  });
});
