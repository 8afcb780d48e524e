/**
 * The language of opprop's own words (messages, --help, pages), apart from the
 * language of a document. Norwegian users get bokmål, everyone else English.
 */
export const UI_LOCALES = ["nb", "en"] as const;
export type UiLocale = (typeof UI_LOCALES)[number];

const NORWEGIAN = /^(nb|nn|no)(?:[_.@-]|$)/i;

/** POSIX order: LC_ALL wins over LC_MESSAGES, which wins over LANG. */
export function localeFromEnv(env: NodeJS.ProcessEnv = process.env): UiLocale {
  const value = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return NORWEGIAN.test(value) ? "nb" : "en";
}

/** The first language an Accept-Language header names that we have; English otherwise. */
export function localeFromAcceptLanguage(header: string | undefined): UiLocale {
  const ranked = (header ?? "")
    .split(",")
    .map((part, index) => {
      const [tag, ...rest] = part.trim().split(";");
      const q = rest.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
      return { tag, q: q === undefined ? 1 : Number(q), index };
    })
    .filter((r) => r.tag && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    if (NORWEGIAN.test(tag)) return "nb";
    if (/^en(?:-|$)/i.test(tag)) return "en";
  }
  return "en";
}

let current: UiLocale = localeFromEnv();

/** The process-wide locale; the CLI sets it once from the environment. */
export function getLocale(): UiLocale {
  return current;
}

export function setLocale(locale: UiLocale): void {
  current = locale;
}
