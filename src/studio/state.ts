import path from "node:path";
import type { EngineBuild } from "../engine/index.js";
import type { Page } from "../engine/pages.js";
import type { Message } from "../report/index.js";
import { documentFrontmatterSchema } from "../schema/document.js";
import { requiredVariables, type DocumentParts } from "./document.js";

/** Where a problem can be shown: the letter form, the text editor, a block, or a list of signatories. */
export type ProblemPlace = { view: "form"; line?: number } | { view: "text"; line: number; column: number } | { view: "block"; file: string } | { view: "signatories"; file: string } | { view: "other" };

export interface Problem {
  severity: Message["severity"];
  /** `file:line:col`, as `check` prints it. */
  where: string;
  text: string;
  place: ProblemPlace;
}

/** Everything the studio shows about one document after a build, as JSON for the browser. */
export interface DocumentState {
  path: string;
  hash: string;
  meta: Record<string, unknown>;
  body: string;
  bodyLine: number;
  /** Frontmatter problems by field path (`to.0.name`), for the form to show in place. */
  fieldErrors: Record<string, string>;
  /** Set when the frontmatter is not readable YAML: the form cannot show it and must not overwrite it. */
  yamlError?: string;
  problems: Problem[];
  errors: number;
  variables: { name: string; usedBy: string[]; value: string; missing: boolean }[];
  signatories: {
    files: { file: string; group?: string; map?: Record<string, string>; named: number }[];
    organisations: number;
    persons: number;
    hiddenPersons: number;
    total: number;
  };
  /** The pages of the last build that assembled; `stale` when this build did not. */
  pages: { hash: string; width: number; height: number }[];
  stale: boolean;
  templates: string[];
  fingerprint?: string;
  /** Milliseconds from the request to the pages. */
  ms: number;
}

/** The state of one build; the server adds how long the build and pages took (`ms`). */
export function documentState(relative: string, hash: string, parts: DocumentParts, build: EngineBuild, pages: Page[], stale: boolean): Omit<DocumentState, "ms"> {
  const meta = parts.meta;
  const lang = typeof meta.lang === "string" ? meta.lang : "nb";
  const vars = (meta.vars && typeof meta.vars === "object" ? meta.vars : {}) as Record<string, unknown>;
  const named = new Map<string, number>();
  for (const s of [...(build.doc?.signatories.organisations ?? []), ...(build.doc?.signatories.persons ?? [])]) named.set(s.source.file, (named.get(s.source.file) ?? 0) + 1);
  const list = build.doc?.signatories;
  return {
    path: relative,
    hash,
    meta,
    body: parts.body,
    bodyLine: parts.bodyLine,
    fieldErrors: fieldErrors(meta),
    yamlError: parts.yamlError,
    problems: build.messages.map((m) => problemOf(m, relative, parts.bodyLine)),
    errors: build.errors,
    variables: requiredVariables(parts.body, build.workspace, lang).map(({ name, usedBy }) => {
      const value = vars[name];
      return { name, usedBy, value: value === undefined || value === null ? "" : String(value), missing: value === undefined || value === null || value === "" };
    }),
    signatories: {
      files: signatoryEntries(meta).map((entry) => ({ ...entry, named: named.get(signatoryDisplayPath(relative, entry.file)) ?? 0 })),
      organisations: list?.organisations.length ?? 0,
      persons: list?.persons.length ?? 0,
      hiddenPersons: list?.hiddenPersons ?? 0,
      total: list?.total ?? 0,
    },
    pages: pages.map(({ hash, width, height }) => ({ hash, width, height })),
    stale,
    templates: [...build.workspace.templates.keys()].sort(),
    fingerprint: build.doc?.fingerprint,
  };
}

/** The document's `signatories` entries, each as `{file, group?, map?}`. */
export function signatoryEntries(meta: Record<string, unknown>): { file: string; group?: string; map?: Record<string, string> }[] {
  const entries = Array.isArray(meta.signatories) ? meta.signatories : [];
  return entries.flatMap((entry: unknown) => {
    if (typeof entry === "string") return [{ file: entry }];
    if (entry && typeof entry === "object" && typeof (entry as { file?: unknown }).file === "string") return [entry as { file: string; group?: string; map?: Record<string, string> }];
    return [];
  });
}

/** `../signatories/x.csv` from `documents/brev.md` is `signatories/x.csv`, as signatory messages name it. */
const signatoryDisplayPath = (documentPath: string, file: string): string => path.posix.normalize(path.posix.join(path.posix.dirname(documentPath), file));

function fieldErrors(meta: Record<string, unknown>): Record<string, string> {
  const result = documentFrontmatterSchema.safeParse(meta);
  if (result.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.join(".") || "frontmatter";
    errors[key] ??= issue.message;
  }
  return errors;
}

function problemOf(m: Message, documentPath: string, bodyLine: number): Problem {
  const where = m.line ? `${m.file}:${m.line}:${m.column ?? 1}` : m.file;
  const base = { severity: m.severity, where, text: m.text };
  if (m.file === documentPath) {
    if (m.line && m.line >= bodyLine) return { ...base, place: { view: "text", line: m.line - bodyLine + 1, column: m.column ?? 1 } };
    return { ...base, place: { view: "form", line: m.line } };
  }
  if (m.file.startsWith("demands/")) return { ...base, place: { view: "block", file: m.file } };
  if (m.file.startsWith("signatories/")) return { ...base, place: { view: "signatories", file: m.file } };
  return { ...base, place: { view: "other" } };
}
