import { localeFromAcceptLanguage, type UiLocale } from "../i18n/locale.js";

/**
 * The studio speaks bokmål unless the browser asks for English first. The shared
 * helper falls back to English, so bokmål is offered last, at the lowest weight:
 * it wins only when the header names neither language.
 */
export function studioLocale(acceptLanguage: string | undefined): UiLocale {
  return localeFromAcceptLanguage(`${acceptLanguage ? `${acceptLanguage},` : ""}nb;q=0.001`);
}
