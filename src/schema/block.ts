import { z } from "zod";
import { langSchema, sourceSchema } from "./common.js";

export const BLOCK_KINDS = ["demand", "argument", "concern", "fact", "context", "closing", "other"] as const;

/** Frontmatter of an argument block (SPEC §2). */
export const blockFrontmatterSchema = z.strictObject({
  id: z.string().regex(/^[\p{L}\p{N}_.-]+(\/[\p{L}\p{N}_.-]+)*$/u, "ids are path-like: letters, digits, - _ . and /").optional(),
  title: z.string().min(1),
  kind: z.enum(BLOCK_KINDS),
  lang: langSchema.default("nb"),
  tags: z.array(z.string()).default([]),
  requires: z.array(z.string()).default([]),
  sources: z.array(sourceSchema).default([]),
});
export type BlockFrontmatter = z.output<typeof blockFrontmatterSchema>;
export type BlockKind = (typeof BLOCK_KINDS)[number];
