/**
 * The sign-on pages, built as hast and serialised by hast-util-to-html: every
 * value a visitor typed is a text node or an attribute value, escaped by the
 * serializer, never pasted into markup. Texts are Norwegian (bokmål): the
 * people signing are Norwegian patient organisations and their members.
 */
import type { Element, ElementContent } from "hast";
import { toHtml } from "hast-util-to-html";
import { h } from "hastscript";
import type { AssembledDocument } from "../assemble/types.js";
import { languageTag } from "../i18n/index.js";
import { documentToHast } from "../render/html/index.js";
import { STYLESHEET } from "../render/html/style.js";
import type { Reporter } from "../report/index.js";
import type { SignatoryList } from "../signatories/types.js";
import type { StoredSignature } from "./store.js";

export const PAGE_STYLESHEET = `${STYLESHEET}
.sign-on { border-top: 2px solid #1f3864; margin-top: 3rem; padding-top: 1rem; }
.sign-on label { display: block; margin-top: .75rem; font-weight: 600; }
.sign-on input[type=text], .sign-on input[type=email] { display: block; width: 100%; max-width: 28rem; padding: .4rem; font: inherit; border: 1px solid #555; }
.sign-on .choice { font-weight: normal; margin-top: .25rem; }
.sign-on fieldset { border: 1px solid #888; margin-top: 1rem; }
.sign-on button { margin-top: 1.25rem; padding: .6rem 1.5rem; font: inherit; background: #1f3864; color: #fff; border: 0; cursor: pointer; }
.hint { font-size: .9rem; color: #333; margin: .2rem 0 0; }
.errors { border: 2px solid #a00; padding: .5rem 1rem; margin: 1rem 0; }
.count { font-size: 1.2rem; font-weight: 600; }
.honeypot { position: absolute; left: -10000px; width: 1px; height: 1px; overflow: hidden; }
.admin td form { display: inline; }
`;

/** The progressive part: the count refreshes itself. The page works without it. */
export const LIVE_SCRIPT = `"use strict";
(function () {
  var count = document.getElementById("signature-count");
  if (!count || !window.fetch) return;
  setInterval(function () {
    fetch("count.json", { cache: "no-store" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) { if (data && typeof data.text === "string") count.textContent = data.text; })
      .catch(function () {});
  }, 10000);
})();
`;

export function countText(n: number): string {
  return `${n.toLocaleString("nb-NO")} ${n === 1 ? "underskrift" : "underskrifter"}`;
}

