import type { Message } from "../../src/report/index.js";

/**
 * Every error must point at a place a user can open: a known file, and a line and
 * column inside it (`null` source: lines not known, e.g. a workbook's sheet rows).
 * Errors of `fileLevelRules` are about a whole file and need no position.
 * Returns what is wrong, empty when all is well.
 */
export function unplacedErrors(messages: readonly Message[], sources: Readonly<Record<string, string | null>>, fileLevelRules: readonly string[] = []): string[] {
  const problems: string[] = [];
  for (const m of messages) {
    if (m.severity !== "error") continue;
    const where = `${m.file}:${m.line}:${m.column} ${m.text} (${m.rule})`;
    const source = sources[m.file];
    if (!(m.file in sources)) {
      problems.push(`unknown file: ${where}`);
      continue;
    }
    if (fileLevelRules.includes(m.rule ?? "")) continue;
    if (!m.line || !m.column) {
      problems.push(`no position: ${where}`);
      continue;
    }
    if (source === null) continue;
    const lines = source.split(/\r\n|\r|\n/);
    if (m.line > lines.length || m.column < 1 || m.column > lines[m.line - 1].length + 1) problems.push(`position outside the file (${lines.length} lines): ${where}`);
  }
  return problems;
}
