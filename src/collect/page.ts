/**
 * The sign-on pages, built as hast and serialised by hast-util-to-html: every
 * value a visitor typed is a text node or an attribute value, escaped by the
 * serializer, never pasted into markup. The pages speak bokmål, or English when
 * the browser asks for it; the letter keeps its own language.
 */
import type { Element, ElementContent } from "hast";
import { toHtml } from "hast-util-to-html";
import { h } from "hastscript";
import type { AssembledDocument } from "../assemble/types.js";
import { t } from "../i18n/catalogue.js";
import { languageTag } from "../i18n/index.js";
import type { UiLocale } from "../i18n/locale.js";
import type { ConsentParams } from "../i18n/messages/collect.js";
import { documentToHast } from "../render/html/index.js";
import { STYLESHEET } from "../render/html/style.js";
import type { Reporter } from "../report/index.js";
import { describeSignatory } from "../signatories/describe.js";
import { toSignatories } from "./export.js";
import type { FormError } from "./form.js";
import type { PublicOrder, StoredSignature } from "./store.js";

export const PAGE_STYLESHEET = `${STYLESHEET}
.skip-to-form { display: inline-block; margin: .5rem 0 1rem; padding: .4rem 1rem; background: #1f3864; color: #fff; font-weight: 600; }
.sign-on { border-top: 2px solid #1f3864; margin-top: 3rem; padding-top: 1rem; }
.sign-on label { display: block; margin-top: .75rem; font-weight: 600; }
.sign-on input[type=text], .sign-on input[type=email] { display: block; box-sizing: border-box; width: 100%; max-width: 28rem; padding: .4rem; font: inherit; border: 1px solid #555; }
.sign-on input[aria-invalid=true] { border: 2px solid #a00; }
.sign-on .choice { font-weight: normal; margin-top: .25rem; }
.sign-on fieldset { border: 1px solid #888; margin: 1rem 0 0; min-width: 0; }
.sign-on button { margin-top: 1.25rem; padding: .6rem 1.5rem; font: inherit; background: #1f3864; color: #fff; border: 0; cursor: pointer; }
.hint { font-size: .9rem; color: #333; margin: .2rem 0 0; }
.errors { border: 2px solid #a00; padding: .5rem 1rem; margin: 1rem 0; }
.errors a { color: #a00; }
.count { font-size: 1.2rem; font-weight: 600; }
.honeypot { position: absolute; left: -10000px; width: 1px; height: 1px; overflow: hidden; }
.consent-text { overflow-wrap: anywhere; }
.list-nav a { margin-right: 1rem; }
.admin td form { display: inline; }
`;

/** The progressive part: focus on the error summary, and the count refreshes itself. The page works without it. */
export const LIVE_SCRIPT = `"use strict";
(function () {
  var summary = document.getElementById("error-summary");
  if (summary && document.activeElement !== summary) summary.focus();
  var count = document.getElementById("signature-count");
  if (!count || !window.fetch) return;
  setInterval(function () {
    fetch("/count.json", { cache: "no-store" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) { if (data && typeof data.text === "string") count.textContent = data.text; })
      .catch(function () {});
  }, 10000);
})();
`;

export const countText = (n: number, locale: UiLocale) => t("collect.count", { n }, locale);

function page(title: string, locale: UiLocale, content: ElementContent[]): string {
  const tree = h("html", { lang: locale }, [
    h("head", [
      h("meta", { charSet: "utf-8" }),
      h("meta", { name: "viewport", content: "width=device-width, initial-scale=1" }),
      h("meta", { name: "referrer", content: "no-referrer" }),
      h("title", title),
      h("link", { rel: "stylesheet", href: "/style.css" }),
      h("script", { src: "/live.js", defer: true }),
    ]),
    h("body", h("main", content)),
  ]);
  return `<!doctype html>\n${toHtml(tree)}\n`;
}

export interface FormValues {
  [field: string]: string | undefined;
}

/** How many names the front page shows; the rest are on the list pages. */
export const FRONT_PAGE_NAMES = 50;
/** Names per list page. */
export const LIST_PAGE_NAMES = 200;

