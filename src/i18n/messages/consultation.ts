import { count, messages } from "./types.js";

/** Words of the consultation concern, bokmål and English. */
export const consultation = messages({
  outlineFormat: {
    nb: (p: { extension: string }) => `kapitlene i dokumentet på høring leses fra .md eller .docx, ikke «${p.extension}»`,
    en: (p: { extension: string }) => `the consulted document's chapters are read from .md or .docx, not "${p.extension}"`,
  },
  notDocx: {
    nb: (p: { reason: string }) => `ikke en Word-fil (.docx) opprop kan lese: ${p.reason}`,
    en: (p: { reason: string }) => `not a Word (.docx) file opprop can read: ${p.reason}`,
  },
  noHeadings: {
    nb: "dokumentet har ingen overskrifter å svare kapittel for kapittel på: gi kapitlene stilen Overskrift 1 (eller Overskrift 2) i Word, eller lag høringssvaret uten --horingssvar",
    en: "the document has no headings to answer chapter by chapter: give its chapters the Heading 1 (or Heading 2) style in Word, or start without --horingssvar",
  },
  needsConsultation: {
    nb: (p: { template: string }) => `malen «${p.template}» svarer på en høring: legg til consultation: {title, issuer, …}`,
    en: (p: { template: string }) => `template "${p.template}" answers a consultation: add consultation: {title, issuer, …}`,
  },
  noCommentsNeedsChapters: {
    nb: "noComments trenger consultation.chapters: kapitteltitlene i dokumentet på høring",
    en: "noComments needs consultation.chapters: the chapter titles of the consulted document",
  },
  placeholderLeft: { nb: "plassholdertekst fra malen står fortsatt her", en: "placeholder text from the scaffold is still here" },
  fillIn: { nb: (p: { value: string }) => `fyll inn «${p.value}»`, en: (p: { value: string }) => `fill in "${p.value}"` },
  straySection: {
    nb: (p: { title: string; hint: string }) => `delen «${p.title}» er ikke et kapittel i consultation.chapters${p.hint}`,
    en: (p: { title: string; hint: string }) => `section "${p.title}" is not a chapter listed in consultation.chapters${p.hint}`,
  },
  outOfOrder: {
    nb: (p: { title: string; before: string }) => `delen «${p.title}» står etter «${p.before}», men kommer før den i dokumentet på høring: flytt delen så svaret følger kapittelrekkefølgen`,
    en: (p: { title: string; before: string }) => `section "${p.title}" stands after "${p.before}", but comes before it in the consulted document: move it so the answer follows the chapter order`,
  },
  deadlinePassed: {
    nb: (p: { deadline: string; days: number }) => `høringsfristen ${p.deadline} er passert (for ${count(p.days, "dag", "dager", "nb")} siden)`,
    en: (p: { deadline: string; days: number }) => `the consultation deadline ${p.deadline} has passed (${count(p.days, "day", "days", "en")} ago)`,
  },
  deadlineToday: { nb: (p: { deadline: string }) => `høringsfristen ${p.deadline} er i dag`, en: (p: { deadline: string }) => `the consultation deadline ${p.deadline} is today` },
  deadlineSoon: {
    nb: (p: { deadline: string; days: number }) => `høringsfristen ${p.deadline} er om ${count(p.days, "dag", "dager", "nb")}`,
    en: (p: { deadline: string; days: number }) => `the consultation deadline ${p.deadline} is in ${count(p.days, "day", "days", "en")}`,
  },
  personalData: {
    nb: (p: { kind: string; text: string }) =>
      `høringssvar publiseres av den som mottar dem: «${p.text}» ser ut som ${p.kind}. Fjern det, med mindre personen har sagt ja til å stå i et offentlig dokument`,
    en: (p: { kind: string; text: string }) =>
      `consultation responses are published by the receiving authority: "${p.text}" looks like ${p.kind}. Remove it unless the person agreed to appear in a public document`,
  },
  kindFnr: { nb: "et fødselsnummer", en: "a national identity number (fødselsnummer)" },
  kindPhone: { nb: "et telefonnummer", en: "a phone number" },
  kindEmail: { nb: "en e-postadresse", en: "an e-mail address" },
});
