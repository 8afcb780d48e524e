import { count, messages } from "./types.js";

/** Words of the signatories concern, bokmål and English. */
export const signatories = messages({
  unknownField: {
    nb: (p: { word: string; hint: string; fields: string }) => `ukjent felt «${p.word}»${p.hint} (felt: ${p.fields}, eller de norske ordene navn, organisasjon, rolle, sted, epost, telefon, samtykke, signert, versjon)`,
    en: (p: { word: string; hint: string; fields: string }) => `unknown field "${p.word}"${p.hint} (fields: ${p.fields}, or the Norwegian words navn, organisasjon, rolle, sted, epost, telefon, samtykke, signert, versjon)`,
  },
  mapPair: {
    nb: (p: { pair: string }) => `--map skal være «Kolonne=felt», fikk «${p.pair}»`,
    en: (p: { pair: string }) => `--map expects "Column=field", got "${p.pair}"`,
  },
  mapColumnMissing: {
    nb: (p: { column: string; where: string; file: string; columns: string }) => `kolonnen «${p.column}» i ${p.where} finnes ikke i ${p.file}; kolonnene er: ${p.columns}`,
    en: (p: { column: string; where: string; file: string; columns: string }) => `column "${p.column}" in ${p.where} is not in ${p.file}; its columns are: ${p.columns}`,
  },
  theMap: { nb: "map", en: "the map" },
  noColumns: { nb: "(ingen)", en: "(none)" },
  unknownExtension: {
    nb: (p: { extension: string; extensions: string }) => `kan ikke lese «${p.extension}»-filer; bruk ${p.extensions}`,
    en: (p: { extension: string; extensions: string }) => `cannot read "${p.extension}" files; use ${p.extensions}`,
  },
  fileNotFound: {
    nb: (p: { name: string; file: string }) => `underskriverlista «${p.name}» finnes ikke (så etter ${p.file})`,
    en: (p: { name: string; file: string }) => `signatory file "${p.name}" not found (looked for ${p.file})`,
  },
  nameMissing: { nb: "navn mangler", en: "name is missing" },
  badType: {
    nb: (p: { value: string }) => `type må være organisation eller person (organisasjon/person), ikke «${p.value}»`,
    en: (p: { value: string }) => `type must be organisation or person, got "${p.value}"`,
  },
  orgnrDigits: {
    nb: (p: { orgnr: string }) => `organisasjonsnummeret ${p.orgnr} er ikke 9 siffer`,
    en: (p: { orgnr: string }) => `orgnr ${p.orgnr} is not 9 digits`,
  },
  orgnrCheck: {
    nb: (p: { orgnr: string }) => `organisasjonsnummeret ${p.orgnr} består ikke MOD11-kontrollen`,
    en: (p: { orgnr: string }) => `orgnr ${p.orgnr} fails the MOD11 check`,
  },
  badPublish: {
    nb: (p: { value: string }) => `samtykke må være ja eller nei, ikke «${p.value}»`,
    en: (p: { value: string }) => `publish must be yes or no (ja/nei), got "${p.value}"`,
  },
  badTime: {
    nb: (p: { value: string }) => `signert «${p.value}» er ikke et tidspunkt opprop kan lese (skriv 2026-11-22T10:15 eller 22.11.2026 10:15)`,
    en: (p: { value: string }) => `signed_at "${p.value}" is not a time opprop can read (use 2026-11-22T10:15 or 22.11.2026 10:15)`,
  },
  shadowed: {
    nb: (p: { column: string; field: string; word: string; by: string }) => `kolonnen «${p.column}» betyr også ${p.word}; bruker «${p.by}» (velg med --map "${p.column}=${p.word}")`,
    en: (p: { column: string; field: string; word: string; by: string }) => `column "${p.column}" also means ${p.field}; using "${p.by}" (choose with --map "${p.column}=${p.field}")`,
  },
  unusedColumns: {
    nb: (p: { columns: string; n: number; example: string }) =>
      `opprop vet ikke hva ${p.columns} betyr, og bruker ikke innholdet; hvis en kolonne er et av feltene, si det med --map "${p.example}=felt" (eller map: i dokumentets signatories-oppføring)`,
    en: (p: { columns: string; n: number; example: string }) =>
      `opprop does not know what ${p.columns} ${p.n === 1 ? "means" : "mean"} and does not use ${p.n === 1 ? "it" : "them"}; if a column is one of the fields, say so with --map "${p.example}=field" (or map: in the document's signatories entry)`,
  },
  noRows: {
    nb: "fila har ingen underskrivere (høyst en overskriftslinje): ingen fra den blir navngitt eller talt",
    en: "the file holds no signatories (at most a header line): nobody from it is named or counted",
  },
  /** A column's header inside a message, quoted as the language quotes. */
  columnName: {
    nb: (p: { column: string }) => `«${p.column}»`,
    en: (p: { column: string }) => `"${p.column}"`,
  },
  consentQuestion: {
    nb: (p: { column: string }) =>
      `kolonnen «${p.column}» ser ut som samtykkespørsmålet, men opprop kan ikke vite det sikkert: inntil den kobles, blir ingen personer i denne fila vist med navn. Skriv --map "${p.column}=samtykke" (eller map: i dokumentet)`,
    en: (p: { column: string }) =>
      `column "${p.column}" looks like the consent question, but opprop cannot be sure: until it is mapped, no person in this file is named. Add --map "${p.column}=samtykke" (or map: in the document)`,
  },
  fileSummary: {
    nb: (p: { file: string; rows: number; organisations: number; named: number; counted: number; rejected: number; reasons: string }) =>
      `${p.file}: ${count(p.rows, "rad", "rader", "nb")} — ${count(p.organisations, "organisasjon", "organisasjoner", "nb")} og ${count(p.named, "person", "personer", "nb")} med navn, ${p.counted} talt uten navn (uten samtykke), ${p.rejected} avvist${p.reasons ? ` (${p.reasons})` : ""}`,
    en: (p: { file: string; rows: number; organisations: number; named: number; counted: number; rejected: number; reasons: string }) =>
      `${p.file}: ${count(p.rows, "row", "rows", "en")} — ${count(p.organisations, "organisation", "organisations", "en")} and ${count(p.named, "person", "persons", "en")} named, ${p.counted} counted without name (no consent), ${p.rejected} rejected${p.reasons ? ` (${p.reasons})` : ""}`,
  },
  reasonName: { nb: "uten navn", en: "no name" },
  reasonType: { nb: "ukjent type", en: "unknown type" },
  reasonOrgnr: { nb: "feil organisasjonsnummer", en: "bad orgnr" },
  reasonPublish: { nb: "uklart samtykke", en: "unclear consent" },
  reasonSignedAt: { nb: "uleselig tidspunkt", en: "unreadable time" },
  notAList: {
    nb: "forventet en liste med underskrivere (eller en signatories:-nøkkel med en)",
    en: "expected a list of signatories (or a `signatories:` key holding one)",
  },
  notXlsx: {
    nb: (p: { reason: string }) => `ikke en lesbar .xlsx-arbeidsbok (${p.reason})`,
    en: (p: { reason: string }) => `not a readable .xlsx workbook (${p.reason})`,
  },
  unnamedPerson: { nb: "en person uten samtykke til publisering", en: "a person without publish consent" },
  merged: {
    nb: (p: { name: string; at: string }) => `${p.name} står også i ${p.at}; slått sammen`,
    en: (p: { name: string; at: string }) => `${p.name} is also at ${p.at}; merged`,
  },
  mergedUnlisted: {
    nb: (p: { count: number }) => `og ${p.count} duplikater til slått sammen`,
    en: (p: { count: number }) => `and ${p.count} more duplicates merged`,
  },
  otherVersion: {
    nb: (p: { name: string; version: string; current: string }) => `${p.name} signerte versjon ${p.version}, ikke dette dokumentets ${p.current}`,
    en: (p: { name: string; version: string; current: string }) => `${p.name} signed version ${p.version}, not this document's ${p.current}`,
  },
});
