import Handlebars from "handlebars";
import { t } from "../i18n/catalogue.js";

/**
 * A placeholder Handlebars cannot parse, in plain words: which one, where it starts on its
 * line (0-based column), and how to write it. The parser's own message lists token names
 * nobody can act on.
 */
export function placeholderProblem(text: string, line: number): { message: string; column: number } {
  const source = text.split(/\r\n|\r|\n/)[line - 1] ?? "";
  for (const { index: start } of source.matchAll(/\{\{/g)) {
    const rest = source.slice(start);
    const close = rest.indexOf("}}");
    const next = rest.indexOf("{{", 2);
    if (close < 0 || (next >= 0 && next < close)) {
      const written = (next >= 0 ? rest.slice(0, next) : rest).trimEnd();
      return { message: t("input.placeholderUnclosed", { written, fixed: `{{${inner(written)}}}` }), column: start };
    }
    // A third closing brace belongs to this placeholder: "{{x}}}".
    const written = rest.slice(0, rest[close + 2] === "}" ? close + 3 : close + 2);
    if (/^\{\{\s+>/.test(written)) {
      return { message: t("input.placeholderSpace", { written, fixed: `{{> ${inner(written).replace(/^>\s*/, "")}}}` }), column: start };
    }
    if (!parses(written)) return { message: t("input.placeholderUnreadable", { written }), column: start };
  }
  const start = Math.max(0, source.indexOf("{{"));
  return { message: t("input.placeholderUnreadable", { written: source.slice(start).trim() }), column: start };
}

function parses(text: string): boolean {
  try {
    Handlebars.parseWithoutProcessing(text);
    return true;
  } catch {
    return false;
  }
}

/** What stands between the braces, without stray braces and spaces. */
function inner(written: string): string {
  return written.replace(/^\{+/, "").replace(/\}+$/, "").trim();
}
