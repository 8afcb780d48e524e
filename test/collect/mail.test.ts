import { readFile } from "node:fs/promises";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { AssembledDocument } from "../../src/assemble/types.js";
import type { SignatureStore } from "../../src/collect/store.js";
import { backends, fixtureDocument, listen, mailLinks, pageText, signFields, smtpSink, Visitor } from "./helpers.js";

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

const path = (link: string) => new URL(link).pathname;
const count = async (url: string) => (await (await fetch(`${url}/count.json`)).json()).count as number;

describe.each(stores.list)("double opt-in over SMTP on $name", (backend) => {
  let store: SignatureStore;
  let app: FastifyInstance;
  let url: string;
  beforeAll(async () => {
    store = await backend.open();
    ({ app, url } = await listen({ doc, store, smtpUrl: sink.url, rateLimit: { max: 1000, timeWindow: "1 minute" } }));
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  test("a sign-on counts only after the button behind the e-mail's link is pressed; it works twice", async () => {
    const visitor = new Visitor(url);
    const email = `confirm-${backend.name}@example.no`;
    const answer = await visitor.post("/sign", signFields(doc, await visitor.csrf(), { email, name: "Bekreftet Berit" }));
    expect(answer.status).toBe(303);
    expect(pageText((await visitor.get("/thanks")).text)).toContain("har vi sendt en e-post");
    expect(await count(url)).toBe(0);
    expect(pageText((await visitor.get("/")).text)).not.toContain("Bekreftet Berit");

    const mail = await sink.next();
    expect(mail.to).toEqual([email]);
    expect(mail.subject).toContain("Bekreft");
    expect(mail.text).toContain(doc.meta.title);
    const { confirm } = mailLinks(mail);
    expect(confirm.startsWith(`${url}/confirm/`)).toBe(true);
    // A mail scanner or a link preview opens the link (GET and HEAD): that confirms nothing.
    const opened = await new Visitor(url).get(path(confirm));
    expect(opened.status).toBe(200);
    expect(pageText(opened.text)).toContain("Bekreft underskriften");
    expect((await fetch(confirm, { method: "HEAD" })).status).toBe(200);
    expect(await count(url)).toBe(0);
    // The button's POST needs the CSRF token of the visitor who opened the page.
    const token = /name="_csrf" value="([^"]+)"/.exec(opened.text)![1];
    expect((await new Visitor(url).post(path(confirm), { _csrf: token })).status).toBe(403);
    expect(await count(url)).toBe(0);
    for (let i = 0; i < 2; i++) {
      const confirmed = await visitor.pressLink(confirm);
      expect(confirmed.status).toBe(200);
      expect(pageText(confirmed.text)).toContain("E-postadressen er bekreftet");
    }
    expect(await count(url)).toBe(1);
    expect(pageText((await visitor.get("/")).text)).toContain("Bekreftet Berit");
    const [stored] = (await store.list("accepted", doc.name)).filter((s) => s.email === email);
    expect(stored).toMatchObject({ confirmed: true, version: doc.fingerprint });
  });

  test("signing again with the same address gives the same answer and sends no second mail", async () => {
    const email = `again-${backend.name}@example.no`;
    const first = new Visitor(url);
    const a = await first.post("/sign", signFields(doc, await first.csrf(), { email }));
    await sink.next();
    const second = new Visitor(url);
    const b = await second.post("/sign", signFields(doc, await second.csrf(), { email }));
    expect([b.status, b.headers.get("location"), b.text]).toEqual([a.status, a.headers.get("location"), a.text]);
    const sent = sink.mails.length;
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(sink.mails.length).toBe(sent);
  });

  test("the withdraw link asks first, then erases the sign-on; the person may sign again", async () => {
    const email = `withdraw-${backend.name}@example.no`;
    const visitor = new Visitor(url);
    await visitor.post("/sign", signFields(doc, await visitor.csrf(), { email, name: "Angrende Anders" }));
    const { confirm, withdraw } = mailLinks(await sink.next());
    await visitor.pressLink(confirm);
    const before = await count(url);

    // Opening the link (as a mail scanner would) erases nothing.
    const question = await visitor.get(path(withdraw));
    expect(question.status).toBe(200);
    expect(await count(url)).toBe(before);
    const token = /name="_csrf" value="([^"]+)"/.exec(question.text)![1];
    expect((await new Visitor(url).post(path(withdraw), { _csrf: token })).status).toBe(403);
    const done = await visitor.post(path(withdraw), { _csrf: token });
    expect(done.status).toBe(200);
    expect(pageText(done.text)).toContain("trukket tilbake");
    expect(await count(url)).toBe(before - 1);
    expect((await store.list("accepted", doc.name)).filter((s) => s.email === email)).toEqual([]);
    expect((await visitor.pressLink(confirm)).status).toBe(404);
    expect((await visitor.post(path(withdraw), { _csrf: token })).status).toBe(404);

    if (backend.name === "sqlite") {
      // Erased from the file itself, not only unlinked: no copy in free pages or the WAL.
      const bytes = Buffer.concat(await Promise.all(["", "-wal"].map((suffix) => readFile(backend.lastUrl + suffix).catch(() => Buffer.alloc(0)))));
      expect(bytes.includes(Buffer.from(email))).toBe(false);
      expect(bytes.includes(Buffer.from("Angrende Anders"))).toBe(false);
    }

    const again = new Visitor(url);
    expect((await again.post("/sign", signFields(doc, await again.csrf(), { email, name: "Angrende Anders" }))).status).toBe(303);
    expect(mailLinks(await sink.next()).confirm).not.toBe(confirm);
  });

  test("an organisation needs both the confirmation and the approval", async () => {
    const email = `org-${backend.name}@example.no`;
    const visitor = new Visitor(url);
    await visitor.post("/sign", signFields(doc, await visitor.csrf(), { type: "organisation", name: "Dobbel Kontroll", orgnr: "914852536", email }));
    expect(await store.list("pending", doc.name)).toEqual([]);
    await visitor.pressLink(mailLinks(await sink.next()).confirm);
    const pending = (await store.list("pending", doc.name)).filter((s) => s.email === email);
    expect(pending).toHaveLength(1);
    expect(await store.list("public", doc.name)).not.toContainEqual(expect.objectContaining({ email }));
  });
});
