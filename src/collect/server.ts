/**
 * `opprop collect`: the sign-on web server. Fastify with its own security
 * plugins (helmet, rate-limit, csrf-protection + cookie, formbody); nothing of
 * that is hand-rolled here. Pages are plain forms that work without JavaScript:
 * POST, then a 303 redirect to a message page.
 */
import { createHash, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import type { AddressInfo } from "node:net";
import fastifyCookie from "@fastify/cookie";
import fastifyCsrf from "@fastify/csrf-protection";
import fastifyFormbody from "@fastify/formbody";
import fastifyHelmet from "@fastify/helmet";
import fastifyRateLimit from "@fastify/rate-limit";
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest, type RouteShorthandOptions } from "fastify";
import type { AssembledDocument } from "../assemble/types.js";
import { Reporter } from "../report/index.js";
import { sortSignatories } from "../signatories/index.js";
import type { SignatoryList } from "../signatories/types.js";
import { toSignatories } from "./export.js";
import { dedupeKey, HttpError, parseFormBody, validateSignForm } from "./form.js";
import { smtpSender, type SendConfirmation } from "./mail.js";
import { adminPage, countText, LIVE_SCRIPT, messagePage, PAGE_STYLESHEET, signPage, withdrawPage, type FormValues } from "./page.js";
import type { SignatureStore } from "./store.js";

export interface CollectServerOptions {
  doc: AssembledDocument;
  store: SignatureStore;
  /** The secret for `/admin` (HTTP Basic password or Bearer token); without it there is no admin view. */
  adminToken?: string;
  /** `smtp://…`: ask every signer to confirm their address (double opt-in). Without it sign-ons count at once. */
  smtpUrl?: string;
  /** The address people reach the server at, for links in e-mails; default the address it listens on. */
  publicUrl?: string;
  /** Behind a reverse proxy: take the client address from X-Forwarded-For (for the per-IP limit). */
  trustProxy?: boolean;
  /** Sign-ons per client address and window (default 10 per minute). */
  rateLimit?: { max: number; timeWindow: number | string };
  /** Largest request body in bytes (default 16 KiB). */
  bodyLimit?: number;
  /**
   * TEST ONLY — for load benchmarks: no CSRF check and no rate limit, so a load
   * generator can post without a browser session. Never on in `opprop collect`.
   */
  unsafeLoadTestMode?: boolean;
  logger?: boolean;
}

const HTML = "text/html; charset=utf-8";
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** What an error status means to the person in front of the form. */
const ERROR_PAGES: Record<number, [string, string]> = {
  400: ["Ugyldig innsending", "Skjemaet inneholdt tegn eller data vi ikke kan ta imot. Gå tilbake og prøv igjen."],
  401: ["Ingen tilgang", "Denne siden krever innlogging."],
  403: ["Skjemaet er utløpt", "Last siden på nytt og send skjemaet en gang til."],
  404: ["Fant ikke siden", "Lenken gjelder ikke (lenger)."],
  409: ["Teksten er endret", "Teksten ble endret etter at du åpnet siden. Les den nye teksten og signer på nytt."],
  413: ["For mye data", "Skjemaet var større enn vi tar imot."],
  415: ["Ugyldig innsending", "Send skjemaet fra siden."],
  429: ["For mange forsøk", "Det har kommet mange innsendinger fra din adresse. Vent litt og prøv igjen."],
};

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

