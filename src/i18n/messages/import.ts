import { count, messages } from "./types.js";

/** Words of the import concern (Word drafts into blocks), bokmål and English. */
export const importer = messages({
  emptySection: {
    nb: (p: { title: string }) => `delen «${p.title}» er tom; ingen blokk skrevet`,
    en: (p: { title: string }) => `section «${p.title}» is empty; no block written`,
  },
  citationLike: {
    nb: (p: { title: string }) => `delen «${p.title}» har tekst som [@…], som en blokk leser som en kildehenvisning`,
    en: (p: { title: string }) => `section «${p.title}» has text like [@…], which a block reads as a citation`,
  },
  beforeFirstHeading: { nb: "før første overskrift", en: "before the first heading" },
  inSection: { nb: (p: { title: string }) => `i delen «${p.title}»`, en: (p: { title: string }) => `in section «${p.title}»` },
  images: {
    nb: (p: { n: number; where: string }) => `${count(p.n, "bilde", "bilder", "nb")} ikke importert (${p.where})`,
    en: (p: { n: number; where: string }) => `${count(p.n, "image", "images", "en")} not imported (${p.where})`,
  },
  comments: {
    nb: (p: { n: number; where: string }) => `${count(p.n, "kommentar", "kommentarer", "nb")} ikke importert (${p.where})`,
    en: (p: { n: number; where: string }) => `${count(p.n, "comment", "comments", "en")} not imported (${p.where})`,
  },
  insertions: {
    nb: (p: { n: number; where: string }) => `${count(p.n, "sporet innsetting", "sporede innsettinger", "nb")} importert som godtatt (${p.where})`,
    en: (p: { n: number; where: string }) => `${count(p.n, "tracked insertion", "tracked insertions", "en")} imported as accepted (${p.where})`,
  },
  deletions: {
    nb: (p: { n: number; where: string }) => `${count(p.n, "sporet sletting", "sporede slettinger", "nb")} utelatt (${p.where})`,
    en: (p: { n: number; where: string }) => `${count(p.n, "tracked deletion", "tracked deletions", "en")} left out (${p.where})`,
  },
  letterParts: {
    nb: (p: { n: number }) => `${count(p.n, "avsnitt", "avsnitt", "nb")} med brevdeler (brevhode, mottakere, referanser, hilsen, signaturer, underskrivere) utelatt: malen og frontmatter lager dem`,
    en: (p: { n: number }) =>
      `${count(p.n, "paragraph", "paragraphs", "en")} of letter parts (letterhead, recipients, references, closing, signatures, signatories) left out: the template and the frontmatter make them`,
  },
  headerFooter: { nb: "tekst i topptekst og bunntekst ikke importert", en: "page header and footer text not imported" },
  unknownStyles: {
    nb: (p: { styles: string }) => `Word-stiler opprop ikke kjenner, lest som vanlig tekst: ${p.styles}`,
    en: (p: { styles: string }) => `Word styles opprop does not know, read as plain text: ${p.styles}`,
  },
  undefinedStyles: {
    nb: (p: { styles: string }) => `stiler som brukes, men ikke er definert i fila, lest som vanlig tekst: ${p.styles}`,
    en: (p: { styles: string }) => `styles used but not defined in the file, read as plain text: ${p.styles}`,
  },
  converter: {
    nb: (p: { message: string; n: number }) => `Word-konverteringen: ${p.message}${p.n > 1 ? ` (${p.n} ganger)` : ""}`,
    en: (p: { message: string; n: number }) => `Word conversion: ${p.message}${p.n > 1 ? ` (${p.n} times)` : ""}`,
  },
  notDocx: {
    nb: (p: { reason: string }) => `ikke en Word-fil (.docx): ${p.reason}`,
    en: (p: { reason: string }) => `not a Word (.docx) file: ${p.reason}`,
  },
  onlyImages: {
    nb: (p: { n: number }) => `fila har bare bilder (${count(p.n, "bilde", "bilder", "nb")}) og ingen tekst; opprop importerer tekst, så ingenting ble skrevet`,
    en: (p: { n: number }) => `the file holds only images (${count(p.n, "image", "images", "en")}) and no text; opprop imports text, so nothing was written`,
  },
  noText: { nb: "fant ingen tekst å importere", en: "found no text to import" },
  notInDemands: {
    nb: "ligger ikke i en demands/-mappe, der dokumentene ser etter blokker",
    en: "is not inside a demands/ folder, where documents look for blocks",
  },
  exists: {
    nb: "finnes allerede; ingenting ble skrevet (bruk --force for å skrive over)",
    en: "exists already; nothing was written (use --force to overwrite)",
  },
});
