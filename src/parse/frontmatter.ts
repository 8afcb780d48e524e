import type { Yaml } from "mdast";
import { isNode, parseDocument, type Document } from "yaml";
import { z } from "zod";
// The two locales themselves, not `z.locales`: the CLI's bundle holds only these (scripts/bundle.mjs).
import en from "zod/v4/locales/en.js";
import no from "zod/v4/locales/no.js";
import { getLocale } from "../i18n/locale.js";
import { t } from "../i18n/catalogue.js";
import { didYouMean, type Position, type Reporter } from "../report/index.js";

/**
 * Parses YAML frontmatter and validates it with a zod schema. Every problem is
 * reported at its own line and column in the Markdown file; returns undefined
 * when anything is wrong, so the caller skips the file but goes on with others.
 */
export function readFrontmatter<S extends z.ZodType>(
  file: string,
  node: Yaml | undefined,
  schema: S,
  reporter: Reporter,
  /** The whole file, to tell a frontmatter without its closing `---` from none at all. */
  source?: string,
): z.output<S> | undefined {
  if (!node) {
    const unclosed = source !== undefined && /^---[ \t]*(?:\r\n|\r|\n)/.test(source);
    reporter.error(file, { line: 1, column: 1 }, t(unclosed ? "input.frontmatterUnclosed" : "input.frontmatterMissing"), "frontmatter");
    return undefined;
  }
  // logLevel "error": a collection used as a key is reported as an unknown field, not warned about on stderr.
  const doc = parseDocument(node.value, { prettyErrors: false, uniqueKeys: true, logLevel: "error" });
  const at = (offset: number) => positionAt(node, offset);
  if (doc.errors.length) {
    // The first error is the one to fix; the parser's follow-up errors only repeat it in other words.
    const [error] = doc.errors;
    const problem = yamlProblem(node.value, error);
    const position = problem.line === undefined ? at(error.pos[0]) : { line: (node.position?.start.line ?? 1) + 1 + problem.line, column: 1 };
    reporter.error(file, position, problem.text, "yaml");
    return undefined;
  }
  let raw: unknown;
  try {
    // Aliases are expanded here: an unknown anchor or a billion-laughs bomb throws.
    raw = doc.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (error) {
    reporter.error(file, at(0), t("input.yamlOther", { message: firstSentence((error as Error).message) }), "yaml");
    return undefined;
  }
  useZodLocale();
  // reportInput lets a wrong-typed field be told apart from a missing one.
  const result = schema.safeParse(raw, { reportInput: true });
  if (result.success) return result.data;
  for (const issue of result.error.issues.flatMap(matchedBranch)) {
    const path = issue.path.map(String);
    reporter.error(file, at(issueOffset(doc, issue)), describeIssue(path, issue, schema), "frontmatter");
  }
  return undefined;
}

/**
 * A value that fits none of a union's shapes ("Invalid input"): the problems of the one shape
 * whose type it has (an object written for `from:`), so a misspelt field inside it is named.
 */
function matchedBranch(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
  if (issue.code !== "invalid_union") return [issue];
  const sameType = issue.errors.filter((branch) => !branch.some((inner) => inner.code === "invalid_type" && inner.path.length === 0));
  if (sameType.length !== 1) return [issue];
  return sameType[0].flatMap((inner) => matchedBranch({ ...inner, path: [...issue.path, ...inner.path] } as z.core.$ZodIssue));
}

/** zod's own words (wrong type, bad option) in the user's language, like ours. */
export function useZodLocale(): void {
  z.config(getLocale() === "nb" ? no() : en());
}

/** Where a field of the frontmatter stands in the Markdown file, for messages about its value. */
export function positionInFrontmatter(node: Yaml | undefined, path: (string | number)[]): Position | undefined {
  if (!node) return undefined;
  return positionAt(node, nodeOffset(parseDocument(node.value), path));
}

/**
 * Line and column in the Markdown file of an offset into the YAML text, which
 * starts on the line after the opening `---`. Counted from the text itself: an
 * error offset may point past the last line break the YAML lexer registered.
 */
function positionAt(node: Yaml, offset: number): Position {
  // CR, LF and CRLF each end a line, as in Markdown (and so in every other position we report).
  const before = node.value.slice(0, Math.max(0, offset)).split(/\r\n|\r|\n/);
  return { line: (node.position?.start.line ?? 1) + before.length, column: before.at(-1)!.length + 1 };
}

function firstSentence(message: string): string {
  return message.split("\n")[0];
}

/** Where an issue points: an unknown key at the key, a missing field at its parent, else at the value. */
function issueOffset(doc: Document, issue: z.core.$ZodIssue): number {
  const path = issue.path as (string | number)[];
  if (issue.code === "unrecognized_keys") return keyOffset(doc, [...path, issue.keys[0]]) ?? nodeOffset(doc, path);
  return nodeOffset(doc, path);
}

/** The closest YAML node on the path that exists: the value itself, else the nearest parent. */
function nodeOffset(doc: Document, path: (string | number)[]): number {
  for (let depth = path.length; depth > 0; depth--) {
    const node = doc.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) return depth === path.length ? node.range[0] : (keyOffset(doc, path.slice(0, depth)) ?? node.range[0]);
  }
  return 0;
}

/** Offset of the key of a mapping entry, so "unknown field" points at the field name. */
function keyOffset(doc: Document, path: (string | number)[]): number | undefined {
  const parent = path.length > 1 ? doc.getIn(path.slice(0, -1), true) : doc.contents;
  const key = path.at(-1);
  const items = (parent as { items?: { key?: { value?: unknown; range?: number[] } }[] } | null)?.items;
  const pair = items?.find((item) => item.key?.value === key);
  return pair?.key?.range?.[0];
}

