/**
 * The attacks and faults of issue 13, each performed against a real server
 * (SQLite, and PostgreSQL where it says so): spoofed X-Forwarded-For, link
 * scanners, mailbox enumeration, admin guessing, a dead SMTP server, bidi names.
 */
import type { AddressInfo } from "node:net";
import { createServer } from "node:net";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { AssembledDocument } from "../../src/assemble/types.js";
import type { CollectServerOptions } from "../../src/collect/server.js";
import type { SignatureStore } from "../../src/collect/store.js";
import { ADMIN_TOKEN, approveAll, backends, bundleCli, exited, fixtureDocument, listen, mailLinks, pageText, postgresAvailable, signFields, smtpSink, startCollect, startPostgres, Visitor } from "./helpers.js";

const stores = backends();
let doc: AssembledDocument;
let sink: Awaited<ReturnType<typeof smtpSink>>;
beforeAll(async () => {
  await stores.setup();
  doc = await fixtureDocument();
  sink = await smtpSink();
});
afterAll(async () => {
  await sink.close();
  await stores.teardown();
});

/** A server on a fresh SQLite store; closed after the test. */
async function serve(options: Partial<CollectServerOptions> = {}) {
  const store = await stores.list[0].open();
  const server = await listen({ doc, store, adminToken: ADMIN_TOKEN, rateLimit: { max: 1000, timeWindow: "1 minute" }, ...options });
  return { store, ...server, close: async () => (await server.app.close(), await store.close()) };
}

const count = async (url: string) => (await (await fetch(`${url}/count.json`)).json()).count as number;
const sign = async (url: string, fields: Record<string, string>, headers: Record<string, string> = {}) => {
  const visitor = new Visitor(url, headers);
  return visitor.post("/sign", signFields(doc, await visitor.csrf(), fields));
};

describe("--trust-proxy (the CLI as a process)", () => {
  let cli: Awaited<ReturnType<typeof bundleCli>>;
  beforeAll(async () => {
    cli = await bundleCli();
  });
  afterAll(() => cli.remove());
  /** A fresh SQLite file for one process. */
  const freshDb = async () => {
    await (await stores.list[0].open()).close();
    return stores.list[0].lastUrl!;
  };

  test("behind one proxy, a spoofed X-Forwarded-For does not reset the limit (bare --trust-proxy = 1)", async () => {
    const { child } = await (async () => {
      const started = await startCollect(cli.file, await freshDb(), ["--rate-limit", "5", "--trust-proxy"]);
      const statuses: number[] = [];
      for (let i = 0; i < 30; i++) {
        // What nginx sends on: the client's own (forged) header, then the address nginx saw.
        const answer = await sign(started.url, { email: `spoof${i}@example.no` }, { "x-forwarded-for": `10.9.${i}.1, 203.0.113.7` });
        statuses.push(answer.status);
      }
      expect(statuses.filter((s) => s === 303)).toHaveLength(5);
      expect(statuses.filter((s) => s === 429)).toHaveLength(25);
      // Another client behind the same proxy has its own limit.
      expect((await sign(started.url, { email: "other@example.no" }, { "x-forwarded-for": "203.0.113.8" })).status).toBe(303);
      return started;
    })();
    child.kill("SIGTERM");
    expect(await exited(child)).toBe(0);
  });

  test("--trust-proxy ADDR trusts only that proxy; a bad value is a usage error", async () => {
    const db = await freshDb();
    const { child, url } = await startCollect(cli.file, db, ["--rate-limit", "2", "--trust-proxy", "127.0.0.1"]);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await sign(url, { email: `addr${i}@example.no` }, { "x-forwarded-for": `10.8.${i}.1, 198.51.100.4` })).status);
    expect(statuses).toEqual([303, 303, 429, 429]);
    child.kill("SIGTERM");
    await exited(child);
    await expect(startCollect(cli.file, db, ["--trust-proxy", "nginx"])).rejects.toThrow(/--trust-proxy takes the number of proxies/);
  });

  test("refuses an admin token under 32 characters and says how to make one; SMTP needs --public-url", async () => {
    const db = await freshDb();
    const short = startCollect(cli.file, db, [], { OPPROP_ADMIN_TOKEN: "hemmelig123" });
    await expect(short).rejects.toThrow(/exited with 2[\s\S]*at least 32[\s\S]*openssl rand -hex 32/);
    const smtp = startCollect(cli.file, db, [], { OPPROP_SMTP_URL: sink.url });
    await expect(smtp).rejects.toThrow(/exited with 2[\s\S]*--public-url/);
    const { child, output } = await startCollect(cli.file, db, ["--public-url", "https://opprop.example.no"], { OPPROP_SMTP_URL: sink.url, OPPROP_ADMIN_TOKEN: ADMIN_TOKEN });
    await expect.poll(output).toContain("/admin");
    child.kill("SIGTERM");
    await exited(child);
  });
});

