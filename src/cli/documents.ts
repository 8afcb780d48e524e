import path from "node:path";
import type { ArgsDef } from "citty";
import { t } from "../i18n/catalogue.js";
import { PDF_STANDARDS, type PdfStandard } from "../render/types.js";
import { UsageError, type CliContext } from "./context.js";
import { kebab } from "./usage.js";

export const documentArgs = {
  documents: { type: "positional", description: t("cli.argDocuments"), required: false },
} satisfies ArgsDef;

/** `--pdf-standard`, as build and check take it. */
export const pdfStandardArg = {
  pdfStandard: { type: "string", description: t("cli.buildPdfStandard", { standards: Object.keys(PDF_STANDARDS).join(", ") }) },
} satisfies ArgsDef;

export function pdfStandardOf(value: unknown): PdfStandard | undefined {
  if (value === undefined) return undefined;
  if (!Object.hasOwn(PDF_STANDARDS, String(value))) throw new UsageError(t("cli.badPdfStandard", { value: String(value), standards: Object.keys(PDF_STANDARDS).join(", ") }));
  return value as PdfStandard;
}

/**
 * Every positional argument is a file; citty keeps only the first positional, so
 * read them from rawArgs, skipping the values of the command's string options.
 */
export function positionalFiles(rawArgs: string[], ctx: CliContext, argsDef: ArgsDef, what: "document" | "signatory" = "document"): string[] {
  const valueFlags = new Set(
    Object.entries(argsDef)
      .filter(([, def]) => def.type === "string")
      .flatMap(([name]) => [`--${name}`, `--${kebab(name)}`]),
  );
  const files: string[] = [];
  for (let i = 0; i < rawArgs.length; i++) {
    const arg = rawArgs[i];
    if (arg === "--") {
      files.push(...rawArgs.slice(i + 1));
      break;
    }
    if (arg.startsWith("-")) {
      if (valueFlags.has(arg)) i++;
      continue;
    }
    files.push(arg);
  }
  if (!files.length) throw new UsageError(t("cli.nameFiles", { what }));
  return files.map((f) => path.resolve(ctx.cwd, f));
}
