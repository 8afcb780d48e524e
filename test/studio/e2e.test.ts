/**
 * The studio in a real browser, through its UI only: a secretary starts a new
 * støtteerklæring, takes three demands from the library, reorders them by dragging
 * and with Alt+↑, fills the variable a block needs, uploads a form export and maps
 * its consent column, and exports the DOCX: the demands stand in the new order and
 * only the person who consented is named. Edits of a block show in the pages; an
 * outside edit of the open file is caught. axe-core checks every view.
 */
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { startStudio, type StudioServer } from "../../src/studio/server.js";
import { haveBrowser, launchChromium } from "../helpers/browser.js";
import { blockOpening, clientBuilt, docxText, expectAccessible, watchProblems, workspaceCopy } from "./helpers.js";

const run = haveBrowser && clientBuilt;
const DEMANDS = {
  stanse: { id: "krav/stanse-avvikling", title: "Stanse avviklingen av seriebehandling med injeksjon og infusjon" },
  medvirkning: { id: "krav/pasientmedvirkning", title: "Reell pasientmedvirkning" },
  forskning: { id: "krav/forskning-nye-behandlinger", title: "Forskning på nye behandlinger" },
};
const FORM_EXPORT = "Tidsmerke;Fullt navn;E-postadresse;Kan vi vise navnet ditt på lista?\n2026-11-20 10:00;Kari Nordmann;kari@example.no;Ja\n2026-11-20 11:00;Ola Hemmelig;ola@example.no;Nei\n";

let root: string;
let studio: StudioServer;
let browser: Browser;