describe("confirm links", () => {
  test("expire after 7 days; the unconfirmed sign-on is then deleted", async () => {
    let clock = new Date("2026-11-25T12:00:00Z");
    const server = await serve({ smtpUrl: sink.url, now: () => clock });
    try {
      const visitor = new Visitor(server.url);
      await visitor.post("/sign", signFields(doc, await visitor.csrf(), { email: "late@example.no" }));
      const { confirm } = mailLinks(await sink.next());
      expect(sink.mails.at(-1)!.text).toContain("7 dager");
      clock = new Date("2026-12-02T12:00:01Z");
      expect((await visitor.pressLink(confirm)).status).toBe(404);
      expect(await server.store.deleteExpired(clock.toISOString())).toBe(1);
      expect(await count(server.url)).toBe(0);
    } finally {
      await server.close();
    }
  });

  test("a link pressed within 7 days confirms", async () => {
    let clock = new Date("2026-11-25T12:00:00Z");
    const server = await serve({ smtpUrl: sink.url, now: () => clock });
    try {
      const visitor = new Visitor(server.url);
      await visitor.post("/sign", signFields(doc, await visitor.csrf(), { email: "intime@example.no" }));
      clock = new Date("2026-12-02T11:59:00Z");
      expect((await visitor.pressLink(mailLinks(await sink.next()).confirm)).status).toBe(200);
      expect(await count(server.url)).toBe(1);
    } finally {
      await server.close();
    }
  });
});

describe.each(stores.list)("one mailbox, one person on $name", (backend) => {
  test("another name from the same address: the same answer, no second mail, one sign-on; a re-send after 10 minutes", async () => {
    let clock = new Date("2026-11-25T12:00:00Z");
    const store = await backend.open();
    const { app, url } = await listen({ doc, store, smtpUrl: sink.url, rateLimit: { max: 1000, timeWindow: "1 minute" }, now: () => clock });
    try {
      const email = `mailbox-${backend.name}@example.no`;
      const first = await sign(url, { email, name: "Første Navn" });
      const { confirm } = mailLinks(await sink.next());
      const sent = sink.mails.length;
      const second = await sign(url, { email: email.toUpperCase(), name: "Helt Annet Navn" });
      expect([second.status, second.headers.get("location"), second.text]).toEqual([first.status, first.headers.get("location"), first.text]);
      clock = new Date("2026-11-25T12:09:00Z");
      await sign(url, { email, name: "Tredje Navn" });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(sink.mails.length).toBe(sent);
      // Ten minutes after the last mail, signing again sends new links (the old ones stop working).
      clock = new Date("2026-11-25T12:10:30Z");
      expect((await sign(url, { email, name: "Fjerde Navn" })).headers.get("location")).toBe("/thanks");
      const again = mailLinks(await sink.next());
      expect(again.confirm).not.toBe(confirm);
      const visitor = new Visitor(url);
      expect((await visitor.pressLink(confirm)).status).toBe(404);
      expect((await visitor.pressLink(again.confirm)).status).toBe(200);
      const stored = (await store.list("accepted", doc.name)).filter((s) => s.email.toLowerCase() === email);
      expect(stored.map((s) => s.name)).toEqual(["Første Navn"]);
    } finally {
      await app.close();
      await store.close();
    }
  });
});

