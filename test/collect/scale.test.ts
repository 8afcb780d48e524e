/**
 * The public page at campaign size: a bounded page however many names, the
 * whole list reachable in pages (newest first and alphabetical), and a page
 * rendered once between changes.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { AssembledDocument } from "../../src/assemble/types.js";
import type { NewSignature, SignatureStore } from "../../src/collect/store.js";
import { backends, fixtureDocument, listen, pageText, Visitor } from "./helpers.js";

const stores = backends();
let doc: AssembledDocument;
let store: SignatureStore;
const NAMES = 5000;
beforeAll(async () => {
  await stores.setup();
  doc = await fixtureDocument();
  store = await stores.list[0].open();
  const at = "2026-11-25T02:00:00.000Z";
  const signature = (i: number): NewSignature => {
    const id = randomUUID();
    return { id, document: doc.name, dedupeKey: id, type: "person", name: `Person ${String(i).padStart(5, "0")}`, role: "medlem", place: "Tromsø", email: `${id}@example.no`, publish: true, version: doc.fingerprint, signedAt: at, consentVersion: "c", consentAt: at, confirmed: true, approved: true, withdrawTokenHash: id };
  };
  await Promise.all(Array.from({ length: NAMES }, (_, i) => store.add(signature(i))));
});
afterAll(async () => {
  await store.close();
  await stores.teardown();
});

const listed = (html: string) => [...html.matchAll(/<li>Person \d+/g)].length;

test("the front page shows the count and the newest 50 names, not all of them", async () => {
  const { app, url } = await listen({ doc, store });
  try {
    const page = await new Visitor(url).get("/");
    expect(pageText(page.text)).toMatch(/5\s000 underskrifter/);
    expect(listed(page.text)).toBe(50);
    expect(pageText(page.text)).toContain(`Person ${String(NAMES - 1).padStart(5, "0")} — medlem, Tromsø`);
    expect(Buffer.byteLength(page.text)).toBeLessThan(60_000);
    expect(page.text).toContain('href="/signatories?order=alphabetical"');
  } finally {
    await app.close();
  }
});

test("every name can be reached in pages of 200, alphabetically and newest first", async () => {
  const { app, url } = await listen({ doc, store });
  try {
    const visitor = new Visitor(url);
    const seen = new Set<string>();
    let next: string | undefined = "/signatories?order=alphabetical";
    let pages = 0;
    while (next) {
      const page = await visitor.get(next);
      expect(page.status).toBe(200);
      expect(listed(page.text)).toBeLessThanOrEqual(200);
      for (const match of page.text.matchAll(/<li>(Person \d+)/g)) seen.add(match[1]);
      next = /<a href="([^"]+)" rel="next">/.exec(page.text)?.[1]?.replace(/&#x26;|&amp;/g, "&");
      pages++;
      if (pages > 100) throw new Error(`no end of pages: ${next}`);
    }
    expect(pages).toBe(NAMES / 200);
    expect(seen.size).toBe(NAMES);
    const first = await visitor.get("/signatories?order=alphabetical&page=1");
    expect(/<li>(Person \d+)/.exec(first.text)?.[1]).toBe("Person 00000");
    const latest = await visitor.get("/signatories?order=latest&page=1");
    expect(/<li>(Person \d+)/.exec(latest.text)?.[1]).toBe(`Person ${String(NAMES - 1).padStart(5, "0")}`);
    expect(pageText(latest.text)).toContain(`Side 1 av ${NAMES / 200}`);
  } finally {
    await app.close();
  }
});

test("the page is rendered once between changes, and again after one", async () => {
  let lists = 0;
  const counting: SignatureStore = {
    ...store,
    publicPage: (...args) => {
      lists++;
      return store.publicPage(...args);
    },
    close: async () => {},
  };
  const { app, url } = await listen({ doc, store: counting, adminToken: "admin-token-for-the-cache-test-0123456789" });
  try {
    await Promise.all(Array.from({ length: 20 }, () => new Visitor(url).get("/")));
    expect(lists).toBe(1);
    // Each visitor still gets a CSRF token of their own.
    const tokens = await Promise.all(Array.from({ length: 3 }, () => new Visitor(url).csrf()));
    expect(new Set(tokens).size).toBe(3);
    const id = randomUUID();
    const at = new Date().toISOString();
    await store.add({ id, document: doc.name, dedupeKey: id, type: "person", name: "Ny Nina", email: "nina@example.no", publish: true, version: doc.fingerprint, signedAt: at, consentVersion: "c", consentAt: at, confirmed: true, approved: false, withdrawTokenHash: id });
    await new Visitor(url).get("/");
    expect(lists).toBe(1);
    const admin = new Visitor(url, { authorization: "Bearer admin-token-for-the-cache-test-0123456789" });
    expect((await admin.post(`/admin/approve/${id}`, { _csrf: await admin.csrf("/admin") })).status).toBe(303);
    const after = await new Visitor(url).get("/");
    expect(lists).toBe(2);
    expect(pageText(after.text)).toMatch(/5\s001 underskrifter/);
    expect(pageText(after.text)).toContain("Ny Nina");
  } finally {
    await app.close();
  }
});
