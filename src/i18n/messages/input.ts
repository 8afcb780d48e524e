import { messages } from "./types.js";

/** Words of the input concern (documents, blocks, templates, frontmatter), bokmål and English. */
export const input = messages({
  didYouMean: {
    nb: (p: { hint: string }) => `  (mente du «${p.hint}»?)`,
    en: (p: { hint: string }) => `  (did you mean "${p.hint}"?)`,
  },
  blockUnusable: {
    nb: "blokka kan ikke brukes før dette er rettet",
    en: "the block cannot be used until this is fixed",
  },
  blockBroken: {
    nb: (p: { id: string; problem: string }) => `blokka «${p.id}» kan ikke brukes før fila er rettet: ${p.problem}`,
    en: (p: { id: string; problem: string }) => `block "${p.id}" cannot be used until its file is fixed: ${p.problem}`,
  },
  blockTwice: {
    nb: (p: { id: string; lang: string; other: string }) => `blokka «${p.id}» (${p.lang}) er definert to ganger; den andre er ${p.other}`,
    en: (p: { id: string; lang: string; other: string }) => `block "${p.id}" (${p.lang}) is defined twice; the other is ${p.other}`,
  },
  blockLangMismatch: {
    nb: (p: { suffix: string; lang: string }) => `filnavnet sier «${p.suffix}», men lang er «${p.lang}»; bruker «${p.suffix}»`,
    en: (p: { suffix: string; lang: string }) => `file name says "${p.suffix}" but lang is "${p.lang}"; using "${p.suffix}"`,
  },
  langFallback: {
    nb: (p: { id: string; lang: string; used: string }) => `blokka «${p.id}» har ingen ${p.lang}-utgave; bruker ${p.used}`,
    en: (p: { id: string; lang: string; used: string }) => `block "${p.id}" has no ${p.lang} variant; using ${p.used}`,
  },
  emptyLink: {
    nb: (p: { text: string }) => `lenken «[${p.text}]()» har ingen adresse: skriv adressen mellom parentesene, eller fjern klammene`,
    en: (p: { text: string }) => `the link "[${p.text}]()" has no address: put the address between the brackets, or remove the square brackets`,
  },
  footnoteUndefined: {
    nb: (p: { label: string }) => `fotnoten [^${p.label}] er ikke definert: legg til en linje «[^${p.label}]: …» i samme fil`,
    en: (p: { label: string }) => `footnote [^${p.label}] is not defined: add a line "[^${p.label}]: …" to the same file`,
  },
  orgnrDigits: {
    nb: (p: { orgnr: string }) => `organisasjonsnummeret ${p.orgnr} er ikke 9 siffer`,
    en: (p: { orgnr: string }) => `orgnr ${p.orgnr} is not 9 digits`,
  },
  orgnrCheck: {
    nb: (p: { orgnr: string }) => `organisasjonsnummeret ${p.orgnr} består ikke MOD11-kontrollen: sjekk det mot Brønnøysundregistrene`,
    en: (p: { orgnr: string }) => `orgnr ${p.orgnr} fails the MOD11 check: compare it with the Brønnøysund register`,
  },
  kindValues: {
    nb: (p: { kinds: string; words: string }) => `kind må være en av ${p.kinds} (eller på norsk: ${p.words})`,
    en: (p: { kinds: string; words: string }) => `kind must be one of ${p.kinds} (or in Norwegian: ${p.words})`,
  },
  emptyText: { nb: "kan ikke være tom", en: "must not be empty" },
  frontmatterMissing: {
    nb: "fila mangler frontmatter: den må begynne med en linje med bare --- , så feltene (template:, title: …), så en linje med bare ---",
    en: "the file has no frontmatter: it must start with a line holding just ---, then the fields (template:, title: …), then a line holding just ---",
  },
  frontmatterUnclosed: {
    nb: "frontmatter som begynner på linje 1 blir aldri avsluttet: legg til en linje med bare --- etter det siste feltet",
    en: "the frontmatter that starts on line 1 is never closed: add a line holding just --- after the last field",
  },
  yamlColon: {
    nb: (p: { key: string; quoted: string }) => `verdien av «${p.key}» inneholder et kolon: sett verdien i anførselstegn, slik: ${p.quoted}`,
    en: (p: { key: string; quoted: string }) => `the value of "${p.key}" contains a colon: put the value in quotes, like this: ${p.quoted}`,
  },
  yamlQuote: {
    nb: (p: { line: number }) => `et anførselstegn åpnes på linje ${p.line}, men lukkes aldri: sett et " til slutt i verdien`,
    en: (p: { line: number }) => `a quote opened on line ${p.line} is never closed: put a closing " at the end of the value`,
  },
  yamlBracket: {
    nb: (p: { line: number }) => `lista som åpnes med [ på linje ${p.line}, lukkes aldri: sett ] til slutt`,
    en: (p: { line: number }) => `the list opened with [ on line ${p.line} is never closed: put ] at its end`,
  },
  yamlIndent: {
    nb: (p: { text: string; above: string; line: number; column: number }) =>
      `innrykket i «${p.text}» stemmer ikke: la linjen begynne i samme kolonne som «${p.above}» på linje ${p.line} (kolonne ${p.column}), eller lenger inn hvis den hører under den`,
    en: (p: { text: string; above: string; line: number; column: number }) =>
      `the indentation of "${p.text}" does not fit: start the line in the same column as "${p.above}" on line ${p.line} (column ${p.column}), or further in if it belongs under it`,
  },
  yamlOther: {
    nb: (p: { message: string }) => `feil i YAML: ${p.message}`,
    en: (p: { message: string }) => `bad YAML: ${p.message}`,
  },
  unknownField: {
    nb: (p: { key: string; hint: string }) => `ukjent felt «${p.key}»${p.hint}`,
    en: (p: { key: string; hint: string }) => `unknown field "${p.key}"${p.hint}`,
  },
  fieldMissing: {
    nb: (p: { field: string }) => `feltet «${p.field}» mangler`,
    en: (p: { field: string }) => `missing required field "${p.field}"`,
  },
  notFound: { nb: "fila finnes ikke", en: "file not found" },
  cannotRead: {
    nb: (p: { reason: string }) => `kan ikke lese fila: ${p.reason}`,
    en: (p: { reason: string }) => `cannot read the file: ${p.reason}`,
  },
  signatoryOutside: {
    nb: (p: { file: string }) => `underskriverlista «${p.file}» ligger utenfor arbeidsområdet`,
    en: (p: { file: string }) => `signatory file "${p.file}" is outside the workspace`,
  },
  unknownTemplate: {
    nb: (p: { name: string; hint: string }) => `ukjent mal «${p.name}»${p.hint}`,
    en: (p: { name: string; hint: string }) => `unknown template "${p.name}"${p.hint}`,
  },
});
