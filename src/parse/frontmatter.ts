import type { Yaml } from "mdast";
import { isNode, parseDocument, type Document } from "yaml";
import type { z } from "zod";
import type { Position, Reporter } from "../report/index.js";

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
): z.output<S> | undefined {
  if (!node) {
    reporter.error(file, { line: 1, column: 1 }, "missing frontmatter: the file must start with a `---` YAML block", "frontmatter");
    return undefined;
  }
  // logLevel "error": a collection used as a key is reported as an unknown field, not warned about on stderr.
  const doc = parseDocument(node.value, { prettyErrors: false, uniqueKeys: true, logLevel: "error" });
  const at = (offset: number) => positionAt(node, offset);
  if (doc.errors.length) {
    for (const error of doc.errors) reporter.error(file, at(error.pos[0]), `bad YAML: ${firstSentence(error.message)}`, "yaml");
    return undefined;
  }
  let raw: unknown;
  try {
    // Aliases are expanded here: an unknown anchor or a billion-laughs bomb throws.
    raw = doc.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (error) {
    reporter.error(file, at(0), `bad YAML: ${firstSentence((error as Error).message)}`, "yaml");
    return undefined;
  }
  // reportInput lets a wrong-typed field be told apart from a missing one.
  const result = schema.safeParse(raw, { reportInput: true });
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const path = issue.path.map(String);
    reporter.error(file, at(issueOffset(doc, issue)), describeIssue(path, issue), "frontmatter");
  }
  return undefined;
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

function describeIssue(path: string[], issue: z.core.$ZodIssue): string {
  const field = path.length ? `"${path.join(".")}"` : "frontmatter";
  if (issue.code === "unrecognized_keys") return `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}${path.length ? ` in ${field}` : ""}`;
  if (issue.code === "invalid_type" && issue.input === undefined) return `missing required field ${field}`;
  return `${field}: ${issue.message}`;
}
