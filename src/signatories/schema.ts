/**
 * One signatory row, raw strings in, normalised signatory out. Shared by the
 * file readers and the sign-on form, so both accept and reject the same rows.
 * Every message names its field, so it reads on its own after `file:line`.
 */
import { z } from "zod";
import { cleanText } from "./normalise.js";

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

type Ctx = z.core.$RefinementCtx;

function fail(ctx: Ctx, message: string): never {
  ctx.addIssue({ code: "custom", message });
  return z.NEVER;
}

/** Absent and blank cells are the same thing: no value. */
const optionalText = z
  .string()
  .optional()
  .transform((value) => (value === undefined ? undefined : cleanText(value) || undefined));

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

const ISO_TIME = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?)?$/;
const NORWEGIAN_TIME = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:,? (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/** ISO date or date-time, also from "22.11.2026 10:15" as Norwegian spreadsheets write it. */
function isoTime(value: string): string | undefined {
  let date: string, time: string | undefined, zone: string | undefined;
  const iso = ISO_TIME.exec(value);
  const nb = iso ? null : NORWEGIAN_TIME.exec(value);
  if (iso) [, date, time, zone] = iso;
  else if (nb) {
    const [, d, m, y, hh, mm, ss] = nb;
    date = `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`;
    time = hh ? `${hh.padStart(2, "0")}:${mm}${ss ? `:${ss}` : ""}` : undefined;
  } else return undefined;
  const [y, m, d] = date.split("-").map(Number);
  const day = new Date(Date.UTC(y, m - 1, d));
  if (day.getUTCMonth() !== m - 1 || day.getUTCDate() !== d) return undefined;
  return time ? `${date}T${time}${zone ?? ""}` : date;
}

export const signatoryRowSchema = z
  .object({
    type: optionalText.transform((value, ctx) => {
      if (value === undefined) return undefined;
      return TYPES[value.toLowerCase()] ?? fail(ctx, `type must be organisation or person, got "${value}"`);
    }),
    name: optionalText.transform((value, ctx) => value ?? fail(ctx, "name is missing")),
    organisation: optionalText,
    role: optionalText,
    orgnr: optionalText.transform((value, ctx) => {
      if (value === undefined) return undefined;
      const digits = value.replace(/[\s.]/g, "");
      if (!/^\d{9}$/.test(digits)) return fail(ctx, `orgnr ${value} is not 9 digits`);
      return checkOrgnr(digits) ? digits : fail(ctx, `orgnr ${digits} fails the MOD11 check`);
    }),
    place: optionalText,
    email: optionalText,
    phone: optionalText,
    publish: optionalText.transform((value, ctx) => {
      if (value === undefined) return undefined;
      const word = FIRST_WORD.exec(value.toLowerCase())?.[0] ?? "";
      if (YES.has(word)) return true;
      if (NO.has(word)) return false;
      return fail(ctx, `publish must be yes or no (ja/nei), got "${value}"`);
    }),
    signed_at: optionalText.transform((value, ctx) => {
      if (value === undefined) return undefined;
      return isoTime(value) ?? fail(ctx, `signed_at "${value}" is not a date (use 2026-11-22T10:15 or 22.11.2026 10:15)`);
    }),
    version: optionalText.transform((value) => value?.toLowerCase()),
    /** Columns we do not know; kept, never printed. */
    extra: z.record(z.string(), z.string()).optional(),
  })
  .transform(({ type, publish, phone, signed_at, extra, ...fields }) => {
    const kind = type ?? (fields.orgnr ? "organisation" : "person");
    return {
      ...fields,
      type: kind,
      // Organisations sign in public; a person is named only with consent (SPEC §4).
      publish: kind === "organisation" || publish === true,
      signedAt: signed_at,
      extra: phone ? { ...extra, phone } : { ...extra },
    };
  });

export type SignatoryRowInput = z.input<typeof signatoryRowSchema>;
export type SignatoryRow = z.output<typeof signatoryRowSchema>;

/** One line per problem; our own messages already name their field. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) =>
    issue.code === "custom" || issue.path.length === 0 ? issue.message : `${issue.path.join(".")}: ${issue.message}`,
  );
}
