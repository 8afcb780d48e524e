/**
 * The form in Chromium, as a phone and a desktop show it: the error summary takes
 * the focus and links to the fields, invalid fields say so, the form is one tap
 * away at the top, nothing overflows at 390 px, and axe-core finds no violations
 * on any page of the sign-on.
 */
import type { FastifyInstance } from "fastify";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { AssembledDocument } from "../../src/assemble/types.js";
import type { SignatureStore } from "../../src/collect/store.js";
import { axeViolations } from "../helpers/browser.js";
import { ADMIN_TOKEN, backends, fixtureDocument, haveBrowser, launchChromium, listen, mailLinks, smtpSink } from "./helpers.js";

const stores = backends();
let doc: AssembledDocument;
let store: SignatureStore;
let app: FastifyInstance;
let url: string;
let browser: Browser;
let sink: Awaited<ReturnType<typeof smtpSink>>;

beforeAll(async () => {
  if (!haveBrowser) return;
  await stores.setup();
  doc = await fixtureDocument();
  sink = await smtpSink();
  store = await stores.list[0].open();
  ({ app, url } = await listen({ doc, store, adminToken: ADMIN_TOKEN, smtpUrl: sink.url }));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await store?.close();
  await sink?.close();
  await stores.teardown();
});

// A Norwegian browser: it asks for bokmål (Chromium asks for English otherwise, and gets it).
const NORWEGIAN = { locale: "nb-NO" };
const PHONE = { ...NORWEGIAN, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

/** An organisation with an orgnr that fails MOD11: the browser lets it through, the server does not. */
async function submitInvalid(page: Page) {
  await page.goto(url + "/");
  await page.getByLabel("på vegne av en organisasjon").check();
  await page.getByLabel("Navn", { exact: true }).fill("Feilforeningen");
  await page.getByLabel("Organisasjonsnummer (organisasjoner)").fill("914852537");
  await page.getByLabel("E-post", { exact: true }).fill("feil@example.no");
  await page.getByLabel("Jeg samtykker").check();
  await page.getByRole("button", { name: "Signer" }).click();
  await page.waitForLoadState("load");
}

test.skipIf(!haveBrowser)("after a failed submit the error summary has the focus and links to the invalid field", async () => {
  for (const javaScriptEnabled of [true, false]) {
    const page = await (await browser.newContext({ ...PHONE, javaScriptEnabled })).newPage();
    await submitInvalid(page);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("error-summary");
    const link = page.locator("#error-summary a").first();
    expect(await link.textContent()).toMatch(/MOD11/);
    expect(await link.getAttribute("href")).toBe("#field-orgnr");
    expect(await page.locator("#field-orgnr").getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("#field-email").getAttribute("aria-invalid")).toBeNull();
    // What was typed is still there.
    expect(await page.locator("#field-name").inputValue()).toBe("Feilforeningen");
    await link.click();
    expect(new URL(page.url()).hash).toBe("#field-orgnr");
    await page.context().close();
  }
});

test.skipIf(!haveBrowser)("on a phone: a Signer link at the top leads to the form; nothing overflows at 390 px", async () => {
  const page = await (await browser.newContext(PHONE)).newPage();
  await page.goto(url + "/");
  const skip = page.getByRole("link", { name: "Signer", exact: true });
  const box = (await skip.boundingBox())!;
  expect(box.y + box.height).toBeLessThan(844);
  await skip.click();
  expect(new URL(page.url()).hash).toBe("#signer");
  expect(await page.locator("#sign-heading").evaluate((e) => e.getBoundingClientRect().top)).toBeLessThan(844);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  // Every field stays inside the form and its fieldset.
  const outside = await page.evaluate(() =>
    [...document.querySelectorAll("#signer input:not([type=hidden]):not(#field-website)")]
      .filter((input) => {
        const box = input.getBoundingClientRect();
        const container = (input.closest("fieldset") ?? input.closest("form"))!.getBoundingClientRect();
        return box.left < container.left || box.right > container.right;
      })
      .map((input) => input.id || input.getAttribute("name")),
  );
  expect(outside).toEqual([]);
  await page.context().close();
});

test.skipIf(!haveBrowser)("axe-core finds no violations on the sign-on pages, on a phone and a desktop", { timeout: 180_000 }, async () => {
  for (const device of [PHONE, { ...NORWEGIAN, viewport: { width: 1280, height: 900 } }]) {
    const context = await browser.newContext({ ...device, bypassCSP: true });
    const page = await context.newPage();
    const check = async (what: string) => expect({ what, violations: await axeViolations(page) }).toEqual({ what, violations: [] });
    await page.goto(url + "/");
    await check("front page");
    await submitInvalid(page);
    await check("form with errors");
    await page.goto(url + "/signatories?order=alphabetical");
    await check("list page");
    await page.goto(url + "/");
    await page.getByLabel("som privatperson").check();
    await page.getByLabel("Navn", { exact: true }).fill("Aksel Axe");
    await page.getByLabel("E-post", { exact: true }).fill(`axe${device.viewport.width}@example.no`);
    await page.getByLabel("Jeg samtykker").check();
    await page.getByRole("button", { name: "Signer" }).click();
    await page.waitForURL(url + "/thanks");
    await check("thanks page");
    await page.goto(mailLinks(await sink.next()).confirm);
    await check("confirm page");
    await page.getByRole("button", { name: "Bekreft underskriften" }).click();
    await page.waitForLoadState("load");
    expect(await page.locator("h1").textContent()).toBe("E-postadressen er bekreftet");
    await check("confirmed page");
    await context.close();
  }
});
