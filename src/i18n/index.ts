import type { Lang } from "../schema/common.js";
import { formatNumber } from "./messages/types.js";

/** Every fixed word a document shows, per language. Renderers take them from `doc.labels`. */
export interface Labels {
  to: string;
  from: string;
  yourRef: string;
  ourRef: string;
  date: string;
  orgnr: string;
  sources: string;
  footnotes: string;
  closing: string;
  signatories: string;
  organisations: string;
  persons: string;
  /** "og {n} privatpersoner": persons who signed without publishing their name. */
  hiddenPersons: (n: number) => string;
  /** "Side {page} av {pages}" — renderers fill the numbers with fields. */
  pageOf: (page: string, pages: string) => string;
  version: string;
  consultation: string;
  issuer: string;
  deadline: string;
  /** The issuer's case number of a consultation ("Saksnummer"). */
  caseNumber: string;
  /** Where the consultation is published (its URL). */
  consultationAddress: string;
  summary: string;
  noComments: string;
}


const nb: Labels = {
  to: "Til",
  from: "Fra",
  yourRef: "Deres ref.",
  ourRef: "Vår ref.",
  date: "Dato",
  orgnr: "Org.nr.",
  sources: "Kilder",
  footnotes: "Fotnoter",
  closing: "Med vennlig hilsen",
  signatories: "Undertegnet av",
  organisations: "Organisasjoner",
  persons: "Privatpersoner",
  hiddenPersons: (n) => `og ${formatNumber(n, "nb")} ${n === 1 ? "privatperson" : "privatpersoner"}`,
  pageOf: (page, pages) => `Side ${page} av ${pages}`,
  version: "Versjon",
  consultation: "Høring",
  // A "høringsinstans" is a body that is consulted, not the one that consults.
  issuer: "Sendt på høring av",
  deadline: "Høringsfrist",
  caseNumber: "Saksnummer",
  consultationAddress: "Høringen på nett",
  summary: "Sammendrag",
  noComments: "Ingen merknader.",
};

const nn: Labels = {
  ...nb,
  from: "Frå",
  yourRef: "Dykkar ref.",
  ourRef: "Vår ref.",
  sources: "Kjelder",
  footnotes: "Fotnotar",
  closing: "Med venleg helsing",
  signatories: "Underteikna av",
  organisations: "Organisasjonar",
  persons: "Privatpersonar",
  hiddenPersons: (n) => `og ${formatNumber(n, "nb")} ${n === 1 ? "privatperson" : "privatpersonar"}`,
  pageOf: (page, pages) => `Side ${page} av ${pages}`,
  version: "Versjon",
  issuer: "Sendt på høyring av",
  consultation: "Høyring",
  deadline: "Høyringsfrist",
  caseNumber: "Saksnummer",
  consultationAddress: "Høyringa på nett",
  summary: "Samandrag",
  noComments: "Ingen merknader.",
};

const en: Labels = {
  to: "To",
  from: "From",
  yourRef: "Your ref.",
  ourRef: "Our ref.",
  date: "Date",
  orgnr: "Org. no.",
  sources: "Sources",
  footnotes: "Notes",
  closing: "Yours sincerely",
  signatories: "Signed by",
  organisations: "Organisations",
  persons: "Individuals",
  hiddenPersons: (n) => `and ${formatNumber(n, "en")} ${n === 1 ? "individual" : "individuals"}`,
  pageOf: (page, pages) => `Page ${page} of ${pages}`,
  version: "Version",
  consultation: "Consultation",
  issuer: "Issued by",
  deadline: "Deadline",
  caseNumber: "Case number",
  consultationAddress: "Consultation online",
  summary: "Summary",
  noComments: "No comments.",
};

export const LABELS: Record<Lang, Labels> = { nb, nn, en };

const MONTHS: Record<Lang, string[]> = {
  nb: ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"],
  nn: ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"],
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
};

/** "22. november 2026" (nb/nn) or "22 November 2026" (en), from an ISO day; no time zone involved. */
export function formatDate(isoDay: string, lang: Lang): string {
  const [year, month, day] = isoDay.split("-").map(Number);
  const monthName = MONTHS[lang][month - 1];
  return lang === "en" ? `${day} ${monthName} ${year}` : `${day}. ${monthName} ${year}`;
}

/** BCP 47 tag for a document language, as Word and PDF metadata want it. */
export function languageTag(lang: Lang): string {
  return { nb: "nb-NO", nn: "nn-NO", en: "en-GB" }[lang];
}
