import { z } from "zod";
import { UnknownField, fieldFromWord } from "../signatories/columns.js";
import { isoDateSchema, langSchema } from "./common.js";

const recipientSchema = z.union([
  z.string().min(1).transform((name) => ({ name, address: undefined as string | undefined })),
  z.strictObject({ name: z.string().min(1), address: z.string().optional() }),
]);

const senderSchema = z.strictObject({
  name: z.string().min(1),
  orgnr: z.union([z.string(), z.number()]).transform(String).optional(),
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
  title: z.string().min(1),
  issuer: z.string().min(1),
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
  title: z.string().min(1),
  lang: langSchema.default("nb"),
  date: isoDateSchema.optional(),
  to: z.array(recipientSchema).min(1),
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
});
export type DocumentFrontmatterInput = z.input<typeof documentFrontmatterSchema>;
export type DocumentFrontmatter = z.output<typeof documentFrontmatterSchema>;
export type Recipient = DocumentFrontmatter["to"][number];
export type Sender = NonNullable<DocumentFrontmatter["from"]>[number];
export type Consultation = z.output<typeof consultationSchema>;
