import path from "node:path";
import { defineCommand, type ArgsDef } from "citty";
import { buildDocuments } from "../../build/index.js";
import { FORMATS, type Format } from "../../render/index.js";
import { t } from "../../i18n/catalogue.js";
import { Reporter } from "../../report/index.js";
import { finish, UsageError, type CliContext } from "../context.js";
import { documentArgs, pdfStandardArg, pdfStandardOf, positionalFiles } from "../documents.js";

const args = {
  ...documentArgs,
  format: { type: "string", description: t("cli.buildFormat", { formats: FORMATS.join(",") }), default: "docx,pdf" },
  outDir: { type: "string", description: t("cli.buildOutDir"), default: "out" },
  ...pdfStandardArg,
} satisfies ArgsDef;

export default defineCommand({
  meta: { name: "build", description: t("cli.buildAbout") },
  args,
  async run({ args: values, rawArgs, data }) {
    const ctx = data as CliContext;
    const documents = positionalFiles(rawArgs, ctx, args);
    const formats = String(values.format).split(",").map((f) => f.trim()).filter(Boolean);
    const unknown = formats.filter((f) => !(FORMATS as readonly string[]).includes(f));
    if (unknown.length || !formats.length) throw new UsageError(t("cli.unknownFormat", { format: unknown.join(","), formats: FORMATS.join(", ") }));
    const pdfStandard = pdfStandardOf(values.pdfStandard);
    const reporter = new Reporter();
    const outDir = path.resolve(ctx.cwd, String(values.outDir));
    const started = Date.now();
    const built = await buildDocuments(documents, reporter, {
      formats: formats as Format[],
      outDir,
      pdfStandard,
      onProgress: (step) => Date.now() - started > 1000 && ctx.progress(t("cli.building", { step })),
    });
    ctx.progress("");
    for (const file of built) ctx.out(t("cli.wrote", { file: path.relative(ctx.cwd, file.file), kb: (file.bytes / 1024).toFixed(1), ms: Math.round(file.ms) }));
    return finish(ctx, reporter);
  },
});
