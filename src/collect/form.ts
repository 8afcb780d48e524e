/**
 * The sign form: strict decoding of the POST body, then the same zod row
 * schema that checks signatory files, plus what only a form has (consent,
 * honeypot, the version shown).
 */
import { createHash } from "node:crypto";
import { z } from "zod";
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

const field = (max: number) => z.string().max(max, `Et felt er lengre enn ${max} tegn.`).optional();

/** What the form adds to a signatory row. Messages are Norwegian: they are shown on the page. */
const formSchema = z.object({
  type: z.enum(["organisation", "person"], "Velg om du signerer for en organisasjon eller som privatperson."),
  name: z.string().trim().min(1, "Skriv navnet på organisasjonen eller ditt fulle navn.").max(200, "Navnet er lengre enn 200 tegn."),
  organisation: field(200),
  role: field(200),
  orgnr: field(20),
  place: field(100),
  email: z.string().trim().max(254).pipe(z.email("Skriv en gyldig e-postadresse.")),
  publish: z.literal("ja").optional(),
  consent: z.literal("ja", "Du må samtykke til at opplysningene behandles for å kunne signere."),
  version: z.string().max(64),
  /** The honeypot: people never see it, form-filling robots fill it. */
  website: z.string().optional(),
});

export type SignForm =
  | { ok: true; robot: boolean; row: SignatoryRow & { email: string }; version: string }
  | { ok: false; errors: string[] };

export function validateSignForm(fields: Record<string, string>): SignForm {
  const form = formSchema.safeParse(fields);
  if (!form.success) return { ok: false, errors: form.error.issues.map((issue) => issue.message) };
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
  if (!row.success) return { ok: false, errors: describeIssues(row.error) };
  return { ok: true, robot: Boolean(website), row: { ...row.data, email }, version };
}

/**
 * Two sign-ons with the same key are the same signatory: same kind, same
 * e-mail address, and the same organisation number or name.
 */
export function dedupeKey(row: SignatoryRow & { email: string }): string {
  const who = row.type === "organisation" && row.orgnr ? row.orgnr : foldCase(row.name);
  return createHash("sha256").update(`${row.type}\n${foldCase(row.email)}\n${who}`).digest("hex");
}
