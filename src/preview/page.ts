import type { ElementContent } from "hast";
import { toHtml } from "hast-util-to-html";
import { h } from "hastscript";
import { t } from "../i18n/catalogue.js";
import { languageTag } from "../i18n/index.js";
import { getLocale } from "../i18n/locale.js";
import { STYLESHEET } from "../render/html/style.js";
import type { Lang } from "../schema/common.js";
import type { PreviewState } from "./builder.js";

/**
 * The preview page: the letter as the HTML renderer draws it, and above it every
 * message with file:line. Scripts and styles are separate files, so the page works
 * under a Content-Security-Policy that allows no inline code.
 */
export function pageHtml(state: PreviewState): string {
  const page = h("html", { lang: languageTag(state.lang as Lang) }, [
    h("head", [
      h("meta", { charSet: "utf-8" }),
      h("meta", { name: "viewport", content: "width=device-width, initial-scale=1" }),
      h("meta", { name: "opprop-preview-generation", content: String(state.generation) }),
      h("title", `${state.errors ? "✗ " : ""}${state.title}`),
      h("link", { rel: "stylesheet", href: "/preview.css" }),
      h("script", { src: "/preview.js", defer: true }),
    ]),
    h("body", [messagesPanel(state), h("main", state.article ? [state.article] : [])]),
  ]);
  return "<!doctype html>\n" + toHtml(page) + "\n";
}

function messagesPanel(state: PreviewState): ElementContent | null {
  if (!state.messages.length) return null;
  const summary = !state.errors
    ? t("cli.previewWarnings", { n: state.messages.length })
    : state.article
      ? t("cli.previewErrorsLastBuild", { n: state.errors })
      : t("cli.previewErrors", { n: state.errors });
  // The messages are in the user's language, which may differ from the document's.
  return h("section", { className: ["preview-messages", state.errors ? "has-errors" : "has-warnings"], role: state.errors ? "alert" : "status", lang: getLocale() }, [
    h("p", h("strong", summary)),
    h("ul", state.messages.map((line) => h("li", h("code", line)))),
  ]);
}

export const PREVIEW_CSS = `${STYLESHEET}
.preview-messages { position: sticky; top: 0; z-index: 1; margin: 0; padding: .5rem 1rem; font-size: .9rem; border-bottom: 2px solid; }
.preview-messages.has-errors { background: #fdecea; border-color: #b3261e; color: #5f1410; }
.preview-messages.has-warnings { background: #fff8e1; border-color: #8a6d00; color: #3d3000; }
.preview-messages p { margin: 0 0 .25rem; }
.preview-messages ul { margin: 0; padding-left: 1.25rem; }
.preview-messages code { white-space: pre-wrap; word-break: break-word; }
`;

/**
 * Reloads the page when the server says a newer build exists, keeping the scroll
 * position; on connecting it also catches a build that finished while the page loaded.
 */
export const RELOAD_SCRIPT = `"use strict";
(() => {
  const generation = document.querySelector('meta[name="opprop-preview-generation"]')?.content;
  const key = "opprop-preview-scroll";
  const saved = sessionStorage.getItem(key);
  if (saved !== null) {
    sessionStorage.removeItem(key);
    window.scrollTo(0, Number(saved));
  }
  const events = new EventSource("/events");
  events.addEventListener("build", (event) => {
    if (event.data === generation) return;
    events.close();
    sessionStorage.setItem(key, String(window.scrollY));
    location.reload();
  });
})();
`;
