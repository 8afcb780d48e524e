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
    for (const s of [org, hidden, named]) expect(await store.add(s)).toBe(true);

    expect(await store.count("fields")).toBe(2);
    expect((await store.list("public", "fields")).map((s) => s.name)).toEqual(["Åse Åpen"]);
    const [pending] = await store.list("pending", "fields");
    const { dedupeKey: _k, withdrawTokenHash: _w, confirmTokenHash: _c, ...stored } = org;
    expect(pending).toEqual({ ...stored, organisation: undefined });
    expect(await store.approve(org.id)).toBe(true);
    expect((await store.list("accepted", "fields")).map((s) => s.name)).toEqual(["Smerteforeningen", "Ola Skjult", "Åse Åpen"]);
    expect((await store.list("accepted", "fields"))[1]).toMatchObject({ organisation: "Sykehuset", role: "lege", publish: false });
    expect(await store.count("fields")).toBe(3);
    expect(await store.count("another document")).toBe(0);
  });

  test("the same dedupe key twice is one sign-on, also when 20 arrive at once", async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => store.add(signature({ document: "dedupe", dedupeKey: "same" }))));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await store.list("accepted", "dedupe")).toHaveLength(1);
    // The same key in another document is another sign-on.
    expect(await store.add(signature({ document: "dedupe 2", dedupeKey: "same" }))).toBe(true);
  });

  test("confirm is idempotent and only counts confirmed sign-ons", async () => {
    await store.add(signature({ document: "confirm", confirmed: false, confirmTokenHash: "c-1" }));
    expect(await store.count("confirm")).toBe(0);
    expect(await store.list("pending", "confirm")).toEqual([]);
    expect(await store.confirm("c-1")).toBe(true);
    expect(await store.confirm("c-1")).toBe(true);
    expect(await store.confirm("c-unknown")).toBe(false);
    expect(await store.count("confirm")).toBe(1);
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
    expect(await store.add(signature({ ...a, id: randomUUID(), withdrawTokenHash: "w-again" }))).toBe(true);
  });

  test("lists every document when none is named", async () => {
    await store.add(signature({ document: "all-1", name: "En" }));
    await store.add(signature({ document: "all-2", name: "To" }));
    const names = (await store.list("accepted")).map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(["En", "To"]));
  });
});
