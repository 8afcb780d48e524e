import type { UiLocale } from "../locale.js";

/** One message in both languages: plain text, or a function of its parameters. */
export type MessageEntry<P> = Record<UiLocale, P extends undefined ? string : (params: P) => string>;

/** Helper that keeps each table's literal keys and parameter types. */
export function messages<T extends Record<string, Record<UiLocale, string> | Record<UiLocale, (params: never) => string>>>(table: T): T {
  return table;
}

const formats: Partial<Record<UiLocale, Intl.NumberFormat>> = {};

/**
 * Made once per locale, on first use: `toLocaleString` makes a new formatter on every
 * call (~0.4 ms each), and creating both at load cost every start ~9 ms.
 */
export function numberFormat(locale: UiLocale): Intl.NumberFormat {
  return (formats[locale] ??= new Intl.NumberFormat(locale === "nb" ? "nb-NO" : "en-GB"));
}

/** "1 underskriver", "2 underskrivere", "1 signatory", "12 345 signatories". */
export function count(n: number, one: string, many: string, locale: UiLocale): string {
  return `${numberFormat(locale).format(n)} ${n === 1 ? one : many}`;
}
