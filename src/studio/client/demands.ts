/**
 * The document's demands: the first run of numbered list lines that each include a
 * block (`1. {{> krav/x}}`). Reordering rewrites those lines only, so the file stays
 * what a person would have written by hand.
 */
const ITEM = /^(\s*)(\d+)([.)])(\s+)\{\{>\s*([^\s}]+)\s*\}\}\s*$/;

export interface DemandList {
  /** Offsets in the body of the list's first character and of the end of its last line. */
  from: number;
  to: number;
  ids: string[];
  lines: string[];
}

export function findDemands(body: string): DemandList | undefined {
  let offset = 0;
  let list: DemandList | undefined;
  for (const line of body.split("\n")) {
    const match = ITEM.exec(line);
    if (match) {
      list ??= { from: offset, to: offset, ids: [], lines: [] };
      list.ids.push(match[5]);
      list.lines.push(line);
      list.to = offset + line.length;
    } else if (list) {
      break;
    }
    offset += line.length + 1;
  }
  return list;
}

/** The list's text with item `from` moved to place `to`, numbered as before. */
export function movedDemands(list: DemandList, from: number, to: number): string {
  const lines = [...list.lines];
  const [moved] = lines.splice(from, 1);
  lines.splice(to, 0, moved);
  return renumber(lines, list.lines).join("\n");
}

/** The change that adds an include of `id` as the last demand (or starts a list at the end of the text). */
export function addDemand(body: string, id: string): { from: number; to: number; insert: string } {
  const list = findDemands(body);
  if (list) {
    const last = ITEM.exec(list.lines.at(-1)!)!;
    const all = [...list.lines, `${last[1]}${last[2]}${last[3]}${last[4]}{{> ${id}}}`];
    return { from: list.from, to: list.to, insert: renumber(all, list.lines).join("\n") };
  }
  const trimmed = body.replace(/\s+$/, "");
  return { from: trimmed.length, to: body.length, insert: `\n\n1. {{> ${id}}}\n` };
}

/** The list without item `index`. */
export function removedDemand(list: DemandList, index: number): string {
  return renumber(
    list.lines.filter((_, i) => i !== index),
    list.lines,
  ).join("\n");
}

/** Lines all numbered alike ("1.") stay so; a counted list counts again from its first number. */
function renumber(lines: string[], before: string[]): string[] {
  const numbers = before.map((line) => Number(ITEM.exec(line)![2]));
  if (numbers.every((n) => n === numbers[0])) return lines.map((line) => line.replace(/^(\s*)\d+/, `$1${numbers[0]}`));
  return lines.map((line, i) => line.replace(/^(\s*)\d+/, `$1${numbers[0] + i}`));
}
