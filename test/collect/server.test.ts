import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { AssembledDocument } from "../../src/assemble/types.js";
import type { SignatureStore } from "../../src/collect/store.js";
import { ADMIN_TOKEN as ADMIN, approveAll, backends, elements, fixtureDocument, listen, pageText, signFields, Visitor } from "./helpers.js";

const XSS = [`<img src=x onerror=alert(1)>`, `"><script>alert(2)</script>`, `' onmouseover='alert(3)`];

const stores = backends();
let doc: AssembledDocument;
beforeAll(async () => {
  await stores.setup();
  doc = await fixtureDocument();
});
afterAll(() => stores.teardown());

/** Nothing a visitor typed became an element or a script: no img, no inline script, no event handler. */
function expectNoInjectedMarkup(html: string) {
  const all = elements(html);
  expect(all.filter((e) => e.tagName === "img")).toEqual([]);
  expect(all.filter((e) => e.tagName === "script" && !e.properties.src)).toEqual([]);
  expect(all.filter((e) => Object.keys(e.properties).some((p) => /^on/i.test(p)))).toEqual([]);
}

describe.each(stores.list)("sign-on server on $name", (backend) => {
  let store: SignatureStore;
  let app: FastifyInstance;
  let url: string;
  const all = async () => [...(await store.list("accepted", doc.name)), ...(await store.list("pending", doc.name))];

  beforeAll(async () => {
    store = await backend.open();
    ({ app, url } = await listen({ doc, store, adminToken: ADMIN, rateLimit: { max: 1000, timeWindow: "1 minute" } }));
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  test("the page shows the document, its version, the count and an accessible form", async () => {
    const page = await new Visitor(url).get("/");
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const text = pageText(page.text);
    expect(text).toContain("Opprop: behold smertetilbudet");
    expect(text).toContain("Behold dagens behandlingstilbud for mennesker med langvarige smerter");
    expect(text).toContain(doc.fingerprint);
    expect(text).toMatch(/\d+ underskrift/);
    // Signing a patient organisation's statement can reveal health information: said plainly.
    expect(text).toContain("kan det si noe om helsen din");
    const inputs = elements(page.text).filter((e) => e.tagName === "input");
    const names = inputs.map((e) => e.properties.name);
    for (const name of ["_csrf", "version", "type", "name", "organisation", "role", "orgnr", "place", "email", "publish", "consent", "website"]) expect(names).toContain(name);
    // Every visible text input has a label pointing at it.
    const labelled = new Set(elements(page.text).filter((e) => e.tagName === "label").map((e) => String(e.properties.htmlFor)));
    for (const input of inputs.filter((e) => e.properties.type === "text" || e.properties.type === "email")) expect(labelled).toContain(input.properties.id);
    expect(inputs.find((e) => e.properties.name === "consent")?.properties.required).toBe(true);
    expect(inputs.find((e) => e.properties.name === "version")?.properties.value).toBe(doc.fingerprint);
  });

  test("sends CSP and the other security headers; no inline script or style", async () => {
    const page = await new Visitor(url).get("/");
    const csp = page.headers.get("content-security-policy") ?? "";
    for (const directive of ["default-src 'none'", "script-src 'self'", "style-src 'self'", "form-action 'self'", "frame-ancestors 'none'", "base-uri 'none'"]) expect(csp).toContain(directive);
    expect(csp).not.toContain("unsafe-inline");
    expect(page.headers.get("x-content-type-options")).toBe("nosniff");
    expect(page.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    expect(page.headers.get("referrer-policy")).toBe("no-referrer");
    expect(page.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
    expect(page.headers.get("cache-control")).toBe("no-store");
    const cookie = page.headers.getSetCookie().find((c) => c.startsWith("_csrf="));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const tags = elements(page.text);
    expect(tags.filter((e) => e.tagName === "style")).toEqual([]);
    expect(tags.filter((e) => e.properties.style !== undefined)).toEqual([]);
    expect(tags.filter((e) => e.tagName === "script").map((e) => e.properties.src)).toEqual(["/live.js"]);
    const script = await new Visitor(url).get("/live.js");
    expect(script.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(script.text).toContain("count.json");
  });

  test("a person who consents is named on the page and counted once approved; version and consent are recorded", async () => {
    const visitor = new Visitor(url);
    const before = (await (await fetch(`${url}/count.json`)).json()).count;
    const answer = await visitor.post("/sign", signFields(doc, await visitor.csrf(), { name: "Åse Ørnes", email: "ase@example.no", role: "sykepleier", place: "Bodø" }));
    expect(answer.status).toBe(303);
    expect(answer.headers.get("location")).toBe("/thanks");
    expect(pageText((await visitor.get("/thanks")).text)).toContain("Underskriften er mottatt");
    // Without e-mail confirmation nobody can tell who signed: the count and the list wait for the administrator.
    expect((await (await fetch(`${url}/count.json`)).json()).count).toBe(before);
    expect(pageText((await visitor.get("/")).text)).not.toContain("Åse Ørnes");
    expect(await approveAll(url, store, doc.name)).toBe(1);
    const page = pageText((await visitor.get("/")).text);
    expect(page).toContain("Åse Ørnes — sykepleier, Bodø");
    expect(page).not.toContain("ase@example.no");
    expect((await (await fetch(`${url}/count.json`)).json()).count).toBe(before + 1);
    const [stored] = (await all()).filter((s) => s.email === "ase@example.no");
    expect(stored).toMatchObject({ version: doc.fingerprint, type: "person", publish: true, confirmed: true, approved: true });
    expect(Date.now() - Date.parse(stored.signedAt)).toBeLessThan(60_000);
    expect(stored.consentVersion).toMatch(/^[0-9a-f]{12}$/);
    expect(stored.consentVersion).toBe(elements((await visitor.get("/")).text).find((e) => e.properties.name === "consent_version")?.properties.value);
    expect(stored.consentAt).toBe(stored.signedAt);
  });

  test("a person without consent to publish is counted, not named", async () => {
    const visitor = new Visitor(url);
    const fields = signFields(doc, await visitor.csrf(), { name: "Hemmelig Hansen", email: "hemmelig@example.no" });
    delete fields.publish;
    expect((await visitor.post("/sign", fields)).status).toBe(303);
    await approveAll(url, store, doc.name);
    const page = pageText((await visitor.get("/")).text);
    expect(page).not.toContain("Hemmelig Hansen");
    const count = (await (await fetch(`${url}/count.json`)).json()).count;
    const named = (await store.list("public", doc.name)).length;
    expect(named).toBeLessThan(count);
    expect(page).toContain(`${count} underskrifter, ${named} navn vises.`);
  });

  test("CSRF: no token, a wrong token, or another visitor's token is refused and stores nothing", async () => {
    const before = (await all()).length;
    const visitor = new Visitor(url);
    const token = await visitor.csrf();
    const fields = signFields(doc, token, { email: "csrf@example.no" });
    const { _csrf, ...withoutToken } = fields;
    expect((await visitor.post("/sign", withoutToken)).status).toBe(403);
    expect((await visitor.post("/sign", { ...fields, _csrf: `${token.slice(0, -2)}xx` })).status).toBe(403);
    // A token is bound to the secret in its visitor's cookie: a forged page cannot reuse one.
    const attacker = new Visitor(url);
    expect((await attacker.post("/sign", fields)).status).toBe(403);
    const page = await visitor.post("/sign", withoutToken);
    expect(pageText(page.text)).toContain("Skjemaet er utløpt");
    expect((await all()).length).toBe(before);
  });

  test("XSS through every field shows as text on the page, in the error form and in the admin view", async () => {
    const admin = new Visitor(url, { authorization: `Bearer ${ADMIN}` });
    for (const payload of XSS) {
      const visitor = new Visitor(url);
      // Invalid orgnr and e-mail: the form comes back with every value as typed.
      const invalid = await visitor.post(
        "/sign",
        signFields(doc, await visitor.csrf(), { type: "organisation", name: payload, organisation: payload, role: payload, orgnr: payload, place: payload, email: payload, website: "" }),
      );
      expect(invalid.status).toBe(400);
      expectNoInjectedMarkup(invalid.text);
      const values = elements(invalid.text).filter((e) => e.tagName === "input" && ["name", "role", "orgnr", "place", "email"].includes(String(e.properties.name)));
      expect(values.map((e) => e.properties.value)).toEqual([payload, payload, payload, payload, payload]);

      const email = `xss${XSS.indexOf(payload)}@example.no`;
      expect((await visitor.post("/sign", signFields(doc, await visitor.csrf(), { name: payload, organisation: payload, role: payload, place: payload, email }))).status).toBe(303);
      expect((await visitor.post("/sign", signFields(doc, await visitor.csrf(), { type: "organisation", name: `Org ${payload}`, role: payload, place: payload, orgnr: "914852536", email }))).status).toBe(303);
      const adminBefore = await admin.get("/admin");
      expectNoInjectedMarkup(adminBefore.text);
      expect(pageText(adminBefore.text)).toContain(`Org ${payload}`);
      await approveAll(url, store, doc.name);
      const page = await visitor.get("/");
      expectNoInjectedMarkup(page.text);
      expect(pageText(page.text)).toContain(`${payload} — ${payload}, ${payload}, ${payload}`);
      const list = await visitor.get("/signatories?order=alphabetical");
      expectNoInjectedMarkup(list.text);
      expect(pageText(list.text)).toContain(`Org ${payload} — ${payload}, ${payload}`);
    }
  });

  test("an organisation waits for approval behind the admin token, then shows", async () => {
    const visitor = new Visitor(url);
    const fields = signFields(doc, await visitor.csrf(), { type: "organisation", name: "Foreningen for godkjenning", orgnr: "914 852 536", role: "styreleder", place: "Hamar", email: "post@forening.example.no" });
    expect((await visitor.post("/sign", fields)).status).toBe(303);
    expect(pageText((await visitor.get("/")).text)).not.toContain("Foreningen for godkjenning");

    expect((await new Visitor(url).get("/admin")).status).toBe(401);
    expect((await new Visitor(url).get("/admin")).headers.get("www-authenticate")).toMatch(/^Basic /);
    const wrong = new Visitor(url, { authorization: `Basic ${Buffer.from(`admin:${ADMIN}x`).toString("base64")}` });
    expect((await wrong.get("/admin")).status).toBe(401);
    const admin = new Visitor(url, { authorization: `Basic ${Buffer.from(`admin:${ADMIN}`).toString("base64")}` });
    const view = await admin.get("/admin");
    expect(view.status).toBe(200);
    expect(pageText(view.text)).toContain("Foreningen for godkjenning");
    const [pending] = (await store.list("pending", doc.name)).filter((s) => s.name === "Foreningen for godkjenning");
    expect(pending.orgnr).toBe("914852536");
    // Approving needs the admin's CSRF token too, and the admin token.
    expect((await admin.post(`/admin/approve/${pending.id}`, {})).status).toBe(403);
    const token = await admin.csrf("/admin");
    expect((await new Visitor(url).post(`/admin/approve/${pending.id}`, { _csrf: token })).status).toBe(401);
    const approved = await admin.post(`/admin/approve/${pending.id}`, { _csrf: token });
    expect(approved.status).toBe(303);
    expect(approved.headers.get("location")).toBe("/admin");
    expect(pageText((await visitor.get("/")).text)).toContain("Foreningen for godkjenning — styreleder, Hamar");
    expect(pageText((await admin.get("/admin")).text)).not.toContain("Foreningen for godkjenning");
  });

  test("an admin's rejection erases the sign-on", async () => {
    const visitor = new Visitor(url);
    await visitor.post("/sign", signFields(doc, await visitor.csrf(), { type: "organisation", name: "Avvises AS", email: "avvis@example.no" }));
    const [pending] = (await store.list("pending", doc.name)).filter((s) => s.name === "Avvises AS");
    const admin = new Visitor(url, { authorization: `Bearer ${ADMIN}` });
    expect((await admin.post(`/admin/reject/${pending.id}`, { _csrf: await admin.csrf("/admin") })).status).toBe(303);
    expect((await all()).filter((s) => s.email === "avvis@example.no")).toEqual([]);
  });

  test("the same answer whether or not the e-mail address already signed", async () => {
    const answers = [];
    for (let i = 0; i < 2; i++) {
      const visitor = new Visitor(url);
      const answer = await visitor.post("/sign", signFields(doc, await visitor.csrf(), { email: "twice@example.no", name: "To Ganger" }));
      const thanks = await visitor.get(answer.headers.get("location") ?? "");
      answers.push({ status: answer.status, location: answer.headers.get("location"), body: answer.text, thanks: thanks.text });
    }
    expect(answers[1]).toEqual(answers[0]);
    expect((await all()).filter((s) => s.email === "twice@example.no")).toHaveLength(1);
  });

  test("20 parallel identical submissions make one signature", async () => {
    const visitor = new Visitor(url);
    const fields = signFields(doc, await visitor.csrf(), { email: "parallel@example.no", name: "Parallell Person" });
    const answers = await Promise.all(Array.from({ length: 20 }, () => visitor.post("/sign", fields)));
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(303));
    expect((await all()).filter((s) => s.email === "parallel@example.no")).toHaveLength(1);
  });

  test("a filled honeypot gets the usual answer and stores nothing", async () => {
    const visitor = new Visitor(url);
    const answer = await visitor.post("/sign", signFields(doc, await visitor.csrf(), { email: "robot@example.no", website: "http://spam.example" }));
    expect(answer.status).toBe(303);
    expect(answer.headers.get("location")).toBe("/thanks");
    expect((await all()).filter((s) => s.email === "robot@example.no")).toEqual([]);
  });

  test("invalid input comes back as the form with the reasons; nothing is stored", async () => {
    const visitor = new Visitor(url);
    const cases: [Record<string, string>, RegExp][] = [
      [{ type: "organisation", orgnr: "914852537" }, /MOD11/],
      [{ email: "ikke-en-adresse" }, /gyldig e-postadresse/],
      [{ consent: "" }, /samtykke/],
      [{ name: "   " }, /Skriv navnet/],
      [{ type: "robot" }, /organisasjon eller som privatperson/],
      [{ place: "x".repeat(101) }, /lengre enn 100 tegn/],
    ];
    for (const [fields, reason] of cases) {
      const answer = await visitor.post("/sign", signFields(doc, await visitor.csrf(), { email: "invalid@example.no", ...fields }));
      expect(answer.status).toBe(400);
      const alert = elements(answer.text).find((e) => e.properties.role === "alert");
      expect(alert).toBeDefined();
      expect(pageText(answer.text)).toMatch(reason);
    }
    expect((await all()).filter((s) => s.email === "invalid@example.no")).toEqual([]);
  });

  test("a sign-on for another version of the text is refused with 409", async () => {
    const visitor = new Visitor(url);
    const answer = await visitor.post("/sign", signFields(doc, await visitor.csrf(), { version: "000000000000", email: "old@example.no" }));
    expect(answer.status).toBe(409);
    expect(pageText(answer.text)).toContain("Teksten er endret");
    expect((await all()).filter((s) => s.email === "old@example.no")).toEqual([]);
  });
});

describe("request limits (sqlite)", () => {
  let store: SignatureStore;
  let app: FastifyInstance;
  let url: string;
  beforeAll(async () => {
    store = await stores.list[0].open();
    ({ app, url } = await listen({ doc, store, rateLimit: { max: 100, timeWindow: "1 minute" } }));
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });
  const count = async () => (await store.list("pending", doc.name)).length;

  test("null bytes and invalid UTF-8 are answered 400 and store nothing", async () => {
    const bodies: (string | Uint8Array)[] = [];
    const visitor = new Visitor(url);
    const token = await visitor.csrf();
    const good = new URLSearchParams(signFields(doc, token, { email: "bytes@example.no" })).toString();
    bodies.push(good.replace("name=Kari", "name=Ka%00ri"));
    bodies.push(good.replace("name=Kari", "name=Ka%FFri"));
    bodies.push(good.replace("name=Kari", "name=Ka%C3ri"));
    bodies.push(Buffer.concat([Buffer.from(good.replace("name=Kari", "name=Ka")), Buffer.from([0xff, 0xfe]), Buffer.from("ri")]));
    bodies.push(Buffer.concat([Buffer.from(good.replace("name=Kari", "name=Ka")), Buffer.from([0x00]), Buffer.from("ri")]));
    for (const body of bodies) {
      const answer = await visitor.request("/sign", { method: "POST", body: body as BodyInit, headers: { "content-type": "application/x-www-form-urlencoded" } });
      expect(answer.status).toBe(400);
      expect(pageText(answer.text)).toContain("Ugyldig innsending");
    }
    expect(await count()).toBe(0);
    // The same form without the bad bytes goes through, and keeps its Norwegian letters.
    const fine = await visitor.post("/sign", good.replace("name=Kari", `name=${encodeURIComponent("Kåre Ødegård")}`));
    expect(fine.status).toBe(303);
    expect((await store.list("pending", doc.name)).map((s) => s.name)).toEqual(["Kåre Ødegård Nordmann"]);
  });

  test("a body over the limit is answered 413, a JSON body 415", async () => {
    const visitor = new Visitor(url);
    const big = await visitor.post("/sign", signFields(doc, await visitor.csrf(), { role: "x".repeat(20_000) }));
    expect(big.status).toBe(413);
    const json = await visitor.request("/sign", { method: "POST", body: JSON.stringify(signFields(doc, "x")), headers: { "content-type": "application/json" } });
    expect(json.status).toBe(415);
  });

  test("the per-address rate limit answers 429 after the limit", async () => {
    const limited = await stores.list[0].open();
    const server = await listen({ doc, store: limited, rateLimit: { max: 3, timeWindow: "1 minute" } });
    try {
      const visitor = new Visitor(server.url);
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await visitor.post("/sign", signFields(doc, await visitor.csrf(), { email: `rate${i}@example.no` }))).status);
      expect(statuses).toEqual([303, 303, 303, 429, 429]);
      expect((await limited.list("pending", doc.name)).length).toBe(3);
      const limitedAnswer = await visitor.post("/sign", signFields(doc, await visitor.csrf()));
      expect(limitedAnswer.headers.get("retry-after")).toMatch(/^\d+$/);
      expect(pageText(limitedAnswer.text)).toContain("For mange forsøk");
    } finally {
      await server.app.close();
      await limited.close();
    }
  });

  test("every route has a per-address limit too (600 a minute)", async () => {
    const own = await stores.list[0].open();
    const server = await listen({ doc, store: own });
    try {
      const statuses = await Promise.all(Array.from({ length: 601 }, () => fetch(`${server.url}/favicon.ico`).then((r) => r.status)));
      expect(statuses.filter((s) => s === 204)).toHaveLength(600);
      expect(statuses.filter((s) => s === 429)).toHaveLength(1);
      expect((await new Visitor(server.url).get("/")).status).toBe(429);
    } finally {
      await server.app.close();
      await own.close();
    }
  });

  test("without OPPROP_ADMIN_TOKEN there is no admin view", async () => {
    expect((await new Visitor(url, { authorization: "Bearer anything" }).get("/admin")).status).toBe(404);
    expect((await new Visitor(url).get("/admin")).status).toBe(404);
  });

  test("the load-test mode (explicit, off by default) is the only way to skip CSRF", async () => {
    const open = await stores.list[0].open();
    const server = await listen({ doc, store: open, unsafeLoadTestMode: true });
    try {
      const answer = await new Visitor(server.url).post("/sign", signFields(doc, "", { email: "bench@example.no" }));
      expect(answer.status).toBe(303);
      expect((await open.list("pending", doc.name)).length).toBe(1);
    } finally {
      await server.app.close();
      await open.close();
    }
  });

  test("unknown pages and links are 404 message pages", async () => {
    const visitor = new Visitor(url);
    for (const path of ["/nope", "/confirm/short", `/withdraw/${"b".repeat(43)}x`, "/signatories?page=0", "/signatories?page=x"]) {
      const answer = await visitor.get(path);
      expect(answer.status).toBe(404);
      expect(pageText(answer.text)).toContain("Fant ikke siden");
    }
  });
});

describe("the repository's example documents", () => {
  test("each one is served as a sign-on page in its own language", async () => {
    const examples = ["stotteerklaering-smertebehandling.md", "stotteerklaering-smertebehandling.en.md", "horingssvar-veileder-smerteklinikker.md"];
    for (const name of examples) {
      const example = await fixtureDocument(`${import.meta.dirname}/../../documents/${name}`);
      const store = await stores.list[0].open();
      const server = await listen({ doc: example, store });
      try {
        const page = await new Visitor(server.url).get("/");
        expect(page.status).toBe(200);
        const wrapper = elements(page.text).find((e) => e.tagName === "div" && e.properties.lang);
        expect(wrapper?.properties.lang).toBe({ nb: "nb-NO", nn: "nn-NO", en: "en-GB" }[example.meta.lang]);
        expect(pageText(page.text)).toContain(example.meta.title);
        expect(pageText(page.text)).toContain(example.fingerprint);
        expectNoInjectedMarkup(page.text);
      } finally {
        await server.app.close();
        await store.close();
      }
    }
  });
});
