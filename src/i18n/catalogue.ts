import { getLocale, type UiLocale } from "./locale.js";
import type { MessageEntry } from "./messages/types.js";
import { cli } from "./messages/cli.js";
import { collect } from "./messages/collect.js";
import { consultation } from "./messages/consultation.js";
import { importer } from "./messages/import.js";
import { input } from "./messages/input.js";
import { render } from "./messages/render.js";
import { signatories } from "./messages/signatories.js";
import { studio } from "./messages/studio.js";

/**
 * The one catalogue of opprop's own words, bokmål and English side by side.
 * Each concern keeps its table in `messages/<concern>.ts`; a key is
 * "<concern>.<name>" and its parameters are checked by the compiler.
 */
const CATALOGUE = { cli, collect, consultation, import: importer, input, render, signatories, studio };

type Tables = typeof CATALOGUE;
export type MessageKey = { [NS in keyof Tables]: `${NS & string}.${keyof Tables[NS] & string}` }[keyof Tables];
type Entry<K extends MessageKey> = K extends `${infer NS extends keyof Tables}.${infer Name}`
  ? Name extends keyof Tables[NS]
    ? Tables[NS][Name]
    : never
  : never;
type Params<K extends MessageKey> = Entry<K> extends { en: (params: infer P) => string } ? P : undefined;
/** A key whose message takes no parameters, for tables of keys (command descriptions). */
export type PlainMessageKey = { [K in MessageKey]: Params<K> extends undefined ? K : never }[MessageKey];

/** `t("cli.unknownCommand", { name })`: the text in the given (or the process's) locale. */
export function t<K extends MessageKey>(
  key: K,
  ...[params, locale]: Params<K> extends undefined ? [params?: undefined, locale?: UiLocale] : [params: Params<K>, locale?: UiLocale]
): string {
  const dot = key.indexOf(".");
  const table = CATALOGUE[key.slice(0, dot) as keyof Tables] as unknown as Record<string, MessageEntry<unknown>>;
  const entry = table[key.slice(dot + 1)];
  const text = entry[locale ?? getLocale()];
  return typeof text === "function" ? text(params) : text;
}

/** Every key, for tests that check both languages are filled in. */
export function allMessageKeys(): MessageKey[] {
  return Object.entries(CATALOGUE).flatMap(([ns, table]) => Object.keys(table).map((name) => `${ns}.${name}` as MessageKey));
}
