import type { AssembledDocument } from "../../assemble/types.js";
import { formatDate, languageTag } from "../../i18n/index.js";
import type { Signatory } from "../../signatories/types.js";
import type { RenderOptions } from "../index.js";
import { logoOf } from "./logo.js";
import { bodyToPdfTree } from "./tree.js";

/**
 * Office fonts mapped to their metric-compatible free twins, so line and page breaks
 * match the DOCX. Carlito/Caladea come from Debian's fonts-crosextra-*, Liberation
 * from fonts-liberation; any other name is asked for as written.
 */
const FONT_TWINS: Record<string, string> = {
  calibri: "Carlito",
  cambria: "Caladea",
  arial: "Liberation Sans",
  helvetica: "Liberation Sans",
  "times new roman": "Liberation Serif",
  "courier new": "Liberation Mono",
};

export const fontFor = (font: string): string => FONT_TWINS[font.toLowerCase()] ?? font;

/** Page numbers are only known inside Typst; the label travels with these stand-ins. */
export const PAGE = "\u{E000}";
export const PAGES = "\u{E001}";

/**
 * Lines per Typst text run in the signatory columns. Typst lays out one long string
 * with line breaks far faster than one content element per name (DESIGN.md), and
 * splitting it into runs of this size keeps each paragraph's layout small.
 */
const LINES_PER_RUN = 1000;

/** A name list as runs of lines, in as many columns as its typical line allows. */
function nameColumns(heading: string, lines: string[]) {
  const runs: string[] = [];
  for (let i = 0; i < lines.length; i += LINES_PER_RUN) runs.push(lines.slice(i, i + LINES_PER_RUN).join("\n"));
  const lengths = lines.slice(0, 1000).map((l) => l.length).sort((a, b) => a - b);
  const typical = lengths[lengths.length >> 1] ?? 0;
  return { heading, runs, columns: typical <= 28 ? 3 : typical <= 45 ? 2 : 1 };
}

/** One signatory as one line; e-mail, phone and unknown columns never appear. */
const signatoryLine = (s: Signatory): string => [s.name, [s.role, s.organisation, s.place].filter(Boolean).join(", ")].filter(Boolean).join(" — ");

/** Everything the Typst template shows, as plain JSON data. */
export async function documentData(doc: AssembledDocument, options: RenderOptions) {
  const { meta, labels, signatories, template } = doc;
  const showSignatories = template.signatories && signatories.total > 0;
  return {
    lang: meta.lang,
    region: languageTag(meta.lang).split("-")[1],
    title: meta.title,
    author: meta.from.map((s) => s.name),
    style: { font: fontFor(template.style.font), size: template.style.fontSize, headingColor: template.style.headingColor },
    letterhead: await Promise.all(
      meta.from.map(async (s) => ({ name: s.name, logo: await logoOf(doc, s, options), lines: [s.address, s.orgnr ? `${labels.orgnr} ${s.orgnr}` : undefined].filter(Boolean) })),
    ),
    to: { label: labels.to, recipients: meta.to.map((r) => ({ name: r.name, address: r.address ?? null })) },
    refs: [
      meta.ref.theirs ? [labels.yourRef, meta.ref.theirs] : null,
      meta.ref.ours ? [labels.ourRef, meta.ref.ours] : null,
      [labels.date, meta.dateText],
    ].filter(Boolean),
    consultation: meta.consultation
      ? [
          `${labels.consultation}: ${meta.consultation.title}`,
          `${labels.issuer}: ${meta.consultation.issuer}${meta.consultation.ref ? ` (${meta.consultation.ref})` : ""}`,
          ...(meta.consultation.deadline ? [`${labels.deadline}: ${formatDate(meta.consultation.deadline, meta.lang)}`] : []),
        ]
      : null,
    label: template.label[meta.lang] ?? null,
    body: bodyToPdfTree(doc, options),
    closing: template.closing ? { text: labels.closing, senders: meta.from.map((s) => s.name), signature: meta.signature.map((s) => ({ name: s.name, role: s.role ?? null })) } : null,
    signatories: showSignatories
      ? {
          heading: labels.signatories,
          organisations: signatories.organisations.length ? nameColumns(labels.organisations, signatories.organisations.map(signatoryLine)) : null,
          persons: signatories.persons.length || signatories.hiddenPersons ? nameColumns(labels.persons, signatories.persons.map(signatoryLine)) : null,
          hidden: signatories.hiddenPersons ? labels.hiddenPersons(signatories.hiddenPersons) : null,
        }
      : null,
    sources: doc.sources.length
      ? { heading: labels.sources, items: doc.sources.map((s) => ({ number: s.number, text: [s.title, s.publisher, s.date].filter(Boolean).join(". "), url: s.url ?? null })) }
      : null,
    footer: { pageOf: labels.pageOf(PAGE, PAGES), version: `${labels.version} ${doc.fingerprint}` },
  };
}
