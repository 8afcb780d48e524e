import type { Root, RootContent } from "mdast";
import { toMarkdown } from "mdast-util-to-markdown";
import { stringify as stringifyYaml } from "yaml";
import { LABELS } from "../i18n/index.js";
import { keepLiteral } from "../import/literal.js";
import type { Lang } from "../schema/common.js";
import type { Outline } from "./outline.js";
import { PLACEHOLDERS } from "./placeholders.js";

/**
 * "Høringssvar – Veileder for smerteklinikker"; a consulted title that already
 * says "Høring…" (`Høring – forslag til ny lov`, `Høringsnotat om …`) loses that
 * word rather than reading "Høringssvar – Høring – …".
 */
export function responseTitle(prefix: string, consulted: string): string {
  const rest = CONSULTATION_WORD.exec(consulted.trim())?.[1];
  if (rest === undefined) return `${prefix} – ${consulted}`;
  if (!rest) return prefix;
  // "Høring: forslag" and "Høring — forslag" read "Høringssvar – forslag".
  return "–—:-".includes(rest[0]) ? `${prefix} –${rest.slice(1)}` : `${prefix} ${rest}`;
}

/** A string, not a regex literal: esbuild escapes non-ASCII in strings only, and an ASCII bundle starts faster (scripts/bundle.mjs). */
const CONSULTATION_WORD = new RegExp("^(?:høring|høyring|consultation)(?:snotat|sbrev|sdokument| paper| document)?\\b\\s*(.*)$", "i");

export interface ScaffoldOptions {
  lang?: Lang;
  issuer?: string;
  deadline?: string;
}

/**
 * A høringssvar to fill in: frontmatter with the consultation and its chapters
 * (`noComments: true`, so a deleted chapter section reads "Ingen merknader."), a
 * summary first, then one `## ` section per chapter with a placeholder paragraph.
 */
export function scaffoldHoringssvar(outline: Outline, options: ScaffoldOptions = {}): string {
  const lang = options.lang ?? "nb";
  const text = PLACEHOLDERS[lang];
  const issuer = options.issuer ?? text.issuer;
  const frontmatter = {
    template: "horingssvar",
    title: responseTitle(text.title, outline.title),
    lang,
    to: [issuer],
    from: { name: text.sender },
    consultation: {
      title: outline.title,
      issuer,
      ...(options.deadline ? { deadline: options.deadline } : {}),
      chapters: outline.chapters,
      noComments: true,
    },
  };
  const section = (title: string, placeholder: string): RootContent[] => [
    { type: "heading", depth: 2, children: [{ type: "text", value: title }] },
    { type: "paragraph", children: [{ type: "text", value: placeholder }] },
  ];
  const body: Root = { type: "root", children: [...section(LABELS[lang].summary, text.summary), ...outline.chapters.flatMap((chapter) => section(chapter, text.chapter))] };
  keepLiteral(body);
  return `---\n${stringifyYaml(frontmatter, { lineWidth: 0 })}---\n\n${toMarkdown(body)}`;
}