export interface SignPageInput {
  doc: AssembledDocument;
  reporter: Reporter;
  locale: UiLocale;
  /** Confirmed and approved sign-ons, named or not. */
  total: number;
  /** The newest named sign-ons, and how many are named in all. */
  latest: { total: number; rows: StoredSignature[] };
  csrfToken: string;
  /** What the visitor typed, shown again beside the errors. */
  values?: FormValues;
  errors?: FormError[];
  /** Whether an e-mail confirmation will be sent. */
  confirmByEmail: boolean;
  consent: ConsentParams;
  consentVersion: string;
  /** The form is closed (`--closes` has passed): the page shows the list only. */
  closed: boolean;
}

/** The document as the letter reads, the newest names, then the form; a link at the top leads to the form. */
export function signPage(input: SignPageInput): string {
  const { doc, locale } = input;
  // The list lives in its own pages below the letter: at 100,000 names the letter's own list would be megabytes.
  const letter = { ...doc, template: { ...doc.template, signatories: false } };
  const article = documentToHast(letter, { reporter: input.reporter }).children as ElementContent[];
  return page(doc.meta.title, locale, [
    input.closed ? null : h("a", { className: ["skip-to-form"], href: "#signer" }, t("collect.skipToForm", undefined, locale)),
    h("div", { lang: languageTag(doc.meta.lang) }, article),
    latestList(input),
    input.closed ? h("section", { className: ["sign-on"] }, [h("p", t("collect.closedText", { closes: input.consent.closes ?? "" }, locale))]) : signForm(input),
  ].filter((node): node is Element => node !== null));
}

function listLinks(locale: UiLocale): Element {
  return h("p", { className: ["list-nav"] }, [
    `${t("collect.listAll", undefined, locale)}: `,
    h("a", { href: "/signatories?order=latest" }, t("collect.listLatest", undefined, locale)),
    h("a", { href: "/signatories?order=alphabetical" }, t("collect.listAlphabetical", undefined, locale)),
  ]);
}

const names = (rows: StoredSignature[]) => h("ul", toSignatories(rows).map((s) => h("li", describeSignatory(s))));

function latestList({ locale, total, latest }: SignPageInput): Element {
  return h("section", { className: ["signatories"], ariaLabelledBy: "list-heading" }, [
    h("h2", { id: "list-heading" }, t("collect.listHeading", undefined, locale)),
    h("p", t("collect.listSummary", { total, named: latest.total }, locale)),
    latest.rows.length ? names(latest.rows) : h("p", t("collect.listNone", undefined, locale)),
    latest.total > latest.rows.length ? listLinks(locale) : null,
  ].filter((node): node is Element => node !== null));
}

/** One page of the public list, newest first or alphabetical. */
export function listPage(doc: AssembledDocument, locale: UiLocale, order: PublicOrder, pageNumber: number, list: { total: number; rows: StoredSignature[] }): string {
  const pages = Math.max(1, Math.ceil(list.total / LIST_PAGE_NAMES));
  const link = (n: number, text: string, rel: string) => h("a", { href: `/signatories?order=${order}&page=${n}`, rel }, text);
  return page(`${t("collect.listHeading", undefined, locale)} – ${doc.meta.title}`, locale, [
    h("h1", `${t("collect.listHeading", undefined, locale)}: ${doc.meta.title}`),
    listLinks(locale),
    h("p", `${t("collect.listPage", { page: pageNumber, pages }, locale)} (${order === "latest" ? t("collect.listLatest", undefined, locale) : t("collect.listAlphabetical", undefined, locale)})`),
    list.rows.length ? h("section", { className: ["signatories"] }, [names(list.rows)]) : h("p", t("collect.listNone", undefined, locale)),
    h("nav", { ariaLabel: t("collect.listPagesLabel", undefined, locale), className: ["list-nav"] }, [
      pageNumber > 1 ? link(pageNumber - 1, t("collect.listPrevious", undefined, locale), "prev") : null,
      pageNumber < pages ? link(pageNumber + 1, t("collect.listNext", undefined, locale), "next") : null,
    ].filter((node): node is Element => node !== null)),
    h("p", h("a", { href: "/" }, t("collect.backLink", undefined, locale))),
  ]);
}

