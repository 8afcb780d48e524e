// Its own module: assembly checks for these texts without loading the scaffold's Markdown and YAML writers.
import type { Lang } from "../schema/common.js";

/** Text a new høringssvar stands in for; `check` warns while any is left in. */
export const PLACEHOLDERS: Record<Lang, { summary: string; chapter: string; title: string; issuer: string; sender: string }> = {
  nb: {
    summary: "Skriv et kort sammendrag av de viktigste merknadene her.",
    chapter: "Skriv merknadene til dette kapitlet her, eller slett hele avsnittet med overskriften hvis dere ikke har merknader.",
    title: "Høringssvar",
    issuer: "Fyll inn hvem som har sendt saken på høring",
    sender: "Fyll inn navnet på organisasjonen eller styret",
  },
  nn: {
    summary: "Skriv eit kort samandrag av dei viktigaste merknadene her.",
    chapter: "Skriv merknadene til dette kapittelet her, eller slett heile avsnittet med overskrifta dersom de ikkje har merknader.",
    title: "Høyringssvar",
    issuer: "Fyll inn kven som har sendt saka på høyring",
    sender: "Fyll inn namnet på organisasjonen eller styret",
  },
  en: {
    summary: "Write a short summary of your main comments here.",
    chapter: "Write your comments on this chapter here, or delete the whole section with its heading if you have none.",
    title: "Consultation response",
    issuer: "Fill in who issued the consultation",
    sender: "Fill in the name of your organisation or board",
  },
};
