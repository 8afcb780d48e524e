import { messages } from "./types.js";

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
});
