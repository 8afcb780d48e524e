import type { Root, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import { t } from "../i18n/catalogue.js";
import type { Labels } from "../i18n/index.js";
import type { Reporter } from "../report/index.js";
import type { DocumentFrontmatter } from "../schema/document.js";
import type { TemplateDef } from "../schema/template.js";
import type { Workspace } from "../workspace/index.js";
import { reportDeadline } from "./deadline.js";
import { PLACEHOLDERS } from "./placeholders.js";
import { reportPersonalData } from "./privacy.js";
import { addNoCommentsSections, reportChapterOrder, reportStraySections } from "./sections.js";

export { chapterKey } from "./sections.js";
// readOutline and scaffoldHoringssvar are imported from ./outline.js and ./scaffold.js: a
// re-export here would load mammoth and parse5 (the DOCX importer) into every build.

export interface ConsultationInput {
  body: Root;
  meta: DocumentFrontmatter;
  template: TemplateDef | undefined;
  labels: Labels;
  workspace: Workspace;
  /** Workspace-relative path and text of the document, for messages. */
  file: string;
  source: string;
  /** ISO day the deadline is counted from. */
  today: string;
  reporter: Reporter;
}

/**
 * The høringssvar step of assembling (SPEC §3 `consultation`): checks that a
 * consultation template has its consultation, warns about a near or past deadline
 * and, when asked, adds "no comments" sections for the chapters not answered.
 */
export function applyConsultation({ body, meta, template, labels, workspace, file, source, today, reporter }: ConsultationInput): void {
  const consultation = meta.consultation;
  if (!consultation) {
    if (template?.kind === "consultation") reporter.error(file, lineOf(source, /^template:/), t("consultation.needsConsultation", { template: meta.template }), "consultation");
    return;
  }
  reportPlaceholders(body, meta, file, source, reporter);
  reportPersonalData(body, file, (blockId) => blockFile(workspace, blockId, meta.lang), reporter);
  if (consultation.deadline) reportDeadline(consultation.deadline, today, file, lineOf(source, /^\s+deadline:/), reporter);
  if (!consultation.chapters.length) {
    if (consultation.noComments) reporter.warn(file, lineOf(source, /^\s+noComments:/), t("consultation.noCommentsNeedsChapters"), "consultation");
    return;
  }
  reportStraySections(body, consultation.chapters, labels.summary, file, reporter);
  reportChapterOrder(body, consultation.chapters, file, reporter);
  if (!consultation.noComments) return;
  const isClosing = (node: RootContent) => {
    const id = node.data?.blockId;
    const variants = id ? workspace.blocks.get(id) : undefined;
    return Boolean(variants && [...variants.values()].some((block) => block.meta.kind === "closing"));
  };
  addNoCommentsSections({ body, chapters: consultation.chapters, noCommentsText: labels.noComments, isClosing });
}

/** A scaffold's fill-in text must not be sent: warn at each one left. */
function reportPlaceholders(body: Root, meta: DocumentFrontmatter, file: string, source: string, reporter: Reporter): void {
  const texts = new Set(Object.values(PLACEHOLDERS).flatMap((p) => [p.summary, p.chapter, p.issuer, p.sender]));
  for (const node of body.children) {
    if (node.type !== "paragraph" || !texts.has(toString(node).trim())) continue;
    const where = node.position?.start;
    reporter.warn(file, where && { line: where.line, column: where.column }, t("consultation.placeholderLeft"), "placeholder");
  }
  const fields = [meta.consultation?.issuer, ...meta.to.map((r) => r.name), ...(meta.from ?? []).map((s) => s.name)];
  for (const value of new Set(fields)) if (value && texts.has(value)) reporter.warn(file, lineOf(source, new RegExp(escapeRegExp(value))), t("consultation.fillIn", { value }), "placeholder");
}

/** The file a block's text came from (the variant the document's language picks), for messages about it. */
function blockFile(workspace: Workspace, blockId: string, lang: DocumentFrontmatter["lang"]): string | undefined {
  const variants = workspace.blocks.get(blockId);
  return (variants?.get(lang) ?? variants?.get("nb") ?? [...(variants?.values() ?? [])][0])?.file;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Line of the first frontmatter line matching `pattern`, for messages about a field. */
function lineOf(source: string, pattern: RegExp) {
  const lines = source.split("\n");
  const end = lines.indexOf("---", 1);
  const index = lines.slice(0, end < 0 ? undefined : end).findIndex((line) => pattern.test(line));
  return index < 0 ? undefined : { line: index + 1, column: lines[index].search(/\S/) + 1 };
}
