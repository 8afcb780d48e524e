import { z } from "zod";
import { t } from "../i18n/catalogue.js";
import { UnknownField, fieldFromWord } from "../signatories/columns.js";
import { checkOrgnr } from "../signatories/schema.js";
import { isoDateSchema, langSchema, textSchema } from "./common.js";

const recipientSchema = z.union([
  textSchema.transform((name) => ({ name, address: undefined as string | undefined })),
  z.strictObject({ name: textSchema, address: z.string().optional() }),
]);

const senderSchema = z.strictObject({
  name: textSchema,
  orgnr: z
    .union([z.string(), z.number()])
    .transform(String)
    .superRefine((orgnr, ctx) => {
      const digits = orgnr.replace(/[\s.]/g, "");
      if (!/^\d{9}$/.test(digits)) ctx.addIssue({ code: "custom", message: t("input.orgnrDigits", { orgnr }) });
      else if (!checkOrgnr(digits)) ctx.addIssue({ code: "custom", message: t("input.orgnrCheck", { orgnr: digits }) });
    })
    .optional(),
  address: z.string().optional(),
  logo: z.string().optional(),
  logoAlt: z.string().optional(),
});

/** A field word of a `map:` entry, English (`place`) or Norwegian (`sted`). */
const fieldWordSchema = z.string().superRefine((word, ctx) => {
  if (!fieldFromWord(word)) ctx.addIssue({ code: "custom", message: new UnknownField(word).message });
});

const signatoryFileSchema = z.union([
  z.string().min(1).transform((file) => ({ file, group: undefined as string | undefined, map: undefined as Record<string, string> | undefined })),
  z.strictObject({
    file: z.string().min(1),
    group: z.string().optional(),
    /** Column header as the file writes it → field: a form export used as it is, without merging first. */
    map: z.record(z.string(), fieldWordSchema).optional(),
  }),
]);

export const consultationSchema = z.strictObject({
  title: textSchema,
  issuer: textSchema,
  ref: z.union([z.string(), z.number()]).transform(String).optional(),
  deadline: isoDateSchema.optional(),
  url: z.string().url().optional(),
  /** The consulted document's chapter titles, in its order (SPEC §3, høringssvar). */
  chapters: z.array(z.string().min(1)).default([]),
  /** Give every chapter without a `## ` section of its own a "no comments" section. */
  noComments: z.boolean().default(false),
});

/** Frontmatter of a document (SPEC §3). */
export const documentFrontmatterSchema = z.strictObject({
  template: z.string().min(1),
  title: textSchema,
  lang: langSchema.default("nb"),
  date: isoDateSchema.optional(),
  // One recipient may be written as it is (`to: Helse Sør-Øst RHF`), as the README shows.
  to: z.preprocess((value) => (Array.isArray(value) || value === undefined ? value : [value]), z.array(recipientSchema).min(1)),
  from: z.union([senderSchema, z.array(senderSchema)]).transform((v) => (Array.isArray(v) ? v : [v])).optional(),
  ref: z.strictObject({ ours: z.union([z.string(), z.number()]).transform(String).optional(), theirs: z.union([z.string(), z.number()]).transform(String).optional() }).optional(),
  consultation: consultationSchema.optional(),
  // zod drops a key called __proto__ without a word (it would otherwise reach the prototype): say so instead.
  vars: z
    .unknown()
    .refine((value) => !(value && typeof value === "object" && Object.hasOwn(value, "__proto__")), { message: 'a variable may not be called "__proto__"' })
    .pipe(z.record(z.string(), z.unknown()))
    .default({}),
  signatories: z.array(signatoryFileSchema).default([]),
  signature: z.array(z.strictObject({ name: z.string().min(1), role: z.string().optional() })).default([]),
  /** How named persons are listed: by the name as written (default), or by surname, as formal lists are. */
  personOrder: z.enum(["name", "surname"]).default("name"),
});
export type DocumentFrontmatterInput = z.input<typeof documentFrontmatterSchema>;
export type DocumentFrontmatter = z.output<typeof documentFrontmatterSchema>;
export type Recipient = DocumentFrontmatter["to"][number];
export type Sender = NonNullable<DocumentFrontmatter["from"]>[number];
export type Consultation = z.output<typeof consultationSchema>;
