import type { Lang } from "../schema/common.js";

/** The templates a new document can start from in the studio's start view. */
export const STARTER_TEMPLATES = ["stotteerklaering", "opprop"] as const;
export type StarterTemplate = (typeof STARTER_TEMPLATES)[number];

/** Words of a new document (its language, not the studio's): placeholders the writer replaces. */
const WORDS: Record<Lang, { to: string; from: string; intro: string; demands: string }> = {
  nb: { to: "Mottaker", from: "Navnet på organisasjonen", intro: "Skriv innledningen her.", demands: "Vi ber om at:" },
  nn: { to: "Mottakar", from: "Namnet på organisasjonen", intro: "Skriv innleiinga her.", demands: "Vi ber om at:" },
  en: { to: "Recipient", from: "Name of your organisation", intro: "Write the introduction here.", demands: "We ask that:" },
};

/** A new støtteerklæring or opprop: valid frontmatter, an introduction and a place for demands. */
export function starterDocument(template: StarterTemplate, title: string, lang: Lang = "nb"): { meta: Record<string, unknown>; body: string } {
  const words = WORDS[lang];
  return {
    meta: { template, title, lang, to: [{ name: words.to }], from: { name: words.from } },
    body: `\n${words.intro}\n\n${words.demands}\n`,
  };
}
