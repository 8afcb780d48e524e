import { count, messages } from "./types.js";

/** Words of the command line itself, bokmål and English. */
export const cli = messages({
  unknownCommand: {
    nb: (p: { name: string }) => `ukjent kommando «${p.name}»`,
    en: (p: { name: string }) => `unknown command "${p.name}"`,
  },
  summary: {
    nb: (p: { errors: number; warnings: number }) => `${count(p.errors, "feil", "feil", "nb")}, ${count(p.warnings, "advarsel", "advarsler", "nb")}`,
    en: (p: { errors: number; warnings: number }) => `${count(p.errors, "error", "errors", "en")}, ${count(p.warnings, "warning", "warnings", "en")}`,
  },
});
