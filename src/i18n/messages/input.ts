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
  yamlTab: {
    nb: (p: { line: number }) => `linje ${p.line} har innrykk med tabulator: bruk mellomrom i stedet (for eksempel to mellomrom)`,
    en: (p: { line: number }) => `line ${p.line} is indented with a tab: indent with spaces instead (for example two spaces)`,
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
  isFolder: {
    nb: "dette er en mappe, ikke en fil: skriv dokumentene i den, f.eks. documents/*.md",
    en: "this is a folder, not a file: name the documents in it, e.g. documents/*.md",
  },
  noAccess: { nb: "du har ikke tilgang til fila (filrettigheter)", en: "you have no access to the file (file permissions)" },
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
  includeCycle: {
    nb: (p: { id: string; path: string }) => `blokka «${p.id}» tar med seg selv (${p.path})`,
    en: (p: { id: string; path: string }) => `block "${p.id}" includes itself (${p.path})`,
  },
  requiresVariable: {
    nb: (p: { id: string; name: string; hint: string }) => `blokka «${p.id}» trenger variabelen «${p.name}», som vars ikke setter${p.hint}`,
    en: (p: { id: string; name: string; hint: string }) => `block "${p.id}" requires variable "${p.name}", which vars does not set${p.hint}`,
  },
  usesVariable: {
    nb: (p: { id: string; name: string; at: string; hint: string }) => `blokka «${p.id}» bruker variabelen «${p.name}» (${p.at}), som vars ikke setter${p.hint}`,
    en: (p: { id: string; name: string; at: string; hint: string }) => `block "${p.id}" uses variable "${p.name}" (${p.at}), which vars does not set${p.hint}`,
  },
  unknownBlock: {
    nb: (p: { id: string; hint: string }) => `ukjent blokk «${p.id}»${p.hint}`,
    en: (p: { id: string; hint: string }) => `unknown block "${p.id}"${p.hint}`,
  },
  inlineInclude: {
    nb: "en blokk-innsetting {{> …}} må stå alene i sitt eget avsnitt eller listepunkt",
    en: "a block include {{> …}} must stand alone in its own paragraph or list item",
  },
  unsupportedTemplate: {
    nb: "bare {{variabel}} og {{> blokk-id}} kan brukes her",
    en: "only {{variable}} and {{> block-id}} are supported here",
  },
  unknownBlockSource: {
    nb: (p: { id: string; hint: string }) => `ukjent kilde «${p.id}»: før den opp under sources${p.hint}`,
    en: (p: { id: string; hint: string }) => `unknown source "${p.id}": list it under sources${p.hint}`,
  },
  unknownSource: {
    nb: (p: { id: string; hint: string }) => `ukjent kilde «${p.id}»${p.hint}`,
    en: (p: { id: string; hint: string }) => `unknown source "${p.id}"${p.hint}`,
  },
  unknownVariable: {
    nb: (p: { name: string; hint: string }) =>
      `ukjent variabel «${p.name}»${p.hint}: gi den en verdi under vars: i frontmatter (en linje «vars:», så «  ${p.name}: …» under den)`,
    en: (p: { name: string; hint: string }) =>
      `unknown variable "${p.name}"${p.hint}: give it a value under vars: in the frontmatter (a line "vars:", then "  ${p.name}: …" below it)`,
  },
  variableType: {
    nb: (p: { name: string }) => `variabelen «${p.name}» er en liste eller et oppslag; bruk et av feltene`,
    en: (p: { name: string }) => `variable "${p.name}" is a list or a map; use one of its fields`,
  },
  placeholderUnclosed: {
    nb: (p: { written: string; fixed: string }) => `plassholderen «${p.written}» mangler avsluttende }}: skriv den slik: ${p.fixed}`,
    en: (p: { written: string; fixed: string }) => `the placeholder "${p.written}" has no closing }}: write it as ${p.fixed}`,
  },
  placeholderSpace: {
    nb: (p: { written: string; fixed: string }) => `«${p.written}» har mellomrom mellom {{ og >: skriv den slik: ${p.fixed}`,
    en: (p: { written: string; fixed: string }) => `"${p.written}" has a space between {{ and >: write it as ${p.fixed}`,
  },
  placeholderSingleBrace: {
    nb: (p: { written: string; fixed: string }) => `«${p.written}» ser ut som å ta med en blokk, men mangler en klammeparentes: skriv den slik: ${p.fixed}`,
    en: (p: { written: string; fixed: string }) => `"${p.written}" looks like a block include with one brace too few: write it as ${p.fixed}`,
  },
  placeholderUnreadable: {
    nb: (p: { written: string }) => `plassholderen «${p.written}» kan ikke leses: en blokk tas med som {{> mappe/navn}}, en variabel som {{navn}}`,
    en: (p: { written: string }) => `the placeholder "${p.written}" cannot be read: include a block as {{> folder/name}} and a variable as {{name}}`,
  },
  footnoteNoDefinition: {
    nb: (p: { label: string }) => `fotnoten [^${p.label}] har ingen definisjon`,
    en: (p: { label: string }) => `footnote [^${p.label}] has no definition`,
  },
  footnoteUnused: {
    nb: (p: { label: string }) => `fotnoten [^${p.label}] blir aldri vist til`,
    en: (p: { label: string }) => `footnote [^${p.label}] is never referred to`,
  },
  initNotEmpty: {
    nb: (p: { dir: string }) => `${p.dir} er ikke tom; init lager bare nye arbeidsområder`,
    en: (p: { dir: string }) => `${p.dir} is not empty; init only creates new workspaces`,
  },
});
