import { studio } from "../../i18n/messages/studio.js";

type Table = typeof studio;
type Key = keyof Table;
type ParamsOf<K extends Key> = Table[K]["en"] extends (params: infer P) => string ? P : undefined;

/** The page's language, set by the server from Accept-Language. */
export const locale: "nb" | "en" = document.documentElement.lang === "en" ? "en" : "nb";

/** A word of the studio's own table, in the page's language. */
export function tr<K extends Key>(key: K, ...[params]: ParamsOf<K> extends undefined ? [] : [ParamsOf<K>]): string {
  const entry = studio[key][locale] as string | ((p: unknown) => string);
  return typeof entry === "function" ? entry(params) : entry;
}
