/**
 * Høringssvar are published by the authority that receives them (SPEC §3): a
 * national identity number, phone number or e-mail address of a person in the
 * text would be published too. Found in the text as written, warned at its place.
 */
import type { Root, Text } from "mdast";
import { visit } from "unist-util-visit";
import { t } from "../i18n/catalogue.js";
import type { Reporter } from "../report/index.js";

const FNR_WEIGHTS_1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const FNR_WEIGHTS_2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

/** Eleven digits whose two control digits are right (MOD11, as the tax office issues them; D- and H-numbers too). */
export function isFodselsnummer(digits: string): boolean {
  if (!/^\d{11}$/.test(digits)) return false;
  const d = [...digits].map(Number);
  const control = (weights: number[]) => {
    const rest = 11 - (weights.reduce((sum, w, i) => sum + w * d[i], 0) % 11);
    return rest === 11 ? 0 : rest;
  };
  const k1 = control(FNR_WEIGHTS_1);
  const k2 = control(FNR_WEIGHTS_2);
  return k1 !== 10 && k2 !== 10 && k1 === d[9] && k2 === d[10];
}

const PATTERNS: { kind: "consultation.kindFnr" | "consultation.kindPhone" | "consultation.kindEmail"; pattern: RegExp; accept?: (match: string) => boolean }[] = [
  { kind: "consultation.kindFnr", pattern: /(?<![\d-])\d{6} ?\d{5}(?![\d-])/g, accept: (m) => isFodselsnummer(m.replace(/ /g, "")) },
  // Norwegian numbers as people write them: 91234567, 912 34 567, 22 33 44 55, with +47 or 0047 before.
  { kind: "consultation.kindPhone", pattern: /(?<![\d+])(?:(?:\+|00)47 ?)?(?:[2-9]\d{7}|[2-9]\d(?: \d\d){3}|[49]\d\d \d\d \d\d\d)(?![\d])/g },
  { kind: "consultation.kindEmail", pattern: /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu },
];

/** Warns at each piece of personal data in the body's text; `fileOf` names the file a block's text came from. */
export function reportPersonalData(body: Root, documentFile: string, fileOf: (blockId: string) => string | undefined, reporter: Reporter): void {
  visit(body, (node) => {
    if (node.type !== "text" && node.type !== "inlineCode") return;
    const text = (node as Text).value;
    const start = node.position?.start;
    for (const { kind, pattern, accept } of PATTERNS) {
      for (const match of text.matchAll(pattern)) {
        if (accept && !accept(match[0])) continue;
        const before = text.slice(0, match.index).split("\n");
        const position = start && { line: start.line + before.length - 1, column: (before.length === 1 ? start.column : 1) + before.at(-1)!.length };
        const blockId = node.data?.blockId;
        reporter.warn((blockId && fileOf(blockId)) || documentFile, position, t("consultation.personalData", { kind: t(kind), text: match[0] }), "personal-data");
      }
    }
  });
}