describe("without SMTP", () => {
  test("a person waits for approval; nothing on the page or in the count tells who signed", async () => {
    const server = await serve();
    try {
      const page = pageText((await new Visitor(server.url).get("/")).text);
      // No promise of an e-mail that never comes.
      expect(page).not.toMatch(/lenken i e-posten|sender deg en lenke/);
      const before = (await new Visitor(server.url).get("/")).text.replace(/name="_csrf" value="[^"]+"/, "");
      const a = await sign(server.url, { email: "stille@example.no", name: "Stille Person" });
      const b = await sign(server.url, { email: "stille@example.no", name: "Stille Person" });
      expect([b.status, b.headers.get("location"), b.text]).toEqual([a.status, a.headers.get("location"), a.text]);
      expect(pageText((await new Visitor(server.url).get("/thanks")).text)).not.toMatch(/e-post/i);
      expect(await count(server.url)).toBe(0);
      const after = (await new Visitor(server.url).get("/")).text.replace(/name="_csrf" value="[^"]+"/, "");
      expect(after).toBe(before);
      expect((await server.store.list("pending", doc.name)).map((s) => s.name)).toEqual(["Stille Person"]);
      await approveAll(server.url, server.store, doc.name);
      expect(await count(server.url)).toBe(1);
    } finally {
      await server.close();
    }
  });
});

describe("/admin", () => {
  test("failed logins are limited per client before the token is checked", async () => {
    const server = await serve();
    try {
      const statuses = [];
      for (let i = 0; i < 15; i++) statuses.push((await new Visitor(server.url, { authorization: `Bearer guess-${i}` }).get("/admin")).status);
      expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
      expect(statuses.slice(10)).toEqual(Array(5).fill(429));
      // Even the right token is refused from this address now: guessing cannot go on.
      const right = await new Visitor(server.url, { authorization: `Bearer ${ADMIN_TOKEN}` }).get("/admin");
      expect(right.status).toBe(429);
      expect(right.headers.get("retry-after")).toMatch(/^\d+$/);
    } finally {
      await server.close();
    }
  });
});

describe("a dead SMTP server", () => {
  test("is logged, the signer is told the mail was not sent, and nothing is kept", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const logged: string[] = [];
    const server = await serve({ smtpUrl: `smtp://127.0.0.1:${port}`, log: (line) => logged.push(line) });
    try {
      const answer = await sign(server.url, { email: "dead@example.no" });
      expect(answer.status).toBe(503);
      expect(pageText(answer.text)).toContain("E-posten kunne ikke sendes");
      expect(pageText(answer.text)).not.toContain("har vi sendt");
      expect(logged.join("\n")).toMatch(/could not send the confirmation e-mail: .*ECONNREFUSED/);
      const all = [...(await server.store.list("accepted")), ...(await server.store.list("pending"))];
      expect(all.filter((s) => s.email === "dead@example.no")).toEqual([]);
    } finally {
      await server.close();
    }
  });
});

describe("fields", () => {
  test("bidi overrides, isolates and marks are removed before storing", async () => {
    const server = await serve();
    try {
      expect((await sign(server.url, { name: "Kari \u202Enavnsen\u202C \u2066Nord\u2069\u200F", place: "Ber\u202Dgen", email: "bidi@example.no" })).status).toBe(303);
      const [stored] = await server.store.list("pending", doc.name);
      expect(stored.name).toBe("Kari navnsen Nord");
      expect(stored.place).toBe("Bergen");
    } finally {
      await server.close();
    }
  });
});

describe("the page's language", () => {
  test("bokmål by default and for other languages, English when the browser asks for it", async () => {
    const server = await serve();
    try {
      const text = async (language?: string) => pageText((await new Visitor(server.url, language ? { "accept-language": language } : {}).get("/")).text);
      expect(await text()).toContain("Jeg samtykker");
      expect(await text("de-DE,de;q=0.9")).toContain("Jeg samtykker");
      const english = await text("en-GB,en;q=0.9");
      expect(english).toContain("I consent to my data being processed");
      expect(english).toContain("0 signatures");
      expect(await text("nb-NO,nb;q=0.9,en;q=0.8")).toContain("Jeg samtykker");
      const visitor = new Visitor(server.url, { "accept-language": "en" });
      const invalid = await visitor.post("/sign", signFields(doc, await visitor.csrf(), { email: "nope" }));
      expect(pageText(invalid.text)).toContain("Write a valid e-mail address.");
    } finally {
      await server.close();
    }
  });
});

