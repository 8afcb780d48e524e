import { z } from "zod";

/**
 * A template is a folder `templates/<name>/` with `template.yaml`: which letter parts
 * a kind of document has and its house style. Renderers read it as data.
 */
export const templateSchema = z.strictObject({
  description: z.string().optional(),
  /** letter: sender writes to recipients; petition: many sign an open text; consultation: answers a høring. */
  kind: z.enum(["letter", "petition", "consultation"]).default("letter"),
  /** A word shown above the title, e.g. "Støtteerklæring"; per language. */
  label: z.record(z.string(), z.string()).default({}),
  /** Closing line before the signature block ("Med vennlig hilsen"); empty hides it. */
  closing: z.boolean().default(true),
  signatories: z.boolean().default(true),
  style: z
    .strictObject({
      // Calibri is on Windows and Mac Office; LibreOffice and the PDF renderer use the metric twin Carlito.
      font: z.string().default("Calibri"),
      fontSize: z.number().min(8).max(16).default(11),
      headingColor: z.string().regex(/^#[0-9a-fA-F]{6}$/).default("#1F3864"),
    })
    .prefault({}),
});
export type TemplateDef = z.output<typeof templateSchema>;
