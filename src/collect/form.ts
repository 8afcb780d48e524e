/**
 * The sign form: strict decoding of the POST body, then the same zod row
 * schema that checks signatory files, plus what only a form has (consent,
 * honeypot, the version shown).
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import { cleanText } from "../assemble/clean.js";
import { t } from "../i18n/catalogue.js";
import type { UiLocale } from "../i18n/locale.js";
import { foldCase } from "../signatories/normalise.js";
import { describeIssues, signatoryRowSchema, type SignatoryRow } from "../signatories/index.js";

/** An error Fastify answers with this status (through the server's error page). */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
  }
}

// A raw U+FFFD is what invalid UTF-8 bytes become when the body is decoded; a NUL is never text.
const FORBIDDEN = /[\u0000\ufffd]/;

/**
 * `application/x-www-form-urlencoded` → fields. Unlike the lenient default, an
 * invalid percent-escape, invalid UTF-8 or a NUL makes the request a 400 instead of
 * turning into replacement characters that end up in the database.
 */
export function parseFormBody(body: string): Record<string, string> {
  const fields: Record<string, string> = Object.create(null);
  if (FORBIDDEN.test(body)) throw new HttpError(400, "invalid characters in the form");
  for (const pair of body.split("&")) {
    if (!pair) continue;
    const at = pair.indexOf("=");
    const [key, value] = at < 0 ? [pair, ""] : [pair.slice(0, at), pair.slice(at + 1)];
    let decodedKey: string, decodedValue: string;
    try {
      decodedKey = decodeURIComponent(key.replace(/\+/g, " "));
      decodedValue = decodeURIComponent(value.replace(/\+/g, " "));
    } catch {
      throw new HttpError(400, "the form is not valid UTF-8");
    }
    if (FORBIDDEN.test(decodedKey) || FORBIDDEN.test(decodedValue)) throw new HttpError(400, "invalid characters in the form");
    fields[decodedKey] = decodedValue;
  }
  return fields;
}

/** One problem with the form, and the field it is about (for the error summary's link). */
export interface FormError {
  field: string;
  message: string;
}

const FIELDS = ["type", "name", "organisation", "role", "orgnr", "place", "email", "consent"];

function formSchema(locale: UiLocale) {
  const field = (max: number) => z.string().max(max, t("collect.formFieldLong", { max }, locale)).optional();
  return z.object({
    type: z.enum(["organisation", "person"], t("collect.formType", undefined, locale)),
    name: z.string().trim().min(1, t("collect.formName", undefined, locale)).max(200, t("collect.formNameLong", undefined, locale)),
    organisation: field(200),
    role: field(200),
    orgnr: field(20),
    place: field(100),
    email: z.string().trim().max(254).pipe(z.email(t("collect.formEmail", undefined, locale))),
    publish: z.literal("ja").optional(),
    consent: z.literal("ja", t("collect.formConsent", undefined, locale)),
    version: z.string().max(64),
    consent_version: z.string().max(64).optional(),
    /** The honeypot: people never see it, form-filling robots fill it. */
    website: z.string().optional(),
  });
}
const SCHEMAS = { nb: formSchema("nb"), en: formSchema("en") };

export type SignForm =
  | { ok: true; robot: boolean; row: SignatoryRow & { email: string }; version: string; consentVersion: string }
  | { ok: false; errors: FormError[] };

const fieldOf = (path: readonly PropertyKey[]) => {
  const name = String(path[0] ?? "");
  return FIELDS.includes(name) ? name : "name";
};

/**
 * Checks a posted sign form. Every field is cleaned first as assembly cleans
 * all text (controls, bidi overrides, zero-width characters), so a name cannot
 * reorder or hide itself on the list.
 */
export function validateSignForm(posted: Record<string, string>, locale: UiLocale = "nb"): SignForm {
  const fields = Object.fromEntries(Object.entries(posted).map(([key, value]) => [key, cleanText(value)]));
  const form = SCHEMAS[locale].safeParse(fields);
  if (!form.success) return { ok: false, errors: form.error.issues.map((issue) => ({ field: fieldOf(issue.path), message: issue.message })) };
  const { type, name, organisation, role, orgnr, place, email, publish, version, website } = form.data;
  const row = signatoryRowSchema.safeParse({
    type,
    name,
    // A person's affiliation; for an organisation the name says it all.
    organisation: type === "person" ? organisation : undefined,
    role,
    orgnr: type === "organisation" ? orgnr : undefined,
    place,
    email,
    publish: publish ? "ja" : "nei",
    version,
  });
  if (!row.success) {
    const messages = describeIssues(row.error);
    return { ok: false, errors: row.error.issues.map((issue, i) => ({ field: fieldOf(issue.path), message: messages[i] })) };
  }
  return { ok: true, robot: Boolean(website), row: { ...row.data, email }, version, consentVersion: form.data.consent_version ?? "" };
}

/**
 * One mailbox, one signatory of each kind: the key is the kind and the e-mail
 * address, not the name, so a second sign-on from the same address under
 * another name is the same signatory and is dropped.
 */
export function dedupeKey(row: SignatoryRow & { email: string }): string {
  return createHash("sha256").update(`${row.type}\n${foldCase(row.email)}`).digest("hex");
}