describe("consent", () => {
  test("the text names the controller, purpose, art. 9(2)(a), retention, rights and Datatilsynet", async () => {
    const server = await serve({ closes: "2027-01-31", retainDays: 60 });
    try {
      const visitor = new Visitor(server.url);
      const page = await visitor.get("/");
      const consent = pageText(/<p id="consent-text"[^>]*>([\s\S]*?)<\/p>/.exec(page.text)![1]);
      expect(consent).toContain("Behandlingsansvarlig er Testforeningen for smertepasienter");
      expect(consent).toContain("Formål");
      expect(consent).toContain("artikkel 9 nr. 2 bokstav a");
      expect(consent).toContain("stenger 2027-01-31");
      expect(consent).toContain("60 dager etter");
      expect(consent).toMatch(/innsyn.*trekke samtykket tilbake.*slettet/);
      expect(consent).toContain("Datatilsynet");
      // A form with an unknown consent version (another text) is refused.
      const stale = await visitor.post("/sign", signFields(doc, await visitor.csrf(), { consent_version: "000000000000", email: "stale@example.no" }));
      expect(stale.status).toBe(409);
    } finally {
      await server.close();
    }
  });
});

describe("closing and retention", () => {
  test("after --closes the page has no form and a sign-on is refused", async () => {
    const server = await serve({ closes: "2026-11-30", now: () => new Date("2026-12-01T08:00:00Z") });
    try {
      const page = await new Visitor(server.url).get("/");
      expect(pageText(page.text)).toContain("stengte 2026-11-30");
      expect(page.text).not.toContain('action="/sign"');
      const visitor = new Visitor(server.url);
      const token = await visitor.csrf("/withdraw/" + "a".repeat(43));
      expect((await visitor.post("/sign", signFields(doc, token))).status).toBe(410);
    } finally {
      await server.close();
    }
  });

  test("--retain-days after closing, personal data are erased when the server runs", async () => {
    const store = await stores.list[0].open();
    const file = stores.list[0].lastUrl!;
    const early = await listen({ doc, store, adminToken: ADMIN_TOKEN, rateLimit: { max: 100, timeWindow: "1 minute" }, closes: "2026-12-31", retainDays: 30, now: () => new Date("2026-12-01T00:00:00Z") });
    await sign(early.url, { email: "retain@example.no", name: "Beholdt Navn" });
    await approveAll(early.url, store, doc.name);
    await early.app.close();
    expect((await store.list("accepted", doc.name)).map((s) => s.email)).toEqual(["retain@example.no"]);
    const late = await listen({ doc, store, closes: "2026-12-31", retainDays: 30, now: () => new Date("2027-01-31T00:00:00Z"), log: () => {} });
    await late.app.close();
    expect((await store.list("accepted", doc.name)).map((s) => [s.name, s.email])).toEqual([["Beholdt Navn", ""]]);
    await store.close();
    const { readFile } = await import("node:fs/promises");
    const bytes = Buffer.concat(await Promise.all(["", "-wal", "-shm"].map((s) => readFile(file + s).catch(() => Buffer.alloc(0)))));
    expect(bytes.includes(Buffer.from("retain@example.no"))).toBe(false);
  });
});

describe.skipIf(!postgresAvailable)("two collect processes on one PostgreSQL database", () => {
  let cli: Awaited<ReturnType<typeof bundleCli>>;
  let cluster: Awaited<ReturnType<typeof startPostgres>>;
  beforeAll(async () => {
    cli = await bundleCli();
    cluster = await startPostgres();
  });
  afterAll(async () => {
    await cluster?.stop();
    await cli?.remove();
  });

  test("share one rate limit: 5 a minute in all, not 5 each", async () => {
    const db = await cluster.freshDatabase();
    const a = await startCollect(cli.file, db, ["--rate-limit", "5"]);
    const b = await startCollect(cli.file, db, ["--rate-limit", "5"]);
    try {
      const statuses = [];
      for (let i = 0; i < 10; i++) statuses.push((await sign(i % 2 ? b.url : a.url, { email: `shared${i}@example.no` })).status);
      expect(statuses.filter((s) => s === 303)).toHaveLength(5);
      expect(statuses.filter((s) => s === 429)).toHaveLength(5);
    } finally {
      a.child.kill("SIGTERM");
      b.child.kill("SIGTERM");
      await Promise.all([exited(a.child), exited(b.child)]);
    }
  });
});
