import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import { readFrontmatterNode } from "../parse/markdown.js";
import type { Workspace } from "../workspace/index.js";

/** A document file as the studio edits it: the frontmatter as data (the form), the body as text (the editor). */
export interface DocumentParts {
  /** The frontmatter's YAML as written, kept byte for byte while only the body changes. */
  frontmatter: string;
  /** The frontmatter as data; {} when there is none or it is not a mapping. */
  meta: Record<string, unknown>;
  body: string;
  /** Line of the file on which the body's first line stands (1-based). */
  bodyLine: number;
  /** Why the frontmatter could not be read as data, if it could not. */
  yamlError?: string;
}

export function splitDocument(text: string): DocumentParts {
  const node = readFrontmatterNode(text);
  const end = node?.position?.end.offset ?? 0;
  const frontmatter = text.slice(0, end);
  const body = text.slice(end);
  let meta: Record<string, unknown> = {};
  let yamlError: string | undefined;
  try {
    const value: unknown = node ? parseYaml(node.value) : {};
    if (value && typeof value === "object" && !Array.isArray(value)) meta = value as Record<string, unknown>;
  } catch (error) {
    yamlError = (error as Error).message.split("\n")[0];
  }
  return { frontmatter, meta, body, bodyLine: frontmatter.split("\n").length, yamlError };
}

/** The file text for new frontmatter data and body; the keys keep the order the form sent. */
export function joinDocument(meta: Record<string, unknown>, body: string): string {
  return `---\n${stringifyYaml(meta, { lineWidth: 0 })}---\n${body.startsWith("\n") ? body : `\n${body}`}`;
}

const INCLUDE = /\{\{>\s*([^\s}]+)\s*\}\}/g;
const VARIABLE = /\{\{\s*([A-Za-z_][\w.-]*)\s*\}\}/g;

export interface RequiredVariable {
  name: string;
  /** The blocks (or "" for the document's own text) that use it. */
  usedBy: string[];
}

/**
 * Every variable the document's text and its included blocks use, in order of first
 * use: what the variables form asks for. Read from the text, not the assembled
 * document, so that a missing variable (an error, no assembly) is still listed.
 */
export function requiredVariables(body: string, workspace: Workspace, lang: string): RequiredVariable[] {
  const found = new Map<string, string[]>();
  const note = (name: string, by: string) => {
    const users = found.get(name) ?? [];
    if (!users.includes(by)) users.push(by);
    found.set(name, users);
  };
  for (const [, name] of body.matchAll(VARIABLE)) note(name, "");
  for (const [, id] of body.matchAll(INCLUDE)) {
    const variants = workspace.blocks.get(id);
    const block = variants?.get(lang as never) ?? variants?.values().next().value;
    for (const name of block?.meta.requires ?? []) note(name, id);
  }
  return [...found].map(([name, usedBy]) => ({ name, usedBy }));
}