function text(name: string, label: string, values: FormValues, invalid: Set<string>, extra: Record<string, unknown> = {}, hint?: string): ElementContent[] {
  return [
    h("label", { htmlFor: `field-${name}` }, label),
    hint ? h("p", { className: ["hint"], id: `hint-${name}` }, hint) : null,
    h("input", { type: "text", id: `field-${name}`, name, value: values[name] ?? "", ariaDescribedBy: hint ? `hint-${name}` : undefined, ariaInvalid: invalid.has(name) ? "true" : undefined, ...extra }),
  ].filter((node): node is Element => node !== null);
}

/** Where an error's link leads: the field, or the first choice of a group. */
const fieldId = (field: string) => (field === "type" ? "field-type-organisation" : `field-${field}`);

function errorSummary(errors: FormError[], locale: UiLocale): Element {
  // Focused when the page loads (autofocus, and live.js where autofocus is not kept), so a screen reader reads it first.
  return h("div", { className: ["errors"], id: "error-summary", role: "alert", tabIndex: -1, autoFocus: true, ariaLabelledBy: "error-summary-heading" }, [
    h("h3", { id: "error-summary-heading" }, t("collect.errorsHeading", undefined, locale)),
    h("ul", errors.map((error) => h("li", h("a", { href: `#${fieldId(error.field)}` }, error.message)))),
  ]);
}

function signForm({ doc, locale, total, csrfToken, values = {}, errors = [], confirmByEmail, consent, consentVersion }: SignPageInput): Element {
  const say = (key: Parameters<typeof t>[0]) => t(key as "collect.submit", undefined, locale);
  const type = values.type;
  const invalid = new Set(errors.map((e) => e.field));
  const typeInvalid = invalid.has("type") ? "true" : undefined;
  return h("section", { className: ["sign-on"], id: "signer", ariaLabelledBy: "sign-heading" }, [
    h("h2", { id: "sign-heading" }, say("collect.signHeading")),
    h("p", { className: ["count"], id: "signature-count", ariaLive: "polite" }, countText(total, locale)),
    h("p", [say("collect.versionLabel"), h("code", doc.fingerprint)]),
    errors.length ? errorSummary(errors, locale) : null,
    h("form", { method: "post", action: "/sign" }, [
      h("input", { type: "hidden", name: "_csrf", value: csrfToken }),
      h("input", { type: "hidden", name: "version", value: doc.fingerprint }),
      h("input", { type: "hidden", name: "consent_version", value: consentVersion }),
      h("fieldset", [
        h("legend", say("collect.typeLegend")),
        h("label", { className: ["choice"] }, [
          h("input", { type: "radio", id: "field-type-organisation", name: "type", value: "organisation", required: true, checked: type === "organisation", ariaInvalid: typeInvalid }),
          say("collect.typeOrganisation"),
        ]),
        h("label", { className: ["choice"] }, [h("input", { type: "radio", name: "type", value: "person", checked: type === "person", ariaInvalid: typeInvalid }), say("collect.typePerson")]),
      ]),
      ...text("name", say("collect.labelName"), values, invalid, { required: true, maxLength: 200, autoComplete: "name" }, say("collect.hintName")),
      ...text("organisation", say("collect.labelOrganisation"), values, invalid, { maxLength: 200, autoComplete: "organization" }),
      ...text("role", say("collect.labelRole"), values, invalid, { maxLength: 200, autoComplete: "organization-title" }, say("collect.hintRole")),
      ...text("orgnr", say("collect.labelOrgnr"), values, invalid, { maxLength: 20, inputMode: "numeric" }, say("collect.hintOrgnr")),
      ...text("place", say("collect.labelPlace"), values, invalid, { maxLength: 100, autoComplete: "address-level2" }),
      h("label", { htmlFor: "field-email" }, say("collect.labelEmail")),
      h("p", { className: ["hint"], id: "hint-email" }, say(confirmByEmail ? "collect.hintEmailConfirm" : "collect.hintEmailContact")),
      h("input", {
        type: "email",
        id: "field-email",
        name: "email",
        value: values.email ?? "",
        required: true,
        maxLength: 254,
        autoComplete: "email",
        ariaDescribedBy: "hint-email",
        ariaInvalid: invalid.has("email") ? "true" : undefined,
      }),
      h("div", { className: ["honeypot"], ariaHidden: "true" }, [
        h("label", { htmlFor: "field-website" }, say("collect.honeypot")),
        h("input", { type: "text", id: "field-website", name: "website", tabIndex: -1, autoComplete: "off", value: "" }),
      ]),
      h("label", { className: ["choice"] }, [h("input", { type: "checkbox", name: "publish", value: "ja", checked: values.publish === "ja" }), say("collect.publishLabel")]),
      h("fieldset", [
        h("legend", say("collect.consentLegend")),
        h("p", { id: "consent-text", className: ["consent-text"] }, t("collect.consentText", consent, locale)),
        h("label", { className: ["choice"] }, [
          h("input", { type: "checkbox", id: "field-consent", name: "consent", value: "ja", required: true, ariaDescribedBy: "consent-text", ariaInvalid: invalid.has("consent") ? "true" : undefined }),
          say("collect.consentLabel"),
        ]),
      ]),
      h("button", { type: "submit" }, say("collect.submit")),
    ]),
  ]);
}

