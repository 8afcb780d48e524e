import type { AssembledDocument } from "../assemble/types.js";
import { formatDate } from "../i18n/index.js";

/** One line of the consultation block: a label (none when the value already says it) and its value. */
export interface ConsultationLine {
  label?: string;
  value: string;
  /** The value is this address, shown as it is and linked. */
  url?: string;
}

/** "Høring – Nasjonal veileder …" already says what it is: a label in front would read "Høring: Høring – …". */
const startsWithLabel = (title: string, label: string) => title.toLocaleLowerCase().startsWith(label.toLocaleLowerCase()) && !/^[\p{L}\p{N}]/u.test(title.slice(label.length));

/** The lines every format prints for the consultation being answered, in this order. */
export function consultationLines(doc: AssembledDocument): ConsultationLine[] {
  const { meta, labels } = doc;
  const c = meta.consultation;
  if (!c) return [];
  return [
    startsWithLabel(c.title, labels.consultation) ? { value: c.title } : { label: labels.consultation, value: c.title },
    { label: labels.issuer, value: c.issuer },
    ...(c.ref ? [{ label: labels.caseNumber, value: c.ref }] : []),
    ...(c.deadline ? [{ label: labels.deadline, value: formatDate(c.deadline, meta.lang) }] : []),
    ...(c.url ? [{ label: labels.consultationAddress, value: c.url, url: c.url }] : []),
  ];
}

/** A source's date as the letter's own date reads ("1. september 2023"); a year or other text stays as written. */
const sourceDate = (date: string | undefined, lang: AssembledDocument["meta"]["lang"]) => (date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? formatDate(date, lang) : date);

/** A source-list entry's text without its address: "Title. Publisher. Date". */
export function sourceText(doc: AssembledDocument, source: AssembledDocument["sources"][number]): string {
  return [source.title, source.publisher, sourceDate(source.date, doc.meta.lang)].filter(Boolean).join(". ");
}

/** The reference fields that have a value ("Deres ref.", "Vår ref.", "Dato"): an empty one prints nothing, in every format. */
export function referenceFields(doc: AssembledDocument): [label: string, value: string][] {
  const { meta, labels } = doc;
  const fields: [string, string | undefined][] = [
    [labels.yourRef, meta.ref.theirs?.trim()],
    [labels.ourRef, meta.ref.ours?.trim()],
    [labels.date, meta.dateText],
  ];
  return fields.filter((field): field is [string, string] => Boolean(field[1]));
}
