// Every browser test drives Debian's Chromium through playwright-core (no downloaded browser).
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { expect } from "vitest";

export const CHROMIUM = "/usr/bin/chromium";
/** Chromium is installed here (CI has it always). */
export const haveBrowser = existsSync(CHROMIUM) || Boolean(process.env.CI);

/** The system Chromium, quiet and sandbox-free for containers (the flags keep it off the closed network). */
export async function launchChromium() {
  const { chromium } = await import("playwright-core");
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

let axeSource: string | undefined;

/**
 * axe-core's violations on the page as it is now, as "rule: help (targets)"; `tags` limits
 * the rules (default: every rule axe runs). Axe is evaluated through the DevTools protocol,
 * which the page's CSP does not govern. Fails unless axe passed more than ten rules: a page
 * it could not read would pass nothing.
 */
export async function axeViolations(page: Page, tags?: string[]): Promise<string[]> {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
  await page.evaluate(axeSource);
  const { violations, passes } = await page.evaluate(async (values) => {
    type Rule = { id: string; help: string; nodes: { target: string[] }[] };
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: Rule[]; passes: Rule[] }> } }).axe;
    const result = await axe.run(document, values ? { runOnly: { type: "tag", values } } : {});
    return { violations: result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`), passes: result.passes.length };
  }, tags);
  expect(passes, "axe rules passed").toBeGreaterThan(10);
  return violations;
}