function describeIssue(path: string[], issue: z.core.$ZodIssue, schema: z.ZodType): string {
  const field = path.join(".");
  if (issue.code === "unrecognized_keys") {
    const known = keysAt(schema, path);
    return issue.keys
      .map((key) => t("input.unknownField", { key, hint: FIELD_SYNONYMS[key.toLowerCase()] && known.includes(FIELD_SYNONYMS[key.toLowerCase()]) ? t("input.didYouMean", { hint: FIELD_SYNONYMS[key.toLowerCase()] }) : didYouMean(key, known) }))
      .join("; ");
  }
  if (issue.code === "invalid_type" && issue.input === undefined) return t("input.fieldMissing", { field: field || "frontmatter" });
  return path.length ? `"${field}": ${issue.message}` : issue.message;
}

/** Norwegian field names people write for the English ones. */
const FIELD_SYNONYMS: Readonly<Record<string, string>> = {
  tittel: "title",
  mal: "template",
  dato: "date",
  til: "to",
  mottaker: "to",
  mottakere: "to",
  fra: "from",
  avsender: "from",
  språk: "lang",
  sprak: "lang",
  underskrivere: "signatories",
  signatur: "signature",
  variabler: "vars",
  referanse: "ref",
  høring: "consultation",
  type: "kind",
  art: "kind",
  emneord: "tags",
  stikkord: "tags",
  krever: "requires",
  kilder: "sources",
  navn: "name",
  adresse: "address",
  frist: "deadline",
  kapitler: "chapters",
};

/** The field names an object of `schema` at `path` allows, through optional, default, pipe, union and array. */
function keysAt(schema: z.ZodType, path: readonly string[]): string[] {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
  const inner = (...schemas: unknown[]) => schemas.flatMap((s) => (s ? keysAt(s as z.ZodType, path) : []));
  switch (def.type) {
    case "object": {
      const shape = def.shape as Record<string, z.ZodType>;
      if (!path.length) return Object.keys(shape);
      const next = shape[path[0]];
      return next ? keysAt(next, path.slice(1)) : [];
    }
    case "array":
      return path.length && /^\d+$/.test(path[0]) ? keysAt(def.element as z.ZodType, path.slice(1)) : [];
    case "optional":
    case "default":
    case "nullable":
      return inner(def.innerType);
    case "pipe":
      return [...new Set(inner(def.in, def.out))];
    case "union":
      return [...new Set(inner(...(def.options as unknown[])))];
    default:
      return [];
  }
}

/**
 * A YAML error in plain words: what is wrong on which line and how to fix it,
 * for the mistakes people make by hand (a colon in a value, indentation, an
 * unclosed quote or list); the parser's own first sentence otherwise.
 */
function yamlProblem(yaml: string, error: { code: string; pos: [number, number]; message: string }): { text: string; line?: number } {
  const lines = yaml.split(/\r\n|\r|\n/);
  const lineIndex = yaml.slice(0, error.pos[0]).split(/\r\n|\r|\n/).length - 1;
  const text = lines[lineIndex] ?? "";
  const colon = /^(\s*(?:-\s+)?)([^\s:#][^:#]*?):\s+(\S.*)$/.exec(text);
  if (error.code === "BLOCK_AS_IMPLICIT_KEY" && colon && /:(\s|$)/.test(colon[3])) {
    return { text: t("input.yamlColon", { key: colon[2], quoted: `${colon[2]}: "${colon[3].replace(/"/g, '\\"')}"` }), line: lineIndex };
  }
  if (error.code === "MISSING_CHAR" && /quote/i.test(error.message)) {
    const opened = lines.findIndex((l, i) => i <= lineIndex && /:\s*["']/.test(l) && !/:\s*(["']).*\1\s*$/.test(l));
    const line = opened < 0 ? lineIndex : opened;
    return { text: t("input.yamlQuote", { line: line + 2 }), line };
  }
  if (/flow (sequence|mapping)/i.test(error.message) || /end with a [\]}]/.test(error.message)) {
    const opened = lines.findIndex((l, i) => i <= lineIndex && /[[{]/.test(l) && !/[\]}]\s*$/.test(l));
    const line = opened < 0 ? lineIndex : opened;
    return { text: t("input.yamlBracket", { line: line + 2 }), line };
  }
  if (error.code === "TAB_AS_INDENT") return { text: t("input.yamlTab", { line: lineIndex + 2 }), line: lineIndex };
  if (error.code === "BLOCK_AS_IMPLICIT_KEY") {
    // The parser stops at the value above a line indented too far: that next line is the one to fix.
    let next = lineIndex + 1;
    while (next < lines.length - 1 && (!lines[next].trim() || lines[next].trim().startsWith("#"))) next++;
    const column = text.search(/[^\s-]/) + 1;
    return { text: t("input.yamlIndent", { text: (lines[next] ?? "").trim(), above: text.trim(), line: lineIndex + 2, column }), line: next };
  }
  if (["BAD_INDENT", "MULTILINE_IMPLICIT_KEY", "MISSING_CHAR", "UNEXPECTED_TOKEN"].includes(error.code)) {
    let previous = lineIndex - 1;
    while (previous > 0 && (!lines[previous].trim() || lines[previous].trim().startsWith("#"))) previous--;
    const above = lines[previous] ?? "";
    const column = above.search(/[^\s-]/) + 1;
    return { text: t("input.yamlIndent", { text: text.trim(), above: above.trim(), line: previous + 2, column }), line: lineIndex };
  }
  return { text: t("input.yamlOther", { message: firstSentence(error.message) }) };
}
