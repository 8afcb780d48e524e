/**
 * YAML and JSON lists: a sequence of mappings, or a mapping whose
 * `signatories` key holds one. Each item's line comes from the source text.
 */
import { LineCounter, isMap, isSeq, parseDocument, type Node } from "yaml";
import { t } from "../../i18n/catalogue.js";
import { UnreadableFile, cellText, type RowSink } from "./types.js";

type Item = { line: number; value: unknown };

function listOf(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (value && typeof value === "object" && Array.isArray((value as { signatories?: unknown }).signatories)) {
    return (value as { signatories: unknown[] }).signatories;
  }
  if (value === null || value === undefined) return [];
  throw new UnreadableFile(t("signatories.notAList"), 1);
}

function emit(items: Item[], sink: RowSink): void {
  for (const { line, value } of items) {
    if (!value || typeof value !== "object" || Array.isArray(value)) {
      // An item that is not a mapping still reaches the row schema, which reports the missing name.
      sink({ line, columns: [], cells: [] });
      continue;
    }
    const entries = Object.entries(value);
    sink({ line, columns: entries.map(([key]) => key), cells: entries.map(([, cell]) => cellText(cell)) });
  }
}

export function readYaml(text: string, sink: RowSink): void {
  const lineCounter = new LineCounter();
  // Failsafe: every scalar stays the text it was written as, so a fingerprint
  // like 000123456789 or an orgnr is never turned into a number.
  const doc = parseDocument(text, { lineCounter, schema: "failsafe" });
  const [problem] = doc.errors;
  if (problem) throw new UnreadableFile(problem.message.split("\n")[0], problem.linePos?.[0].line);
  let data: unknown;
  try {
    // Aliases expand here: an unknown anchor or an alias bomb throws instead of returning.
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw new UnreadableFile((error as Error).message.split("\n")[0], 1);
  }
  const values = listOf(data);
  let node: unknown = doc.contents;
  if (isMap(node)) node = node.get("signatories", true);
  const nodes = isSeq(node) ? (node.items as Node[]) : [];
  emit(
    values.map((value, i) => ({ value, line: nodes[i]?.range ? lineCounter.linePos(nodes[i].range![0]).line : 1 })),
    sink,
  );
}

/**
 * JSON.parse for speed (the yaml parser is far slower on big files), plus one
 * pass over the text for the line each item of the top-level array starts on.
 * Anything else goes through the YAML reader, as JSON is YAML: the
 * `{"signatories": [...]}` form, and broken JSON, whose error then has a line.
 */
export function readJson(text: string, sink: RowSink): void {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return readYaml(text, sink);
  }
  if (!Array.isArray(data)) return readYaml(text, sink);
  const lines = itemLines(text);
  emit(
    data.map((value, i) => ({ value, line: lines[i] ?? 1 })),
    sink,
  );
}

/** Lines on which the items of a top-level JSON array start. */
function itemLines(text: string): number[] {
  const lines: number[] = [];
  let level = 0;
  let line = 1;
  let expectItem = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\n") {
      line++;
      continue;
    }
    if (level === 1 && expectItem && c.trim()) {
      lines.push(line);
      expectItem = false;
    }
    if (c === '"') for (i++; i < text.length && text[i] !== '"'; i++) i += text[i] === "\\" ? 1 : 0;
    else if (c === "[" || c === "{") expectItem = ++level === 1;
    else if (c === "]" || c === "}") level--;
    else if (c === "," && level === 1) expectItem = true;
  }
  return lines;
}
