/**
 * One signatory row, raw strings in, normalised signatory out. Shared by the
 * file readers and the sign-on form, so both accept and reject the same rows.
 * Every message names its field, so it reads on its own after `file:line`.
 */
import { z } from "zod";
import { t } from "../i18n/catalogue.js";
import { cleanText } from "./normalise.js";
import { formTime } from "./time.js";
import type { Signatory } from "./types.js";

const ORGNR_WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2];

/** Brønnøysund organisation number: 9 digits, the last a MOD11 check digit. */
export function checkOrgnr(orgnr: string): boolean {
  if (!/^\d{9}$/.test(orgnr)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += ORGNR_WEIGHTS[i] * (orgnr.charCodeAt(i) - 48);
  const check = 11 - (sum % 11);
  // A remainder giving check digit 10 means no valid number has these first eight digits.
  return check !== 10 && (check === 11 ? 0 : check) === orgnr.charCodeAt(8) - 48;
}

/** Blank and absent are the same thing: no value. */
function optional(value: string | undefined): string | undefined {
  return value === undefined ? undefined : cleanText(value) || undefined;
}

const TYPES: Record<string, "organisation" | "person"> = {
  organisation: "organisation",
  organization: "organisation",
  organisasjon: "organisation",
  org: "organisation",
  virksomhet: "organisation",
  person: "person",
  privatperson: "person",
  enkeltperson: "person",
  individual: "person",
};

const YES = new Set(["yes", "y", "ja", "j", "true", "1", "x", "sant"]);
const NO = new Set(["no", "n", "nei", "false", "0", "usant"]);

// Forms export a ticked consent box as its label ("Ja, navnet mitt kan vises"): its first word decides.
const FIRST_WORD = /^[\p{L}\p{N}]+/u;
// …but a yes with a reservation ("Ja – men bare initialer", "Yes, but not my surname") is no clear yes.
const RESERVATION = /(?<!\p{L})(men|but|bare|kun|only|ikke|not|unntatt|except|initial)/u;

/** The type a cleaned `type` cell names; undefined when it names none. Shared with the columnar merge. */
export function signatoryType(text: string): "organisation" | "person" | undefined {
  return TYPES[text.toLowerCase()];
}

/**
 * What a cleaned `publish` cell answers: true for yes, false for no, undefined
 * when it is no answer (a message). Shared with the columnar merge, which asks once per distinct cell.
 */
export function readConsent(publishText: string): boolean | undefined {
  const publishLower = publishText.toLowerCase();
  const firstWord = YES.has(publishLower) || NO.has(publishLower) ? publishLower : (FIRST_WORD.exec(publishLower)?.[0] ?? "");
  const publishWord = YES.has(firstWord) && RESERVATION.test(publishLower.slice(firstWord.length)) ? "" : firstWord;
  return YES.has(publishWord) ? true : NO.has(publishWord) ? false : undefined;
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The number written by the digits from `from` to `to`, read in place: no substring per field. */
function digits(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + text.charCodeAt(i) - 48;
  return n;
}

/**
 * ISO date or date-time, also "2026-11-22 10:15" as spreadsheets write it; ISO
 * input comes back as the same string, with no captures or Date objects, since
 * this runs once per row. Everything else form tools export goes to `formTime`.
 */
export function isoTime(value: string): string | undefined {
  const iso = value.charCodeAt(10) === 32 ? `${value.slice(0, 10)}T${value.slice(11)}` : value;
  if (!ISO_TIME.test(iso)) return formTime(value);
  const year = digits(iso, 0, 4);
  const month = digits(iso, 5, 7);
  const day = digits(iso, 8, 10);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const ok = month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && !leap ? 28 : DAYS_IN_MONTH[month - 1]);
  return ok && (iso.length === 10 || (digits(iso, 11, 13) < 24 && digits(iso, 14, 16) < 60)) ? iso : undefined;
}

const text = z.string().optional();

/** A raw row: every field as the text a file or form gave, absent when it has no such column. */
export const rawSignatoryRowSchema = z.object({
  type: text,
  name: text,
  organisation: text,
  role: text,
  orgnr: text,
  place: text,
  email: text,
  phone: text,
  publish: text,
  signed_at: text,
  version: text,
  /** Columns we do not know; kept, never printed. */
  extra: z.record(z.string(), z.string()).optional(),
});
export type SignatoryRowInput = z.input<typeof rawSignatoryRowSchema>;

export type SignatoryRow = Omit<Signatory, "source" | "group">;

/** Most rows have no unknown columns: they share one empty `extra` rather than a million. */
const NO_EXTRA: Record<string, string> = Object.freeze({});

/**
 * The rules themselves, on a row already known to hold only text (what the
 * file readers produce): each problem goes to `problem`, and a row with any
 * problem yields undefined. Plain code rather than a chain of zod transforms,
 * which measured 50–100 µs a row here (mostly garbage): over a minute for a million rows.
 */
export function normaliseRow(raw: SignatoryRowInput, problem: (field: string, message: string) => void): SignatoryRow | undefined;
/** With `origin`, the complete signatory: one object, not a row plus properties added later (which V8 stores in a second object). */
export function normaliseRow(raw: SignatoryRowInput, problem: (field: string, message: string) => void, origin: Pick<Signatory, "group" | "source">): Signatory | undefined;
export function normaliseRow(
  raw: SignatoryRowInput,
  problem: (field: string, message: string) => void,
  origin?: Pick<Signatory, "group" | "source">,
): (SignatoryRow & Partial<Pick<Signatory, "group" | "source">>) | undefined {
  let ok = true;
  const fail = (field: string, message: string): undefined => {
    problem(field, message);
    ok = false;
    return undefined;
  };
  const name = optional(raw.name) ?? fail("name", t("signatories.nameMissing"));
  const typeText = optional(raw.type);
  const type = typeText === undefined ? undefined : (signatoryType(typeText) ?? fail("type", t("signatories.badType", { value: typeText })));
  const orgnrText = optional(raw.orgnr);
  let orgnr: string | undefined;
  if (orgnrText !== undefined) {
    const digits = orgnrText.replace(/[\s.]/g, "");
    if (!/^\d{9}$/.test(digits)) fail("orgnr", t("signatories.orgnrDigits", { orgnr: orgnrText }));
    else if (!checkOrgnr(digits)) fail("orgnr", t("signatories.orgnrCheck", { orgnr: digits }));
    else orgnr = digits;
  }
  const publishText = optional(raw.publish);
  const consent = publishText === undefined ? false : readConsent(publishText);
  if (consent === undefined) fail("publish", t("signatories.badPublish", { value: publishText! }));
  const signedText = optional(raw.signed_at);
  const signedAt = signedText === undefined ? undefined : (isoTime(signedText) ?? fail("signed_at", t("signatories.badTime", { value: signedText })));
  if (!ok || name === undefined) return undefined;
  const kind = type ?? (orgnr ? "organisation" : "person");
  const phone = optional(raw.phone);
  // One object literal, always the same keys in the same order: a million of them stay compact and fast.
  return {
    type: kind,
    name,
    organisation: optional(raw.organisation),
    role: optional(raw.role),
    orgnr,
    place: optional(raw.place),
    email: optional(raw.email),
    // Organisations sign in public; a person is named only with consent (SPEC §4).
    publish: kind === "organisation" || consent === true,
    signedAt,
    version: optional(raw.version)?.toLowerCase(),
    extra: phone ? (raw.extra ? { ...raw.extra, phone } : { phone }) : (raw.extra ?? NO_EXTRA),
    group: origin?.group,
    source: origin?.source,
  };
}

/** Raw row in (strings from a file or the sign-on form), normalised signatory out, or issues naming the field. */
export const signatoryRowSchema = rawSignatoryRowSchema.transform((raw, ctx) => {
  const row = normaliseRow(raw, (field, message) => ctx.addIssue({ code: "custom", message, path: [field] }));
  return row ?? z.NEVER;
});


/** One line per problem; our own messages already name their field. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) =>
    issue.code === "custom" || issue.path.length === 0 ? issue.message : `${issue.path.join(".")}: ${issue.message}`,
  );
}
