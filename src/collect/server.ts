/**
 * `opprop collect`: the sign-on web server. Fastify with its own security
 * plugins (rate-limit, csrf-protection + cookie, formbody) and helmet's headers;
 * nothing of that is hand-rolled here. Pages are plain forms that work without JavaScript:
 * POST, then a 303 redirect to a message page.
 */
import { createHash, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import type { AddressInfo } from "node:net";
import fastifyCookie from "@fastify/cookie";
import fastifyCsrf from "@fastify/csrf-protection";
import fastifyFormbody from "@fastify/formbody";
import fastifyRateLimit from "@fastify/rate-limit";
import helmet from "helmet";
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest, type RouteShorthandOptions } from "fastify";
import type { AssembledDocument } from "../assemble/types.js";
import { t } from "../i18n/catalogue.js";
import { localeFromAcceptLanguage, type UiLocale } from "../i18n/locale.js";
import type { ConsentParams } from "../i18n/messages/collect.js";
import { Reporter } from "../report/index.js";
import { dedupeKey, HttpError, parseFormBody, validateSignForm, type FormError } from "./form.js";
import { smtpSender, type SendConfirmation } from "./mail.js";
import { adminPage, buttonPage, countText, FRONT_PAGE_NAMES, LIST_PAGE_NAMES, listPage, LIVE_SCRIPT, messagePage, PAGE_STYLESHEET, signPage, type FormValues } from "./page.js";
import { PageCache } from "./page-cache.js";
import { sharedRateLimitStore } from "./rate-limit.js";
import { addDays, isClosed, isPurgeDue } from "./retention.js";
import type { PublicOrder, SignatureStore } from "./store.js";

export interface CollectServerOptions {
  doc: AssembledDocument;
  store: SignatureStore;
  /** The secret for `/admin` (HTTP Basic password or Bearer token); without it there is no admin view. */
  adminToken?: string;
  /** `smtp://…`: ask every signer to confirm their address (double opt-in). Without it every sign-on waits for an administrator. */
  smtpUrl?: string;
  /** The address people reach the server at, for links in e-mails; default the address it listens on. */
  publicUrl?: string;
  /**
   * Behind reverse proxies: how many there are in front, or their addresses. The
   * client address is then the one the nearest trusted proxy put in X-Forwarded-For.
   */
  trustProxy?: number | string[];
  /** Sign-ons per client address and window (default 10 per minute). */
  rateLimit?: { max: number; timeWindow: number | string };
  /** Largest request body in bytes (default 16 KiB). */
  bodyLimit?: number;
  /** Days a confirm link works (default 7); an unconfirmed sign-on is deleted then. */
  confirmDays?: number;
  /** The last day of signing (YYYY-MM-DD); afterwards the page shows no form. */
  closes?: string;
  /** Days after `closes` that personal data are erased (default 90). */
  retainDays?: number;
  /** Where operational problems (a mail that could not be sent) are written; default stderr. */
  log?: (line: string) => void;
  /** The clock; tests move it forward. */
  now?: () => Date;
  /**
   * TEST ONLY — for load benchmarks: no CSRF check and no rate limit, so a load
   * generator can post without a browser session. Never on in `opprop collect`.
   */
  unsafeLoadTestMode?: boolean;
  logger?: boolean;
}

const HTML = "text/html; charset=utf-8";
const TOKEN = /^[A-Za-z0-9_-]{43}$/;
/** A second sign-on from an unconfirmed address mails again only after this long. */
const RESEND_AFTER_MS = 10 * 60_000;
/** Failed /admin logins per client address and window, checked before the token. */
const ADMIN_FAILURES = { max: 10, windowMs: 15 * 60_000 };
/** How often expired confirm links and due erasures are looked for. */
const HOUSEKEEPING_MS = 10 * 60_000;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
const newToken = () => randomBytes(32).toString("base64url");

/** Compares secrets in constant time; hashing first makes the lengths equal. */
function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(createHash("sha256").update(given).digest(), createHash("sha256").update(expected).digest());
}

function credentials(header: string | undefined): string | undefined {
  const [scheme, value] = (header ?? "").split(" ", 2);
  if (/^bearer$/i.test(scheme)) return value;
  if (!/^basic$/i.test(scheme) || !value) return undefined;
  const decoded = Buffer.from(value, "base64").toString("utf8");
  return decoded.slice(decoded.indexOf(":") + 1);
}

/** Bokmål unless the browser asks for English (before any Norwegian). */
export function pageLocale(request: FastifyRequest): UiLocale {
  const header = request.headers["accept-language"];
  return header && /(^|,)\s*en\b/i.test(header) ? localeFromAcceptLanguage(header) : "nb";
}

