import type { Heading, Root, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import { t } from "../i18n/catalogue.js";
import { didYouMean, type Reporter } from "../report/index.js";

/**
 * Chapter titles match a `## ` heading whatever the case, spacing, chapter number
 * ("3.2 Henvisninger") or trailing full stop: a number dropped in a Word outline
 * must not produce a second, "no comments" section for a chapter that was answered.
 */
export function chapterKey(title: string): string {
  return title
    .normalize("NFC")
    .replace(/^\s*(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVXLC]+\.)\s+/, "")
    .replace(/\s+/g, " ")
    .replace(/[.:]+$/, "")
    .trim()
    .toLocaleLowerCase("nb");
}

interface Section {
  key: string;
  heading: Heading;
  /** Index of the heading in the body, and one past the section's last node. */
  start: number;
  end: number;
}

export interface NoCommentsInput {
  body: Root;
  chapters: string[];
  /** The "Ingen merknader." paragraph, in the document's language. */
  noCommentsText: string;
  /** Trailing nodes that close the letter (a closing block) stay last. */
  isClosing: (node: RootContent) => boolean;
}

/**
 * Gives every chapter that has no `## ` section in the body one with the "no comments"
 * paragraph, in the consulted document's chapter order: a missing chapter goes before
 * the section of the next chapter that is answered, or after the last answered one.
 * Works on the mdast body, so every renderer shows the added sections.
 */
export function addNoCommentsSections({ body, chapters, noCommentsText, isClosing }: NoCommentsInput): string[] {
  const children = body.children;
  let epilogue = children.length;
  while (epilogue > 0 && isClosing(children[epilogue - 1])) epilogue--;
  const sections = sectionsOf(children, epilogue);
  const answered = chapters.map((title) => sections.find((s) => s.key === chapterKey(title)));

  const inserts = new Map<number, RootContent[]>();
  const added: string[] = [];
  chapters.forEach((title, index) => {
    if (answered[index]) return;
    const next = answered.slice(index + 1).find(Boolean);
    const previous = answered.slice(0, index).reverse().find(Boolean);
    const at = next ? next.start : previous ? previous.end : epilogue;
    const heading: Heading = { type: "heading", depth: 2, children: [{ type: "text", value: title }] };
    inserts.set(at, [...(inserts.get(at) ?? []), heading, { type: "paragraph", children: [{ type: "text", value: noCommentsText }] }]);
    added.push(title);
  });
  // Splice from the back so earlier indices stay valid.
  for (const at of [...inserts.keys()].sort((a, b) => b - a)) children.splice(at, 0, ...inserts.get(at)!);
  return added;
}

/** A section runs from a `## ` heading to the next heading of depth 1 or 2, or to the closing. */
function sectionsOf(children: RootContent[], epilogue: number): Section[] {
  const sections: Section[] = [];
  children.forEach((node, index) => {
    if (node.type !== "heading" || node.depth > 2) return;
    const open = sections.at(-1);
    if (open && open.end < 0) open.end = index;
    if (node.depth === 2) sections.push({ key: chapterKey(toString(node)), heading: node, start: index, end: -1 });
  });
  const last = sections.at(-1);
  if (last && last.end < 0) last.end = Math.max(last.start + 1, epilogue);
  return sections;
}

/**
 * A `## ` section whose title is no chapter of the consulted document is probably a
 * typo, and its chapter would wrongly get "no comments"; the summary is expected.
 */
export function reportStraySections(body: Root, chapters: string[], summaryLabel: string, file: string, reporter: Reporter): void {
  const keys = new Set(chapters.map(chapterKey));
  for (const node of body.children) {
    if (node.type !== "heading" || node.depth !== 2 || node.data?.blockId) continue;
    const title = toString(node);
    const key = chapterKey(title);
    if (keys.has(key) || key === chapterKey(summaryLabel)) continue;
    const where = node.position?.start;
    reporter.warn(file, where && { line: where.line, column: where.column }, t("consultation.straySection", { title, hint: didYouMean(title, chapters) }), "consultation-chapter");
  }
}

/**
 * The receiving authority reads answers chapter by chapter: a section written
 * after one of a later chapter is warned about where it stands.
 */
export function reportChapterOrder(body: Root, chapters: string[], file: string, reporter: Reporter): void {
  const order = new Map(chapters.map((title, index) => [chapterKey(title), index]));
  let latest: { index: number; title: string } | undefined;
  for (const node of body.children) {
    if (node.type !== "heading" || node.depth !== 2) continue;
    const title = toString(node);
    const index = order.get(chapterKey(title));
    if (index === undefined) continue;
    if (latest && index < latest.index) {
      const where = node.position?.start;
      reporter.warn(file, where && { line: where.line, column: where.column }, t("consultation.outOfOrder", { title, before: latest.title }), "consultation-order");
    } else latest = { index, title };
  }
}