function page(title: string, lang: string, content: ElementContent[]): string {
  const tree = h("html", { lang }, [
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

export interface SignPageInput {
  doc: AssembledDocument;
  reporter: Reporter;
  /** Confirmed, approved sign-ons; persons without consent only counted. */
  signatories: SignatoryList;
  csrfToken: string;
  /** What the visitor typed, shown again beside the errors. */
  values?: FormValues;
  errors?: string[];
  /** Whether an e-mail confirmation will be sent. */
  confirmByEmail: boolean;
}

/** The document as the letter will read, with the sign-ons so far in its signatory list, then the form. */
export function signPage(input: SignPageInput): string {
  const { doc, signatories } = input;
  // Every template shows the list here, even one whose letters carry no signatory list.
  const shown = { ...doc, template: { ...doc.template, signatories: true }, signatories };
  const article = documentToHast(shown, { reporter: input.reporter }).children as ElementContent[];
  // The form speaks Norwegian; the letter keeps its own language for screen readers.
  return page(doc.meta.title, "nb", [h("div", { lang: languageTag(doc.meta.lang) }, article), signForm(input)]);
}

function text(name: string, label: string, values: FormValues, extra: Record<string, unknown> = {}, hint?: string): ElementContent[] {
  return [
    h("label", { htmlFor: `field-${name}` }, label),
    hint ? h("p", { className: ["hint"], id: `hint-${name}` }, hint) : null,
    h("input", { type: "text", id: `field-${name}`, name, value: values[name] ?? "", ariaDescribedBy: hint ? `hint-${name}` : undefined, ...extra }),
  ].filter((node): node is Element => node !== null);
}

function signForm({ doc, signatories, csrfToken, values = {}, errors = [], confirmByEmail }: SignPageInput): Element {
  const type = values.type;
  return h("section", { className: ["sign-on"], id: "signer", ariaLabelledBy: "sign-heading" }, [
    h("h2", { id: "sign-heading" }, "Signer"),
    h("p", { className: ["count"], id: "signature-count", ariaLive: "polite" }, countText(signatories.total)),
    h("p", ["Versjon av teksten du signerer: ", h("code", doc.fingerprint)]),
    errors.length
      ? h("div", { className: ["errors"], role: "alert" }, [h("h3", "Skjemaet må rettes"), h("ul", errors.map((error) => h("li", error)))])
      : null,
    h("form", { method: "post", action: "/sign" }, [
      h("input", { type: "hidden", name: "_csrf", value: csrfToken }),
      h("input", { type: "hidden", name: "version", value: doc.fingerprint }),
      h("fieldset", [
        h("legend", "Jeg signerer"),
        h("label", { className: ["choice"] }, [h("input", { type: "radio", name: "type", value: "organisation", required: true, checked: type === "organisation" }), " på vegne av en organisasjon"]),
        h("label", { className: ["choice"] }, [h("input", { type: "radio", name: "type", value: "person", checked: type === "person" }), " som privatperson"]),
      ]),
      ...text("name", "Navn", values, { required: true, maxLength: 200, autoComplete: "name" }, "Organisasjonens navn, eller ditt fulle navn."),
      ...text("organisation", "Organisasjon eller arbeidssted (privatpersoner)", values, { maxLength: 200, autoComplete: "organization" }),
      ...text("role", "Rolle eller tittel", values, { maxLength: 200, autoComplete: "organization-title" }, "For eksempel «styreleder»."),
      ...text("orgnr", "Organisasjonsnummer (organisasjoner)", values, { maxLength: 20, inputMode: "numeric" }, "Ni siffer, fra Brønnøysundregistrene."),
      ...text("place", "Sted", values, { maxLength: 100, autoComplete: "address-level2" }),
      h("label", { htmlFor: "field-email" }, "E-post"),
      h("p", { className: ["hint"], id: "hint-email" }, confirmByEmail ? "Vi sender deg en lenke for å bekrefte underskriften. Adressen vises aldri offentlig." : "Bare for kontakt. Adressen vises aldri offentlig."),
      h("input", { type: "email", id: "field-email", name: "email", value: values.email ?? "", required: true, maxLength: 254, autoComplete: "email", ariaDescribedBy: "hint-email" }),
      h("div", { className: ["honeypot"], ariaHidden: "true" }, [
        h("label", { htmlFor: "field-website" }, "Ikke fyll ut dette feltet"),
        h("input", { type: "text", id: "field-website", name: "website", tabIndex: -1, autoComplete: "off", value: "" }),
      ]),
      h("label", { className: ["choice"] }, [
        h("input", { type: "checkbox", name: "publish", value: "ja", checked: values.publish === "ja" }),
        " Navnet mitt kan vises på den offentlige listen over underskrivere. (Organisasjoner vises alltid. Privatpersoner som ikke krysser av, telles med, men navnet vises ikke.)",
      ]),
      h("fieldset", [
        h("legend", "Samtykke"),
        h("p", { id: "consent-text" }, [
          "Dette er en uttalelse fra pasientorganisasjoner. Når du signerer, kan det si noe om helsen din, for eksempel at du selv eller noen nær deg lever med sykdommen uttalelsen handler om. ",
          "Slike helseopplysninger er særlig vernet. Vi lagrer navn, organisasjon, rolle, sted, e-postadresse og tidspunkt bare for denne underskriftslisten, og vi bruker e-postadressen bare til å kontakte deg om den. ",
          "Du kan når som helst trekke underskriften tilbake med lenken i e-posten du får; da slettes opplysningene om deg.",
        ]),
        h("label", { className: ["choice"] }, [
          h("input", { type: "checkbox", name: "consent", value: "ja", required: true, ariaDescribedBy: "consent-text" }),
          " Jeg samtykker til at opplysningene mine behandles slik som beskrevet over.",
        ]),
      ]),
      h("button", { type: "submit" }, "Signer"),
    ]),
  ]);
}

/** A short answer page: after signing, confirming, withdrawing, or an error. */
export function messagePage(title: string, paragraphs: string[], link: { href: string; text: string } = { href: "/", text: "Tilbake til uttalelsen" }): string {
  return page(title, "nb", [h("h1", title), ...paragraphs.map((p) => h("p", p)), h("p", h("a", { href: link.href }, link.text))]);
}

/** The withdraw link opens this page; only the button erases, so a mail scanner fetching the link does not. */
export function withdrawPage(token: string, csrfToken: string): string {
  return page("Trekk underskriften", "nb", [
    h("h1", "Trekk underskriften tilbake"),
    h("p", "Når du trekker underskriften, slettes navnet ditt, e-postadressen og de andre opplysningene du ga oss."),
    h("form", { method: "post", action: `/withdraw/${encodeURIComponent(token)}` }, [
      h("input", { type: "hidden", name: "_csrf", value: csrfToken }),
      h("button", { type: "submit" }, "Trekk underskriften og slett opplysningene"),
    ]),
  ]);
}

/** Organisations waiting for approval, each with an approve and a reject button. */
export function adminPage(doc: AssembledDocument, pending: StoredSignature[], accepted: number, csrfToken: string): string {
  const button = (action: string, id: string, label: string) =>
    h("form", { method: "post", action: `/admin/${action}/${encodeURIComponent(id)}` }, [h("input", { type: "hidden", name: "_csrf", value: csrfToken }), h("button", { type: "submit" }, label)]);
  return page(`Godkjenning – ${doc.meta.title}`, "nb", [
    h("h1", "Organisasjoner som venter på godkjenning"),
    h("p", [`${countText(accepted)} er godkjent. Teksten har versjon `, h("code", doc.fingerprint), "."]),
    pending.length
      ? h("table", { className: ["admin"] }, [
          h("thead", h("tr", ["Navn", "Org.nr.", "Rolle", "Sted", "E-post", "Signert", "Versjon", ""].map((title) => h("th", { scope: "col" }, title)))),
          h(
            "tbody",
            pending.map((s) =>
              h("tr", [
                h("td", s.name),
                h("td", s.orgnr ?? ""),
                h("td", s.role ?? ""),
                h("td", s.place ?? ""),
                h("td", s.email),
                h("td", h("time", { dateTime: s.signedAt }, s.signedAt)),
                h("td", s.version === doc.fingerprint ? s.version : `${s.version} (eldre versjon)`),
                h("td", [button("approve", s.id, "Godkjenn"), " ", button("reject", s.id, "Avvis")]),
              ]),
            ),
          ),
        ])
      : h("p", "Ingen venter."),
  ]);
}
