import type { UiLocale } from "../locale.js";

/** One message in both languages: plain text, or a function of its parameters. */
export type MessageEntry<P> = Record<UiLocale, P extends undefined ? string : (params: P) => string>;

/** Helper that keeps each table's literal keys and parameter types. */
export function messages<T extends Record<string, Record<UiLocale, string> | Record<UiLocale, (params: never) => string>>>(table: T): T {
  return table;
}

const NUMBER: Record<UiLocale, Intl.NumberFormat> = { nb: new Intl.NumberFormat("nb-NO"), en: new Intl.NumberFormat("en-GB") };

/** "1 underskriver", "2 underskrivere", "1 signatory", "12 345 signatories". */
export function count(n: number, one: string, many: string, locale: UiLocale): string {
  return `${NUMBER[locale].format(n)} ${n === 1 ? one : many}`;
}
