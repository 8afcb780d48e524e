import { existsSync, readFileSync } from "node:fs";
import { cp, mkdir, mkdtemp } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { unzipSync, strFromU8 } from "fflate";
import type { Browser, Page } from "playwright-core";
import { chromium } from "playwright-core";
import { expect } from "vitest";

export const REPO = path.resolve(import.meta.dirname, "../..");
export const CHROMIUM = "/usr/bin/chromium";
export const haveBrowser = existsSync(CHROMIUM) || Boolean(process.env.CI);
export const clientBuilt = existsSync(path.join(REPO, "dist/studio-client/studio.js"));

/** A workspace with the shipped blocks, templates and signatories; `documents` copies the examples too. */
export async function workspaceCopy(options: { documents?: boolean } = {}): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), "opprop-studio-"));
  for (const folder of ["demands", "templates", "signatories", ...(options.documents ? ["documents"] : [])]) await cp(path.join(REPO, folder), path.join(root, folder), { recursive: true });
  await mkdir(path.join(root, "documents"), { recursive: true });
  return root;
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/**
 * Console errors, page errors and CSP violations of a page: a test ends by expecting
 * none. CSP violations are taken from the page's own event, which says where they came
 * from: axe-core, evaluated by the test through DevTools (no source file), adds style
 * elements while it measures, and that is the test's doing, not the studio's.
 */
export async function watchProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  await page.exposeFunction("__reportCsp", (text: string) => problems.push(text));
  await page.addInitScript(() =>
    document.addEventListener("securitypolicyviolation", (e) => {
      if (e.sourceFile) (window as unknown as { __reportCsp: (t: string) => void }).__reportCsp(`CSP ${e.violatedDirective} from ${e.sourceFile}:${e.lineNumber}:${e.columnNumber} ${e.sample}`);
    }),
  );
  page.on("console", (message) => message.type() === "error" && !/Content Security Policy/.test(message.text()) && problems.push(`console: ${message.text()}`));
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  return problems;
}

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** axe-core's WCAG 2.1 A and AA rules on the page as it is now: no violations. */
export async function expectAccessible(page: Page, view: string): Promise<void> {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern.
  await page.evaluate(AXE);
  const { violations, passes } = await page.evaluate(async () => {
    type Rule = { id: string; help: string; nodes: { target: string[] }[] };
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: Rule[]; passes: Rule[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return { violations: result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`), passes: result.passes.length };
  });
  expect(violations, `axe in ${view}`).toEqual([]);
  // axe did look: colour contrast, labels, names and the like passed.
  expect(passes, `axe rules passed in ${view}`).toBeGreaterThan(10);
}

/** The text of a DOCX's body, runs joined: enough to check order and presence. */
export function docxText(bytes: Uint8Array): string {
  const xml = strFromU8(unzipSync(bytes)["word/document.xml"]);
  return xml
    .replace(/<\/w:p>/g, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'");
}

/** The first words of a block's text (after its frontmatter), as they appear in the letter. */
export function blockOpening(relative: string, words = 6): string {
  const source = readFileSync(path.join(REPO, "demands", relative), "utf8");
  const body = source.replace(/^---[\s\S]*?\n---\n/, "").trim();
  return body.split(/\s+/).slice(0, words).join(" ");
}
