/**
 * The whole sign-on in a real browser: sign (without JavaScript), confirm from
 * the e-mail, approve as admin, watch the live count, export, and build the
 * letter that now names the new signatory.
 */
import { existsSync } from "node:fs";
import { cp, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { buildDocuments } from "../../src/build/index.js";
import { openStore } from "../../src/collect/open.js";
import type { SignatureStore } from "../../src/collect/store.js";
import type { Format } from "../../src/render/index.js";
import { Reporter } from "../../src/report/index.js";
import { runCli } from "../helpers/cli.js";
import { FIXTURE, fixtureDocument, haveBrowser, launchChromium, listen, mailLinks, pageText, REPO, smtpSink } from "./helpers.js";

const withPdf = existsSync(path.join(REPO, "src/render/pdf/index.ts"));
const ADMIN = "e2e-admin-token-9f8e7d6c5b4a-0123456789";
// A Norwegian browser asks for bokmål; Chromium asks for English otherwise.
const NORWEGIAN = { locale: "nb-NO" };
// A name that would be markup, a formula and a Typst call if anything pasted it in.
const ORG = "Nettleserforeningen <b>fet</b> & =SUM(1) #read(\"x\")";

let workspace: string;
let store: SignatureStore;
let app: FastifyInstance;
let url: string;
let browser: Browser;
let sink: Awaited<ReturnType<typeof smtpSink>>;

beforeAll(async () => {
  if (!haveBrowser) return;
  workspace = await mkdtemp(path.join(tmpdir(), "opprop-e2e-"));
  await cp(FIXTURE, workspace, { recursive: true });
  const doc = await fixtureDocument(path.join(workspace, "documents/opprop-test.md"));
  sink = await smtpSink();
  store = await openStore(path.join(workspace, "sign-ons.sqlite"));
  ({ app, url } = await listen({ doc, store, smtpUrl: sink.url, adminToken: ADMIN }));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await store?.close();
  await sink?.close();
  if (workspace) await rm(workspace, { recursive: true, force: true });
});

test.skipIf(!haveBrowser)("sign, confirm, approve, export, build: the new signatory is in the letter", { timeout: 180_000 }, async () => {
  const doc = await fixtureDocument(path.join(workspace, "documents/opprop-test.md"));

  // Someone reads the page and watches the count, with JavaScript on; no CSP violation, no dialog.
  const viewer = await (await browser.newContext(NORWEGIAN)).newPage();
  const problems: string[] = [];
  viewer.on("console", (message) => message.type() === "error" && problems.push(message.text()));
  viewer.on("dialog", (dialog) => problems.push(`dialog: ${dialog.message()}`));
  await viewer.goto(url + "/");
  await expect(viewer.title()).resolves.toBe("Opprop: behold smertetilbudet");
  expect(await viewer.locator("#signature-count").textContent()).toBe("0 underskrifter");
  expect(await viewer.locator("footer code").first().textContent()).toBe(doc.fingerprint);

  // The organisation signs in a browser without JavaScript: a plain form post.
  const signer = await (await browser.newContext({ ...NORWEGIAN, javaScriptEnabled: false })).newPage();
  await signer.goto(url + "/");
  await signer.getByLabel("på vegne av en organisasjon").check();
  await signer.getByLabel("Navn", { exact: true }).fill(ORG);
  await signer.getByLabel("Rolle eller tittel").fill("styreleder");
  await signer.getByLabel("Organisasjonsnummer (organisasjoner)").fill("914 852 536");
  await signer.getByLabel("Sted", { exact: true }).fill("Hamar");
  await signer.getByLabel("E-post", { exact: true }).fill("styret@nettleser.example.no");
  await signer.getByLabel("Jeg samtykker").check();
  await signer.getByRole("button", { name: "Signer" }).click();
  await signer.waitForURL(url + "/thanks");
  expect(await signer.locator("h1").textContent()).toBe("Takk!");

  // The confirm link from the mail.
  const mail = await sink.next();
  expect(mail.to).toEqual(["styret@nettleser.example.no"]);
  // Opening the link shows a button; only pressing it confirms (a mail scanner's visit does not).
  await signer.goto(mailLinks(mail).confirm);
  expect(await signer.locator("h1").textContent()).toBe("Bekreft underskriften");
  expect(await store.list("pending", doc.name)).toEqual([]);
  await signer.getByRole("button", { name: "Bekreft underskriften" }).click();
  await signer.waitForLoadState("load");
  expect(await signer.locator("h1").textContent()).toBe("E-postadressen er bekreftet");

  // The administrator approves (HTTP Basic with the token as password).
  const admin = await (await browser.newContext({ ...NORWEGIAN, httpCredentials: { username: "admin", password: ADMIN } })).newPage();
  await admin.goto(url + "/admin");
  const row = admin.getByRole("row", { name: /Nettleserforeningen/ });
  expect(await row.getByRole("cell").first().textContent()).toBe(ORG);
  await row.getByRole("button", { name: "Godkjenn" }).click();
  await admin.waitForURL(url + "/admin");
  expect(await admin.getByText("Ingen venter.").count()).toBe(1);

  // The viewer's count follows without a reload (live.js, allowed by the CSP as a same-origin script).
  await expect.poll(() => viewer.locator("#signature-count").textContent(), { timeout: 15_000, interval: 500 }).toBe("1 underskrift");
  await viewer.reload();
  const listed = await viewer.locator(".signatories li").allTextContents();
  expect(listed).toEqual([`${ORG}\u00a0—\u00a0styreleder, Hamar`]);
  expect(await viewer.locator(".signatories b").count()).toBe(0);
  expect(problems).toEqual([]);

  // Export, then build the letter from the workspace.
  const exported = await runCli(["collect", "export", "--db", path.join(workspace, "sign-ons.sqlite"), "--out", "signatories/innsamlet.csv"], workspace);
  expect(exported.code).toBe(0);
  const formats: Format[] = withPdf ? ["html", "pdf"] : ["html"];
  const reporter = new Reporter();
  const outDir = path.join(workspace, "out");
  const built = await buildDocuments([path.join(workspace, "documents/opprop-test.md")], reporter, { formats, outDir, today: "2026-11-25" });
  expect(reporter.messages.filter((m) => m.severity !== "info")).toEqual([]);
  expect(built.map((b) => path.basename(b.file))).toEqual(formats.map((f) => `opprop-test.${f}`));

  const html = await readFile(path.join(outDir, "opprop-test.html"), "utf8");
  expect(pageText(html)).toContain(`${ORG} — styreleder, Hamar`);
  const letter = await browser.newPage();
  await letter.setContent(html);
  expect(await letter.locator(".signatories li").allTextContents()).toEqual([`${ORG}\u00a0—\u00a0styreleder, Hamar`]);

  if (withPdf) {
    const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
    const pdf = await getDocument({ data: new Uint8Array(await readFile(path.join(outDir, "opprop-test.pdf"))), useSystemFonts: false }).promise;
    let text = "";
    for (let i = 1; i <= pdf.numPages; i++) {
      const content = await (await pdf.getPage(i)).getTextContent();
      text += content.items.map((item) => ("str" in item ? item.str : "")).join(" ") + "\n";
    }
    expect(text.replace(/\s+/g, " ")).toContain("Nettleserforeningen <b>fet</b> & =SUM(1) #read(\"x\")");
  }
});
