import { z } from "zod";
import { t } from "../i18n/catalogue.js";

/** Text a person writes; YAML reads `title: 2026` as a number, which is still the text "2026". */
export const textSchema = z.preprocess(
  (value) => (typeof value === "number" || typeof value === "boolean" ? String(value) : value),
  z.string().min(1, { error: () => t("input.emptyText") }),
);

export const LANGS = ["nb", "nn", "en"] as const;
export const langSchema = z.enum(LANGS);
export type Lang = z.infer<typeof langSchema>;

/** YAML turns `2026-11-22` into a Date; accept both and keep the ISO day. */
export const isoDateSchema = z
  .union([z.date(), z.string()])
  .transform((value, ctx) => {
    const text = value instanceof Date ? value.toISOString().slice(0, 10) : value.trim();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(Date.parse(text))) {
      ctx.addIssue({ code: "custom", message: `expected an ISO date like 2026-11-22, got "${text}"` });
      return z.NEVER;
    }
    return text;
  });

export const sourceSchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  publisher: z.string().optional(),
  date: z.union([z.string(), z.number(), z.date()]).transform(String).optional(),
  url: z.string().url().optional(),
});
export type Source = z.output<typeof sourceSchema>;
