import { z } from "zod";
import { t } from "../i18n/catalogue.js";
import { langSchema, sourceSchema, textSchema } from "./common.js";

export const BLOCK_KINDS = ["demand", "argument", "concern", "fact", "context", "closing", "other"] as const;

/** The Norwegian words the shipped folders use (demands/krav, demands/fakta, …), accepted for `kind`. */
export const NORWEGIAN_KINDS: Readonly<Record<string, BlockKind>> = {
  krav: "demand",
  argument: "argument",
  bekymring: "concern",
  fakta: "fact",
  kontekst: "context",
  avslutning: "closing",
  annet: "other",
};

/** `krav` → demand, `Demand` → demand; anything else stays as written, for the message. */
export function kindFromWord(word: string): string {
  const lower = word.trim().toLowerCase();
  return NORWEGIAN_KINDS[lower] ?? lower;
}

const kindSchema = z.preprocess(
  (value) => (typeof value === "string" ? kindFromWord(value) : value),
  z.enum(BLOCK_KINDS, { error: () => t("input.kindValues", { kinds: BLOCK_KINDS.join(", "), words: Object.keys(NORWEGIAN_KINDS).join(", ") }) }),
);

/** Frontmatter of an argument block (SPEC §2). */
export const blockFrontmatterSchema = z.strictObject({
  id: z.string().regex(/^[\p{L}\p{N}_.-]+(\/[\p{L}\p{N}_.-]+)*$/u, "ids are path-like: letters, digits, - _ . and /").optional(),
  title: textSchema,
  kind: kindSchema,
  lang: langSchema.default("nb"),
  tags: z.array(z.string()).default([]),
  requires: z.array(z.string()).default([]),
  sources: z.array(sourceSchema).default([]),
});
export type BlockFrontmatter = z.output<typeof blockFrontmatterSchema>;
export type BlockKind = (typeof BLOCK_KINDS)[number];
