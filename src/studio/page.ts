import { t } from "../i18n/catalogue.js";
import type { UiLocale } from "../i18n/locale.js";

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The page the browser loads: an empty frame the client bundle fills in. The CSRF
 * token travels in a meta element (no inline script under the CSP); every write
 * sends it back in a header, beside the SameSite cookie it is checked against.
 */
export function shellHtml(locale: UiLocale, csrfToken: string): string {
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="opprop-csrf" content="${escape(csrfToken)}">
<title>${escape(t("studio.appName", undefined, locale))}</title>
<link rel="stylesheet" href="/studio.css">
<script type="module" src="/studio.js"></script>
</head>
<body>
<div id="app"><noscript>${escape(t("studio.needsJavaScript", undefined, locale))}</noscript></div>
</body>
</html>
`;
}
