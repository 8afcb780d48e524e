import { messages } from "./types.js";

/** Words of the render concern, bokmål and English. */
export const render = messages({
  fontMissing: {
    nb: (p: { chars: string; who: string }) => `ingen av PDF-ens skrifter kan vise ${p.chars} i ${p.who}; bytt ut tegnet, eller installer skriften (se README, «Skrifter i PDF»)`,
    en: (p: { chars: string; who: string }) => `no font of the PDF can show ${p.chars} in ${p.who}; replace the character, or install the font (see the README, "Fonts in the PDF")`,
  },
  fontMissingStop: {
    nb: "PDF/A og PDF/UA krever at hvert tegn kan vises; se meldingene over",
    en: "PDF/A and PDF/UA require every character to be shown; see the messages above",
  },
  fontUnknown: {
    nb: (p: { font: string; template: string; fallback: string }) => `malen «${p.template}» ber om skriften «${p.font}», som PDF-en ikke har; bruker ${p.fallback} i stedet (skrifter PDF-en har: se README, «Skrifter i PDF»)`,
    en: (p: { font: string; template: string; fallback: string }) => `template "${p.template}" asks for font "${p.font}", which the PDF does not have; using ${p.fallback} instead (the fonts it has: see the README, "Fonts in the PDF")`,
  },
  fontNotInstalled: {
    nb: (p: { family: string; debian: string }) => `skriften ${p.family} er ikke installert (Debian-pakken ${p.debian}); PDF-en bruker reserveskriftene`,
    en: (p: { family: string; debian: string }) => `font ${p.family} is not installed (Debian package ${p.debian}); the PDF uses the fallback fonts`,
  },
  engineError: {
    nb: (p: { message: string }) => `PDF-motoren (Typst) stoppet: ${p.message}`,
    en: (p: { message: string }) => `the PDF engine (Typst) stopped: ${p.message}`,
  },
  engineStopped: {
    nb: "PDF-en ble ikke laget; se meldingene over",
    en: "the PDF was not made; see the messages above",
  },
  engineWarning: {
    nb: (p: { message: string }) => `PDF-motoren (Typst): ${p.message}`,
    en: (p: { message: string }) => `PDF engine (Typst): ${p.message}`,
  },
  engineCharacter: {
    nb: (p: { chars: string; who: string; standard: string }) => `${p.standard} tillater ikke ${p.chars} i ${p.who}; bytt ut tegnet`,
    en: (p: { chars: string; who: string; standard: string }) => `${p.standard} does not allow ${p.chars} in ${p.who}; replace the character`,
  },
});
