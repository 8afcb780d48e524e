import { compareNorwegian } from "./sort.js";
import type { Signatory } from "./types.js";

/** No-break spaces around the dash: "— place" never starts a line of its own, where it would read as another signatory. */
const DASH = "\u00a0—\u00a0";

/**
 * A signatory as every format prints it: "Name — role, organisation, place".
 * Only these fields: e-mail, phone and any other column a list brings along are
 * for contact and never reach a document. Runs once per name, so kept cheap.
 */
export function describeSignatory(s: Signatory): string {
  const details = [s.role, s.organisation, s.place].filter(Boolean).join(", ");
  return details ? `${s.name}${DASH}${details}` : s.name;
}

const surnameOf = (name: string) => name.slice(name.trimEnd().lastIndexOf(" ") + 1);

/**
 * Named persons in the document's order: as the list is sorted (by the name as written),
 * or by surname then the whole name, as formal lists are ("Kari Nordmann" under N).
 */
export function personsInOrder(persons: readonly Signatory[], order: "name" | "surname"): readonly Signatory[] {
  if (order === "name") return persons;
  const keyed = persons.map((s) => ({ s, surname: surnameOf(s.name) }));
  keyed.sort((a, b) => compareNorwegian(a.surname, b.surname) || compareNorwegian(a.s.name, b.s.name));
  return keyed.map(({ s }) => s);
}

/**
 * Up to this many names a group is one line (one paragraph) per signatory, easy to
 * edit. A longer list — a petition with tens of thousands of names — is running text:
 * one paragraph per name costs seconds and hundreds of megabytes at 100,000 names in
 * DOCX and PDF alike, and gives a document of thousands of pages.
 */
export const ONE_PER_LINE_UP_TO = 1000;

/** Running text: this many names to a paragraph, separated by "; ". */
export function compactParagraphs(lines: readonly string[]): string[] {
  const paragraphs: string[] = [];
  for (let i = 0; i < lines.length; i += NAMES_PER_COMPACT_PARAGRAPH) paragraphs.push(lines.slice(i, i + NAMES_PER_COMPACT_PARAGRAPH).join("; "));
  return paragraphs;
}

const NAMES_PER_COMPACT_PARAGRAPH = 100;