/** A short answer page: after signing, confirming, withdrawing, or an error. */
export function messagePage(locale: UiLocale, title: string, paragraphs: string[]): string {
  return page(title, locale, [h("h1", title), ...paragraphs.map((p) => h("p", p)), h("p", h("a", { href: "/" }, t("collect.backLink", undefined, locale)))]);
}

/**
 * A page with one button that POSTs (with CSRF) to `action`. Confirm and withdraw
 * links open this: a mail scanner or link preview that fetches the link changes nothing.
 */
export function buttonPage(locale: UiLocale, title: string, text: string, action: string, button: string, csrfToken: string): string {
  return page(title, locale, [
    h("h1", title),
    h("p", text),
    h("form", { method: "post", action }, [h("input", { type: "hidden", name: "_csrf", value: csrfToken }), h("button", { type: "submit" }, button)]),
  ]);
}

/** Sign-ons waiting for approval, each with an approve and a reject button. */
export function adminPage(doc: AssembledDocument, locale: UiLocale, pending: StoredSignature[], accepted: number, csrfToken: string): string {
  const button = (action: string, id: string, label: string) =>
    h("form", { method: "post", action: `/admin/${action}/${encodeURIComponent(id)}` }, [h("input", { type: "hidden", name: "_csrf", value: csrfToken }), h("button", { type: "submit" }, label)]);
  return page(t("collect.adminTitle", { title: doc.meta.title }, locale), locale, [
    h("h1", t("collect.adminHeading", undefined, locale)),
    h("p", [t("collect.adminAccepted", { n: accepted }, locale), h("code", doc.fingerprint), "."]),
    pending.length
      ? h("table", { className: ["admin"] }, [
          h("thead", h("tr", t("collect.adminColumns", undefined, locale).split("|").map((title) => h("th", { scope: "col" }, title)))),
          h(
            "tbody",
            pending.map((s) =>
              h("tr", [
                h("td", s.name),
                h("td", t(s.type === "organisation" ? "collect.adminOrganisation" : "collect.adminPerson", undefined, locale)),
                h("td", s.orgnr ?? ""),
                h("td", s.role ?? ""),
                h("td", s.place ?? ""),
                h("td", s.email),
                h("td", h("time", { dateTime: s.signedAt }, s.signedAt)),
                h("td", s.version === doc.fingerprint ? s.version : `${s.version}${t("collect.adminOlder", undefined, locale)}`),
                h("td", [button("approve", s.id, t("collect.adminApprove", undefined, locale)), " ", button("reject", s.id, t("collect.adminReject", undefined, locale))]),
              ]),
            ),
          ),
        ])
      : h("p", t("collect.adminNone", undefined, locale)),
  ]);
}
