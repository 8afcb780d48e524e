import { t } from "../i18n/catalogue.js";

export type Severity = "error" | "warning" | "info";

export interface Position {
  line: number;
  column: number;
}

/** One problem in one input file, vfile-message style (file, line, column, rule id). */
export interface Message {
  file: string;
  line?: number;
  column?: number;
  severity: Severity;
  text: string;
  rule?: string;
}

/**
 * Collects messages from every stage so that one bad file never hides the others;
 * the caller decides the exit code once, at the end (`hasErrors`).
 */
export class Reporter {
  readonly messages: Message[] = [];

  add(severity: Severity, file: string, position: Position | undefined, text: string, rule?: string): void {
    this.messages.push({ file, line: position?.line, column: position?.column, severity, text, rule });
  }

  error(file: string, position: Position | undefined, text: string, rule?: string): void {
    this.add("error", file, position, text, rule);
  }

  warn(file: string, position: Position | undefined, text: string, rule?: string): void {
    this.add("warning", file, position, text, rule);
  }

  info(file: string, position: Position | undefined, text: string, rule?: string): void {
    this.add("info", file, position, text, rule);
  }

  get hasErrors(): boolean {
    return this.messages.some((m) => m.severity === "error");
  }

  errorsFor(file: string): Message[] {
    return this.messages.filter((m) => m.severity === "error" && m.file === file);
  }
}

const SEVERITY_WORDS = { error: "cli.severityError", warning: "cli.severityWarning", info: "cli.severityInfo" } as const;

const COLORS: Record<Severity, string> = { error: "\x1b[31m", warning: "\x1b[33m", info: "\x1b[36m" };

/** `documents/x.md:12:5  error  unknown block "krav/stanse"  (did you mean …?)` */
export function formatMessage(m: Message, color = false): string {
  const place = m.line ? `${m.file}:${m.line}:${m.column ?? 1}` : m.file;
  const word = t(SEVERITY_WORDS[m.severity]);
  const severity = color ? `${COLORS[m.severity]}${word}\x1b[39m` : word;
  return `${place}  ${severity}  ${m.text}`;
}

/** Closest candidate by edit distance, for "did you mean" hints; none when nothing is close. */
export function suggest(wanted: string, candidates: Iterable<string>): string | undefined {
  const list = [...candidates];
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of list) {
    const d = editDistance(wanted, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  const limit = Math.max(2, Math.floor(wanted.length / 3));
  if (best !== undefined && bestDistance <= limit) return best;
  // A prefix of a longer id ("krav/stanse" for "krav/stanse-avvikling") is a likely typo too.
  for (const candidate of list) if (wanted.length >= 4 && candidate.startsWith(wanted)) return candidate;
  return undefined;
}

export function didYouMean(wanted: string, candidates: Iterable<string>): string {
  const hint = suggest(wanted, candidates);
  return hint ? t("input.didYouMean", { hint }) : "";
}

function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0];
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j];
      previous[j] = Math.min(previous[j] + 1, previous[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length];
}