export async function createCollectServer(options: CollectServerOptions): Promise<FastifyInstance> {
  const { doc, store } = options;
  const secureCookies = options.publicUrl?.startsWith("https:") ?? false;
  const app = Fastify({ bodyLimit: options.bodyLimit ?? 16 * 1024, trustProxy: options.trustProxy ?? false, logger: options.logger ?? false });
  const mailer = options.smtpUrl ? smtpSender(options.smtpUrl) : undefined;
  const sendConfirmation: SendConfirmation | undefined = mailer?.send;
  app.addHook("onClose", async () => mailer?.close());

  await app.register(fastifyHelmet, {
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
  await app.register(fastifyCookie);
  await app.register(fastifyCsrf, { cookieOpts: { path: "/", sameSite: "strict", httpOnly: true, secure: secureCookies } });
  await app.register(fastifyFormbody, { parser: parseFormBody });
  // Forms only: a JSON or text body is a 415, not a second way in.
  app.removeContentTypeParser(["application/json", "text/plain"]);
  // Every route has a generous per-address limit (a page view is four requests, an open tab
  // polls the count); posting routes have their own, stricter one.
  if (!options.unsafeLoadTestMode) await app.register(fastifyRateLimit, { global: true, max: 600, timeWindow: "1 minute" });

  const guard = (rateLimit: { max: number; timeWindow: number | string }): RouteShorthandOptions =>
    options.unsafeLoadTestMode ? {} : { preHandler: app.csrfProtection, config: { rateLimit } };
  const signGuard = guard(options.rateLimit ?? { max: 10, timeWindow: "1 minute" });
  const adminGuard = guard({ max: 120, timeWindow: "1 minute" });

  app.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
    if (status >= 500) request.log.error(error);
    const [title, text] = ERROR_PAGES[status] ?? ["Noe gikk galt", "Prøv igjen om litt."];
    if (status === 401) reply.header("www-authenticate", 'Basic realm="opprop admin", charset="UTF-8"');
    return reply.code(status).type(HTML).header("cache-control", "no-store").send(messagePage(title, [text]));
  });
  app.setNotFoundHandler(() => {
    throw new HttpError(404, "not found");
  });

  const html = (reply: FastifyReply, body: string, status = 200) => reply.code(status).type(HTML).header("cache-control", "no-store").send(body);
  const baseUrl = () => (options.publicUrl ?? `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`).replace(/\/+$/, "");
  const fields = (request: FastifyRequest): Record<string, string> => {
    if (!request.body || typeof request.body !== "object") throw new HttpError(400, "a form was expected");
    return request.body as Record<string, string>;
  };

  async function publicList(): Promise<SignatoryList> {
    const [accepted, published] = await Promise.all([store.count(doc.name), store.list("public", doc.name)]);
    const sorted = sortSignatories(toSignatories(published));
    const organisations = sorted.filter((s) => s.type === "organisation");
    const persons = sorted.filter((s) => s.type === "person");
    return { organisations, persons, hiddenPersons: accepted - organisations.length - persons.length, total: accepted };
  }

  async function showForm(reply: FastifyReply, values?: FormValues, errors?: string[]) {
    const page = signPage({ doc, reporter: new Reporter(), signatories: await publicList(), csrfToken: reply.generateCsrf(), values, errors, confirmByEmail: Boolean(sendConfirmation) });
    return html(reply, page, errors?.length ? 400 : 200);
  }

  app.get("/", (_request, reply) => showForm(reply));
  app.get("/style.css", (_request, reply) => reply.type("text/css; charset=utf-8").header("cache-control", "public, max-age=300").send(PAGE_STYLESHEET));
  app.get("/live.js", (_request, reply) => reply.type("text/javascript; charset=utf-8").header("cache-control", "public, max-age=300").send(LIVE_SCRIPT));
  // Browsers ask for it on every page; an empty answer keeps the log free of 404s.
  app.get("/favicon.ico", (_request, reply) => reply.code(204).header("cache-control", "public, max-age=86400").send());
  app.get("/count.json", async (_request, reply) => {
    const count = await store.count(doc.name);
    return reply.header("cache-control", "no-store").send({ count, text: countText(count) });
  });

  app.post("/sign", signGuard, async (request, reply) => {
    const values = fields(request);
    const form = validateSignForm(values);
    if (!form.ok) return showForm(reply, values, form.errors);
    if (form.version !== doc.fingerprint) throw new HttpError(409, "the text changed");
    // A robot that filled the honeypot gets the same answer as everyone, and nothing is stored.
    if (!form.robot) {
      const { row } = form;
      const confirmToken = sendConfirmation ? newToken() : undefined;
      const withdrawToken = newToken();
      const added = await store.add({
        id: randomUUID(),
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
        signedAt: new Date().toISOString(),
        confirmed: !sendConfirmation,
        approved: row.type === "person",
        confirmTokenHash: confirmToken && hashToken(confirmToken),
        withdrawTokenHash: hashToken(withdrawToken),
      });
      // Not awaited, and only for a new sign-on: the answer must not take longer
      // (or look different) when the address had signed before.
      if (added && sendConfirmation && confirmToken) {
        sendConfirmation({ to: row.email, title: doc.meta.title, confirmUrl: `${baseUrl()}/confirm/${confirmToken}`, withdrawUrl: `${baseUrl()}/withdraw/${withdrawToken}` }).catch((error) =>
          request.log.error(error, "could not send the confirmation e-mail"),
        );
      }
    }
    return reply.redirect("/thanks", 303);
  });

  app.get("/thanks", (_request, reply) =>
    html(
      reply,
      messagePage(
        "Takk!",
        sendConfirmation
          ? ["Vi har sendt en e-post til adressen du oppga. Underskriften teller når du har åpnet lenken i den.", "Organisasjoner vises på listen når vi har godkjent dem."]
          : ["Underskriften er mottatt.", "Organisasjoner vises på listen når vi har godkjent dem."],
      ),
    ),
  );

  app.get<{ Params: { token: string } }>("/confirm/:token", async (request, reply) => {
    const { token } = request.params;
    if (!TOKEN.test(token) || !(await store.confirm(hashToken(token)))) throw new HttpError(404, "unknown confirm link");
    return html(reply, messagePage("E-postadressen er bekreftet", ["Takk! Underskriften din er registrert. Organisasjoner vises på listen når vi har godkjent dem."]));
  });

  app.get<{ Params: { token: string } }>("/withdraw/:token", async (request, reply) => {
    if (!TOKEN.test(request.params.token)) throw new HttpError(404, "unknown withdraw link");
    return html(reply, withdrawPage(request.params.token, reply.generateCsrf()));
  });
  app.post<{ Params: { token: string } }>("/withdraw/:token", signGuard, async (request, reply) => {
    const { token } = request.params;
    if (!TOKEN.test(token) || !(await store.withdraw(hashToken(token)))) throw new HttpError(404, "unknown withdraw link");
    return html(reply, messagePage("Underskriften er trukket tilbake", ["Opplysningene om deg er slettet."]));
  });

  await app.register(async (admin) => {
    admin.addHook("onRequest", async (request) => {
      if (!options.adminToken) throw new HttpError(404, "no admin view");
      const given = credentials(request.headers.authorization);
      if (given === undefined || !sameSecret(given, options.adminToken)) throw new HttpError(401, "admin token required");
    });
    admin.get("/admin", async (_request, reply) => {
      const [pending, accepted] = await Promise.all([store.list("pending", doc.name), store.count(doc.name)]);
      return html(reply, adminPage(doc, pending, accepted, reply.generateCsrf()));
    });
    admin.post<{ Params: { id: string } }>("/admin/approve/:id", adminGuard, async (request, reply) => {
      if (!(await store.approve(request.params.id))) throw new HttpError(404, "no such sign-on");
      return reply.redirect("/admin", 303);
    });
    admin.post<{ Params: { id: string } }>("/admin/reject/:id", adminGuard, async (request, reply) => {
      if (!(await store.remove(request.params.id))) throw new HttpError(404, "no such sign-on");
      return reply.redirect("/admin", 303);
    });
  });

  return app;
}
