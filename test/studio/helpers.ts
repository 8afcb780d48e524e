import { existsSync, readFileSync } from "node:fs";
import { cp, mkdir, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { unzipSync, strFromU8 } from "fflate";
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { axeViolations } from "../helpers/browser.js";

export const REPO = path.resolve(import.meta.dirname, "../..");
export const clientBuilt = existsSync(path.join(REPO, "dist/studio-client/studio.js"));

/** A workspace with the shipped blocks, templates and signatories; `documents` copies the examples too. */
export async function workspaceCopy(options: { documents?: boolean } = {}): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), "opprop-studio-"));
  for (const folder of ["demands", "templates", "signatories", ...(options.documents ? ["documents"] : [])]) await cp(path.join(REPO, folder), path.join(root, folder), { recursive: true });
  await mkdir(path.join(root, "documents"), { recursive: true });
  return root;
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

/** axe-core's WCAG 2.1 A and AA rules on the page as it is now: no violations. */
export async function expectAccessible(page: Page, view: string): Promise<void> {
  expect(await axeViolations(page, ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]), `axe in ${view}`).toEqual([]);
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