beforeAll(async () => {
  if (!run) return;
  root = await workspaceCopy();
  studio = await startStudio({ root, port: 0, today: "2026-11-25" });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await studio?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

const demandTitles = (page: Page) => page.locator(".demands li .demand-title").allTextContents();
const pagesOf = (page: Page) => page.locator(".page-list").getAttribute("data-pages");

test.skipIf(!run)("a new støtteerklæring from the library to the DOCX, using only the UI", { timeout: 240_000 }, async () => {
  const context = await browser.newContext({ locale: "nb-NO", acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = await watchProblems(page);
  await page.goto(studio.url);
  expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Dokumenter");
  await expectAccessible(page, "start");

  // Start: a new støtteerklæring from its title.
  const newStatement = page.locator("form", { has: page.getByRole("heading", { name: "Ny støtteerklæring" }) });
  await newStatement.getByLabel("Tittel").fill("Smerteklinikkene må bestå");
  await newStatement.getByRole("button", { name: /Opprett/ }).click();
  await page.waitForURL(/#\/doc\/documents%2Fsmerteklinikkene-ma-besta\.md\/letter$/);
  const file = path.join(root, "documents/smerteklinikkene-ma-besta.md");

  // The letter form writes the frontmatter.
  await page.getByRole("group", { name: "Mottakere 1" }).getByLabel("Navn").fill("Helse Sør-Øst RHF");
  await page.getByRole("group", { name: "Avsender 1" }).getByLabel("Navn").fill("Smertealliansen");
  await expect.poll(async () => readFile(file, "utf8"), { timeout: 10_000 }).toContain("Helse Sør-Øst RHF");
  await expectAccessible(page, "letter form");

  // Three demands from the library.
  await page.getByRole("tab", { name: "Tekst" }).click();
  await page.getByLabel("Type").selectOption("demand");
  for (const demand of [DEMANDS.stanse, DEMANDS.medvirkning, DEMANDS.forskning]) {
    await page.getByRole("button", { name: `Legg til som krav ${demand.title}` }).click();
  }
  expect(await demandTitles(page)).toEqual([DEMANDS.stanse.title, DEMANDS.medvirkning.title, DEMANDS.forskning.title]);
  await expectAccessible(page, "text");

  // Reorder: drag the third onto the first, then Alt+↑ on the (new) third.
  await page.locator(".demands li").nth(2).dragTo(page.locator(".demands li").nth(0));
  expect(await demandTitles(page)).toEqual([DEMANDS.forskning.title, DEMANDS.stanse.title, DEMANDS.medvirkning.title]);
  await page.locator(".demands li").nth(2).focus();
  await page.keyboard.press("Alt+ArrowUp");
  expect(await demandTitles(page)).toEqual([DEMANDS.forskning.title, DEMANDS.medvirkning.title, DEMANDS.stanse.title]);
  expect(await page.locator(".demands li").nth(1).evaluate((li) => li === document.activeElement)).toBe(true);
  expect(await page.locator(".demands li .demand-number").allTextContents()).toEqual(["1.", "2.", "3."]);
  await expect
    .poll(async () => (await readFile(file, "utf8")).match(/\{\{> krav\/[\w-]+\}\}/g), { timeout: 10_000 })
    .toEqual([`{{> ${DEMANDS.forskning.id}}}`, `{{> ${DEMANDS.medvirkning.id}}}`, `{{> ${DEMANDS.stanse.id}}}`]);

  // A closing block that needs a variable, put at the end of the text.
  await page.getByLabel("Søk").fill("står sammen");
  await page.getByLabel("Type").selectOption("");
  const editor = page.getByRole("textbox", { name: "Brevets tekst" });
  await editor.click();
  await page.keyboard.press("Control+End");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");
  expect(await page.locator(".library-results h3").allTextContents()).toContain("Vi står sammen med pasientene");
  await page.getByRole("button", { name: "Sett inn i teksten Vi står sammen med pasientene" }).click();
  await expect.poll(() => readFile(file, "utf8"), { timeout: 10_000 }).toContain("{{> avslutning/sta-sammen}}");

  // The variables form marks it missing; filling it in builds the letter again.
  await page.getByRole("tab", { name: "Variabler" }).click();
  const variable = page.getByLabel("helseforetak");
  await expect.poll(() => variable.getAttribute("aria-invalid")).toBe("true");
  expect(await page.locator('[data-variable="helseforetak"]').textContent()).toContain("Mangler");
  await expectAccessible(page, "variables");
  await variable.fill("Helse Sør-Øst RHF");
  await expect.poll(() => variable.getAttribute("aria-invalid"), { timeout: 10_000 }).toBe("false");
  await expect.poll(() => page.locator(".problem-list li.error").count(), { timeout: 10_000 }).toBe(0);

  // A form export: the consent column is not one opprop knows, so the writer maps it.
  await page.getByRole("tab", { name: "Underskrivere" }).click();
  const csv = path.join(root, "..", `skjema-${path.basename(root)}.csv`);
  await writeFile(csv, FORM_EXPORT);
  await page.getByLabel("Last opp en liste").setInputFiles(csv);
  const consent = page.getByRole("combobox", { name: "Kan vi vise navnet ditt på lista?" });
  // The browser reads the chosen file when it sends it: removed only after that.
  expect(await consent.inputValue()).toBe("");
  await rm(csv);
  expect(await page.getByRole("combobox", { name: "Fullt navn" }).inputValue()).toBe("name");
  await expectAccessible(page, "signatories with column mapping");
  await consent.selectOption("publish");
  await page.getByRole("button", { name: "Legg til i dokumentet" }).click();
  await expect.poll(() => page.locator(".signatory-summary").textContent(), { timeout: 10_000 }).toBe("2 underskrivere: 0 organisasjoner, 1 navngitt person og 1 person som bare telles.");
  expect(await readFile(file, "utf8")).toMatch(/map:\n\s+Kan vi vise navnet ditt på lista\?: publish/);

  // Export: the DOCX has the demands in the new order and names only who consented.
  await page.getByRole("tab", { name: "Eksport" }).click();
  await expectAccessible(page, "export");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Word (DOCX)" }).click()]);
  expect(download.suggestedFilename()).toBe("smerteklinikkene-ma-besta.docx");
  const text = docxText(await readFile((await download.path())!));
  const positions = [DEMANDS.forskning, DEMANDS.medvirkning, DEMANDS.stanse].map((d) => text.indexOf(blockOpening(`${d.id}.md`)));
  expect(positions.every((p) => p >= 0)).toBe(true);
  expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  expect(text).toContain("Kari Nordmann");
  expect(text).not.toContain("Ola Hemmelig");
  expect(text).not.toContain("kari@example.no");
  // The same file is in out/, as `opprop build` would write it.
  expect(Buffer.from(await readFile(path.join(root, "out/smerteklinikkene-ma-besta.docx"))).equals(await readFile((await download.path())!))).toBe(true);

  // Typing in the text changes the pages.
  await page.getByRole("tab", { name: "Tekst" }).click();
  const before = await pagesOf(page);
  await editor.click();
  await page.keyboard.press("Control+Home");
  await page.keyboard.type("Dette er en ny første setning. ");
  await expect.poll(() => pagesOf(page), { timeout: 10_000 }).not.toBe(before);

  // Editing a block in its own view changes the pages of the document.
  const beforeBlockEdit = await pagesOf(page);
  await page.getByLabel("Søk").fill("");
  await page.getByLabel("Type").selectOption("demand");
  await page.getByRole("button", { name: `Rediger ${DEMANDS.medvirkning.title}` }).click();
  await page.waitForURL(/#\/block\/krav%2Fpasientmedvirkning/);
  await expectAccessible(page, "block");
  const variant = page.getByLabel(/^Tekst \(demands\/krav\/pasientmedvirkning\.md\)$/);
  await variant.fill((await variant.inputValue()).trimEnd() + " Dette er en ny setning i kravet.\n");
  await page.getByRole("button", { name: "Lagre nb" }).click();
  await expect.poll(() => page.locator(".save-status").textContent()).toContain("er lagret");
  await page.getByRole("link", { name: "Tilbake til dokumentet" }).click();
  await expect.poll(() => pagesOf(page), { timeout: 10_000 }).not.toBe(beforeBlockEdit);
  expect(await readFile(path.join(root, "demands/krav/pasientmedvirkning.md"), "utf8")).toContain("Dette er en ny setning i kravet.");

  // Someone edits the open file outside the studio: the studio says so and offers to reload.
  const outside = (await readFile(file, "utf8")).replace("Dette er en ny første setning.", "Endret i en annen editor.");
  await writeFile(file, outside);
  const banner = page.getByRole("alert").filter({ hasText: "endret utenfor studioet" });
  await banner.waitFor({ timeout: 10_000 });
  await expectAccessible(page, "outside change");
  await banner.getByRole("button", { name: "Last inn på nytt" }).click();
  await expect.poll(() => editor.textContent()).toContain("Endret i en annen editor.");
  expect(await readFile(file, "utf8")).toBe(outside);

  expect(problems).toEqual([]);
  await context.close();
});

test.skipIf(!run)("a høringssvar from the consulted document; field errors in place; problems lead to their place; footnotes; a new block", { timeout: 180_000 }, async () => {
  const context = await browser.newContext({ locale: "nb-NO", viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = await watchProblems(page);
  await page.goto(studio.url);

  // A høringssvar answering a Markdown document, one section per chapter.
  const consulted = path.join(root, "..", `veileder-${path.basename(root)}.md`);
  await writeFile(consulted, "# Veileder for smerteklinikker\n\n## Formål\n\nTekst.\n\n## Organisering av tilbudet\n\nTekst.\n");
  const form = page.locator("form", { has: page.getByRole("heading", { name: "Nytt høringssvar" }) });
  await form.getByLabel("Dokumentet som er på høring").setInputFiles(consulted);
  await form.getByLabel("Høringsinstans").fill("Helsedirektoratet");
  await form.getByLabel("Høringsfrist").fill("2026-12-15");
  await form.getByRole("button", { name: /Opprett/ }).click();
  await page.waitForURL(/#\/doc\/documents%2Fhoringssvar-veileder-for-smerteklinikker\.md\/letter$/);
  await rm(consulted);
  const file = path.join(root, "documents/horingssvar-veileder-for-smerteklinikker.md");
  expect(await page.getByLabel("Hva høringen gjelder").inputValue()).toBe("Veileder for smerteklinikker");
  expect(await page.getByLabel("Kapitler").inputValue()).toBe("Formål\nOrganisering av tilbudet");
  expect(await page.getByLabel("Høringsfrist").inputValue()).toBe("2026-12-15");
  await expectAccessible(page, "høringssvar letter form");

  // An empty title: the form says so beside the field.
  const title = page.getByLabel("Tittel", { exact: true });
  const original = await title.inputValue();
  await title.fill("");
  await expect.poll(() => title.getAttribute("aria-invalid"), { timeout: 10_000 }).toBe("true");
  const describedBy = (await title.getAttribute("aria-describedby"))!.split(" ").at(-1)!;
  expect(await page.locator(`[id="${describedBy}"]`).isVisible()).toBe(true);
  await expectAccessible(page, "letter form with a field error");
  await title.fill(original);
  await expect.poll(() => title.getAttribute("aria-invalid"), { timeout: 10_000 }).toBe("false");

  // The tabs work from the keyboard.
  await page.getByRole("tab", { name: "Brevet" }).focus();
  await page.keyboard.press("ArrowRight");
  expect(await page.getByRole("tab", { name: "Tekst" }).getAttribute("aria-selected")).toBe("true");
  expect(await page.getByRole("tab", { name: "Tekst" }).evaluate((tab) => tab === document.activeElement)).toBe(true);

  // A mistyped block: the problem is listed, and its button puts the cursor on that line.
  const editor = page.getByRole("textbox", { name: "Brevets tekst" });
  await editor.click();
  await page.keyboard.press("Control+End");
  await page.keyboard.type("\n\n{{> krav/finnes-ikke}}\n");
  const problem = page.locator(".problem-list button", { hasText: 'unknown block "krav/finnes-ikke"' });
  await problem.waitFor({ timeout: 10_000 });
  await page.keyboard.press("Control+Home");
  await problem.click();
  await page.keyboard.type("X");
  await expect.poll(async () => (await readFile(file, "utf8")).split("\n").find((line) => line.includes("finnes-ikke")), { timeout: 10_000 }).toBe("X{{> krav/finnes-ikke}}");
  // Select the include (the chip is one unit) and delete it: the problem goes away.
  await page.keyboard.press("Shift+End");
  await page.keyboard.press("Backspace");
  await expect.poll(() => problem.count(), { timeout: 10_000 }).toBe(0);

  // A block dragged from the library onto the demands becomes the last demand.
  await page.getByLabel("Type").selectOption("demand");
  await page.locator(".library-results li", { has: page.getByRole("heading", { name: DEMANDS.medvirkning.title }) }).dragTo(page.locator(".demands-box"));
  expect(await demandTitles(page)).toEqual([DEMANDS.medvirkning.title]);
  await expect.poll(() => readFile(file, "utf8"), { timeout: 10_000 }).toContain(`1. {{> ${DEMANDS.medvirkning.id}}}`);
  await page.getByLabel("Type").selectOption("");

  // A footnote from the menu: the reference at the cursor, the definition at the end.
  await page.getByRole("button", { name: "Sett inn fotnote" }).click();
  await page.keyboard.type("Se veilederen.");
  await expect.poll(() => readFile(file, "utf8"), { timeout: 10_000 }).toMatch(/\[\^1\][\s\S]*\n\[\^1\]: Se veilederen\.$/);

  // A block saved as a new block appears in the library.
  await page.getByRole("button", { name: `Rediger ${DEMANDS.stanse.title}` }).click();
  await page.getByLabel("Navn på ny blokk").fill("krav/var-egen-variant");
  await page.getByRole("button", { name: "Lagre som ny blokk" }).click();
  await expect.poll(() => page.locator(".save-status").textContent()).toContain("krav/var-egen-variant");
  expect(await readFile(path.join(root, "demands/krav/var-egen-variant.md"), "utf8")).toBe(await readFile(path.join(root, "demands/krav/stanse-avvikling.md"), "utf8"));
  await page.getByRole("link", { name: "Tilbake til dokumentet" }).click();
  await page.getByLabel("Søk").fill("var-egen-variant");
  await expect.poll(() => page.locator(".library-results li").count(), { timeout: 10_000 }).toBe(1);

  expect(problems).toEqual([]);
  await context.close();
});

test.skipIf(!run)("English when the browser asks for it, bokmål otherwise", async () => {
  for (const [locale, heading] of [
    ["en-GB", "Documents"],
    ["nb-NO", "Dokumenter"],
    ["de-DE", "Dokumenter"],
  ] as const) {
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    await page.goto(studio.url);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(heading);
    await context.close();
  }
});