/** A count of proxies trusts that many hops nearest the server (proxy-addr's rule); addresses trust those addresses. */
function trustedProxies(trust: number | string[] | undefined): string[] | ((address: string, hop: number) => boolean) | false {
  if (trust === undefined) return false;
  return typeof trust === "number" ? (_address, hop) => hop < trust : trust;
}

/** The fingerprint of a consent text: stored with each signature, so it is known what each signer agreed to. */
const consentVersionOf = (text: string) => createHash("sha256").update(text).digest("hex").slice(0, 12);

export async function createCollectServer(options: CollectServerOptions): Promise<FastifyInstance> {
  const { doc, store } = options;
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((line: string) => void process.stderr.write(`${line}\n`));
  const confirmDays = options.confirmDays ?? 7;
  const secureCookies = options.publicUrl?.startsWith("https:") ?? false;
  const app = Fastify({ bodyLimit: options.bodyLimit ?? 16 * 1024, trustProxy: trustedProxies(options.trustProxy), logger: options.logger ?? false });
  const mailer = options.smtpUrl ? smtpSender(options.smtpUrl) : undefined;
  const sendConfirmation: SendConfirmation | undefined = mailer?.send;
  // A SQLite file changes only through this process; the minute covers a `collect purge` run beside it.
  // On PostgreSQL another process's change shows within 5 s: a count over 100,000 rows is not free.
  const cache = new PageCache(store.shared ? 5000 : 60_000);

  const consent: ConsentParams = {
    controller: doc.meta.from.map((s) => s.name).join(", ") || doc.meta.signature.map((s) => s.name).join(", ") || "—",
    title: doc.meta.title,
    closes: options.closes,
    retainDays: options.retainDays ?? 90,
    confirmDays,
    byEmail: Boolean(sendConfirmation),
  };
  const consentVersions: Record<UiLocale, string> = {
    nb: consentVersionOf(t("collect.consentText", consent, "nb")),
    en: consentVersionOf(t("collect.consentText", consent, "en")),
  };

  // Once per process: after a purge nothing new can arrive (the form closed long before).
  let purged = false;
  async function housekeeping() {
    await store.deleteExpired(now().toISOString());
    if (!purged && isPurgeDue(options.closes, consent.retainDays, now())) {
      purged = true;
      const kept = await store.purge(doc.name);
      log(t("collect.cliAutoPurged", { n: kept, date: now().toISOString().slice(0, 10) }));
    }
    cache.clear();
  }
  await housekeeping();
  const timer = setInterval(() => housekeeping().catch((error: Error) => log(error.message)), HOUSEKEEPING_MS);
  timer.unref();
  app.addHook("onClose", async () => {
    clearInterval(timer);
    mailer?.close();
  });

  // helmet's middleware, built once: @fastify/helmet builds it again for every request.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
      },
    },
    // Confirm and withdraw links carry secrets in the path; they must not leak to other sites.
    referrerPolicy: { policy: "no-referrer" },
  });
  app.addHook("onRequest", (request, reply, done) => securityHeaders(request.raw, reply.raw, () => done()));
  await app.register(fastifyCookie);
  await app.register(fastifyCsrf, { cookieOpts: { path: "/", sameSite: "strict", httpOnly: true, secure: secureCookies } });
  await app.register(fastifyFormbody, { parser: parseFormBody });
  // Forms only: a JSON or text body is a 415, not a second way in.
  app.removeContentTypeParser(["application/json", "text/plain"]);
  // Every route has a generous per-address limit (a page view is four requests, an open tab
  // polls the count); posting routes have their own, stricter one. Counters live in the store.
  if (!options.unsafeLoadTestMode) await app.register(fastifyRateLimit, { global: true, max: 600, timeWindow: "1 minute", store: sharedRateLimitStore(store) });

  const guard = (rateLimit: { max: number; timeWindow: number | string }): RouteShorthandOptions =>
    options.unsafeLoadTestMode ? {} : { preHandler: app.csrfProtection, config: { rateLimit } };
  const signGuard = guard(options.rateLimit ?? { max: 10, timeWindow: "1 minute" });
  const adminGuard = guard({ max: 120, timeWindow: "1 minute" });

  const html = (reply: FastifyReply, body: string, status = 200) => reply.code(status).type(HTML).header("cache-control", "no-store").send(body);
  const message = (request: FastifyRequest, reply: FastifyReply, title: string, paragraphs: string[], status = 200) => html(reply, messagePage(pageLocale(request), title, paragraphs), status);

  app.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
    if (status >= 500) request.log.error(error);
    const locale = pageLocale(request);
    const known = [400, 401, 403, 404, 409, 410, 413, 415, 429].includes(status) ? status : 500;
    const key = `collect.error${known}` as "collect.error500";
    if (status === 401) reply.header("www-authenticate", 'Basic realm="opprop admin", charset="UTF-8"');
    return html(reply, messagePage(locale, t(`${key}Title` as "collect.error500Title", undefined, locale), [t(`${key}Text` as "collect.error500Text", undefined, locale)]), status);
  });
  app.setNotFoundHandler(() => {
    throw new HttpError(404, "not found");
  });

  const baseUrl = () => (options.publicUrl ?? `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`).replace(/\/+$/, "");
  const fields = (request: FastifyRequest): Record<string, string> => {
    if (!request.body || typeof request.body !== "object") throw new HttpError(400, "a form was expected");
    return request.body as Record<string, string>;
  };
  const closed = () => isClosed(options.closes, now());
  const reporter = new Reporter();

  const accepted = () => cache.get("count", () => store.count(doc.name));

  async function renderForm(locale: UiLocale, csrfToken: string, values?: FormValues, errors?: FormError[]) {
    const [total, latest] = await Promise.all([accepted(), store.publicPage(doc.name, "latest", 0, FRONT_PAGE_NAMES)]);
    return signPage({ doc, reporter, locale, total, latest, csrfToken, values, errors, confirmByEmail: Boolean(sendConfirmation), consent, consentVersion: consentVersions[locale], closed: closed() });
  }

  app.get("/", async (request, reply) => {
    const locale = pageLocale(request);
    if (closed()) return html(reply, await cache.get(`closed:${locale}`, () => renderForm(locale, "")));
    // The page is the same for every visitor but for the CSRF token: rendered once, then spliced.
    const [before, after] = await cache.get(`page:${locale}`, async () => cache.split(await renderForm(locale, cache.placeholder)));
    return html(reply, before + reply.generateCsrf() + after);
  });
  app.get("/style.css", (_request, reply) => reply.type("text/css; charset=utf-8").header("cache-control", "public, max-age=300").send(PAGE_STYLESHEET));
  app.get("/live.js", (_request, reply) => reply.type("text/javascript; charset=utf-8").header("cache-control", "public, max-age=300").send(LIVE_SCRIPT));
  // Browsers ask for it on every page; an empty answer keeps the log free of 404s.
  app.get("/favicon.ico", (_request, reply) => reply.code(204).header("cache-control", "public, max-age=86400").send());
  app.get("/count.json", async (request, reply) => {
    const count = await accepted();
    return reply.header("cache-control", "no-store").send({ count, text: countText(count, pageLocale(request)) });
  });
  app.get<{ Querystring: { order?: string; page?: string } }>("/signatories", async (request, reply) => {
    const order: PublicOrder = request.query.order === "alphabetical" ? "alphabetical" : "latest";
    const number = Number(request.query.page ?? "1");
    if (!Number.isInteger(number) || number < 1 || number > 1_000_000) throw new HttpError(404, "no such page");
    const locale = pageLocale(request);
    const body = await cache.get(`list:${locale}:${order}:${number}`, async () =>
      listPage(doc, locale, order, number, await store.publicPage(doc.name, order, (number - 1) * LIST_PAGE_NAMES, LIST_PAGE_NAMES)),
    );
    return html(reply, body);
  });

  app.post("/sign", signGuard, async (request, reply) => {
    if (closed()) throw new HttpError(410, "closed");
    const locale = pageLocale(request);
    const values = fields(request);
    const form = validateSignForm(values, locale);
    if (!form.ok) return html(reply, await renderForm(locale, reply.generateCsrf(), values, form.errors), 400);
    if (form.version !== doc.fingerprint || !Object.values(consentVersions).includes(form.consentVersion)) throw new HttpError(409, "the text changed");
    // A robot that filled the honeypot gets the same answer as everyone, and nothing is stored.
    if (form.robot) return reply.redirect("/thanks", 303);
    const { row } = form;
    const signedAt = now();
    const confirmToken = sendConfirmation ? newToken() : undefined;
    const withdrawToken = newToken();
    const id = randomUUID();
    const result = await store.add(
      {
        id,
        document: doc.name,
        dedupeKey: dedupeKey(row),
        type: row.type,
        name: row.name,
        organisation: row.organisation,
        role: row.role,
        orgnr: row.orgnr,
        place: row.place,
        email: row.email,
        publish: row.publish,
        version: form.version,
        signedAt: signedAt.toISOString(),
        consentVersion: form.consentVersion,
        consentAt: signedAt.toISOString(),
        // Without a mail there is no way to tell who signed: a person, too, waits for an administrator.
        confirmed: !sendConfirmation,
        approved: Boolean(sendConfirmation) && row.type === "person",
        confirmTokenHash: confirmToken && hashToken(confirmToken),
        confirmExpiresAt: confirmToken && addDays(signedAt, confirmDays).toISOString(),
        withdrawTokenHash: hashToken(withdrawToken),
      },
      sendConfirmation ? new Date(signedAt.getTime() - RESEND_AFTER_MS).toISOString() : undefined,
    );
    // Only a new sign-on or a re-send after 10 minutes mails; a duplicate gets the same neutral answer.
    if (sendConfirmation && confirmToken && result !== "duplicate") {
      try {
        await sendConfirmation({ to: row.email, title: doc.meta.title, confirmUrl: `${baseUrl()}/confirm/${confirmToken}`, withdrawUrl: `${baseUrl()}/withdraw/${withdrawToken}`, days: confirmDays, locale });
      } catch (error) {
        log(t("collect.mailFailedLog", { error: (error as Error).message }));
        // A sign-on nobody can confirm is not kept; the signer may try again at once.
        if (result === "added") await store.remove(id);
        return message(request, reply, t("collect.mailFailedTitle", undefined, locale), [t("collect.mailFailedText", undefined, locale)], 503);
      }
    }
    return reply.redirect("/thanks", 303);
  });

  app.get("/thanks", (request, reply) => {
    const locale = pageLocale(request);
    const say = (key: "collect.thanksMail" | "collect.thanksApproval" | "collect.thanksOrganisations") => t(key, undefined, locale);
    return message(request, reply, t("collect.thanksTitle", undefined, locale), sendConfirmation ? [say("collect.thanksMail"), say("collect.thanksOrganisations")] : [say("collect.thanksApproval")]);
  });

  // Opening a link (a person, a mail scanner, a link preview) only shows a button; the button's POST acts.
  const linkPage = (path: "confirm" | "withdraw") =>
    app.get<{ Params: { token: string } }>(`/${path}/:token`, async (request, reply) => {
      const { token } = request.params;
      if (!TOKEN.test(token)) throw new HttpError(404, `unknown ${path} link`);
      const locale = pageLocale(request);
      const say = (key: string) => t(`collect.${path}${key}` as "collect.confirmTitle", undefined, locale);
      return html(reply, buttonPage(locale, say("Title"), say("Text"), `/${path}/${encodeURIComponent(token)}`, say("Button"), reply.generateCsrf()));
    });
  linkPage("confirm");
  linkPage("withdraw");
  app.post<{ Params: { token: string } }>("/confirm/:token", signGuard, async (request, reply) => {
    const { token } = request.params;
    if (!TOKEN.test(token) || !(await store.confirm(hashToken(token), now().toISOString()))) throw new HttpError(404, "unknown or expired confirm link");
    cache.clear();
    const locale = pageLocale(request);
    return message(request, reply, t("collect.confirmedTitle", undefined, locale), [t("collect.confirmedText", undefined, locale)]);
  });
  app.post<{ Params: { token: string } }>("/withdraw/:token", signGuard, async (request, reply) => {
    const { token } = request.params;
    if (!TOKEN.test(token) || !(await store.withdraw(hashToken(token)))) throw new HttpError(404, "unknown withdraw link");
    cache.clear();
    const locale = pageLocale(request);
    return message(request, reply, t("collect.withdrawnTitle", undefined, locale), [t("collect.withdrawnText", undefined, locale)]);
  });

  await app.register(async (admin) => {
    admin.addHook("onRequest", async (request, reply) => {
      if (!options.adminToken) throw new HttpError(404, "no admin view");
      // The limit on failures is checked before the token, so guessing stops at the limit.
      const key = `admin-failures:${request.ip}`;
      const failures = await store.hit(key, ADMIN_FAILURES.windowMs, 0);
      if (failures.count >= ADMIN_FAILURES.max) {
        reply.header("retry-after", String(Math.ceil(failures.ttl / 1000)));
        throw new HttpError(429, "too many failed logins");
      }
      const given = credentials(request.headers.authorization);
      if (given === undefined || !sameSecret(given, options.adminToken)) {
        await store.hit(key, ADMIN_FAILURES.windowMs);
        throw new HttpError(401, "admin token required");
      }
    });
    admin.get("/admin", async (request, reply) => {
      const [pending, count] = await Promise.all([store.list("pending", doc.name), store.count(doc.name)]);
      return html(reply, adminPage(doc, pageLocale(request), pending, count, reply.generateCsrf()));
    });
    admin.post<{ Params: { id: string } }>("/admin/approve/:id", adminGuard, async (request, reply) => {
      if (!(await store.approve(request.params.id))) throw new HttpError(404, "no such sign-on");
      cache.clear();
      return reply.redirect("/admin", 303);
    });
    admin.post<{ Params: { id: string } }>("/admin/reject/:id", adminGuard, async (request, reply) => {
      if (!(await store.remove(request.params.id))) throw new HttpError(404, "no such sign-on");
      cache.clear();
      return reply.redirect("/admin", 303);
    });
  });

  return app;
}
