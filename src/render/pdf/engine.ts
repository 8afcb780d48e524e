import type { AssembledDocument } from "../../assemble/types.js";
import { t } from "../../i18n/catalogue.js";
import { PDF_STANDARDS, type RenderOptions } from "../types.js";
import { describeChars, placesOf } from "./check.js";

/**
 * Typst reports as diagnostics (compile) or as the text of a thrown error, which is its
 * Rust debug form (`[SourceDiagnostic { severity: Error, span: …, message: "…", hints: […] }]`).
 * Users get the message and its hints, never the dump.
 */
export function engineMessages(raw: unknown): string[] {
  if (raw === null || raw === undefined) return [];
  if (raw && typeof raw === "object" && "shortDiagnostics" in raw) {
    return ((raw as { shortDiagnostics: { message?: string }[] }).shortDiagnostics ?? []).map((d) => d.message ?? "").filter(Boolean);
  }
  const text = raw instanceof Error ? raw.message : String(raw);
  const found = [...text.matchAll(/message: "((?:[^"\\]|\\.)*)"(?:, trace: \[[^\]]*\])?(?:, hints: \[((?:"(?:[^"\\]|\\.)*",? ?)*)\])?/g)].map(([, message, hints]) => {
    const unescape = (s: string) => s.replace(/\\(.)/g, "$1");
    const hintTexts = [...(hints ?? "").matchAll(/"((?:[^"\\]|\\.)*)"/g)].map(([, h]) => unescape(h));
    return [unescape(message), ...hintTexts].join(" — ");
  });
  return found.length ? found : [text];
}

/** `\u{e000}` in an engine message: a character the chosen standard forbids. */
const CODEPOINT = /\\?u\{([0-9a-f]+)\}/gi;

/**
 * Reports what Typst said, each at the place in the input it concerns when the message
 * names a character (PDF/A forbids private-use code points, for one), else at the document.
 */
export function reportEngineError(doc: AssembledDocument, options: RenderOptions, raw: unknown): void {
  for (const message of engineMessages(raw)) {
    const chars = new Set([...message.matchAll(CODEPOINT)].map(([, hex]) => String.fromCodePoint(parseInt(hex, 16))));
    const places = chars.size ? placesOf(doc, (c) => chars.has(c)) : [];
    for (const { place, chars: here } of places) {
      options.reporter.error(place.file, place.position, t("render.engineCharacter", { chars: describeChars(here), who: place.who, standard: options.pdfStandard ? PDF_STANDARDS[options.pdfStandard] : "PDF" }), "pdf-engine");
    }
    if (!places.length) options.reporter.error(doc.file, undefined, t("render.engineError", { message }), "pdf-engine");
  }
}
