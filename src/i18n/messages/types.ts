import type { UiLocale } from "../locale.js";

/** One message in both languages: plain text, or a function of its parameters. */
export type MessageEntry<P> = Record<UiLocale, P extends undefined ? string : (params: P) => string>;

/** Helper that keeps each table's literal keys and parameter types. */
export function messages<T extends Record<string, Record<UiLocale, string> | Record<UiLocale, (params: never) => string>>>(table: T): T {
  return table;
}

const formats: Partial<Record<UiLocale, Intl.NumberFormat>> = {};

/**
 * `n` written the locale's way: "12 345" (with a no-break space), "12,345". Below 1,000
 * that is its plain digits in both locales, and most counts in a letter are: ICU's number
 * data (10–15 ms at a cold start) is then never loaded. The formatter is made once per
 * locale, on first use (`toLocaleString` would make one on every call, ~0.4 ms each).
 */
export function formatNumber(n: number, locale: UiLocale): string {
  if (Number.isInteger(n) && n >= 0 && n < 1000 && !Object.is(n, -0)) return String(n);
  return (formats[locale] ??= new Intl.NumberFormat(locale === "nb" ? "nb-NO" : "en-GB")).format(n);
}

/** "1 underskriver", "2 underskrivere", "1 signatory", "12 345 signatories". */
export function count(n: number, one: string, many: string, locale: UiLocale): string {
  return `${formatNumber(n, locale)} ${n === 1 ? one : many}`;
}
