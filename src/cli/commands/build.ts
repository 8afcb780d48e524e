import path from "node:path";
import { defineCommand, type ArgsDef } from "citty";
import { buildDocuments } from "../../build/index.js";
import { FORMATS, type Format } from "../../render/index.js";
import { PDF_STANDARDS, type PdfStandard } from "../../render/types.js";
import { Reporter } from "../../report/index.js";
import { finish, UsageError, type CliContext } from "../context.js";
import { documentArgs, positionalFiles } from "../documents.js";

const args = {
  ...documentArgs,
  format: { type: "string", description: `formats, comma-separated (${FORMATS.join(",")})`, default: "docx,pdf" },
  outDir: { type: "string", description: "where to write", default: "out" },
  pdfStandard: { type: "string", description: `PDF standard: ${Object.keys(PDF_STANDARDS).join(", ")} (a-2a is archival and accessible; tagged in every case)` },
} satisfies ArgsDef;

export default defineCommand({
  meta: { name: "build", description: "Build documents into out/ as docx, pdf, html or md" },
  args,
  async run({ args: values, rawArgs, data }) {
    const ctx = data as CliContext;
    const documents = positionalFiles(rawArgs, ctx, args);
    const formats = String(values.format).split(",").map((f) => f.trim()).filter(Boolean);
    const unknown = formats.filter((f) => !(FORMATS as readonly string[]).includes(f));
    if (unknown.length || !formats.length) throw new UsageError(`unknown format "${unknown.join(",")}"; choose from ${FORMATS.join(", ")}`);
    const pdfStandard = values.pdfStandard as PdfStandard | undefined;
    if (pdfStandard !== undefined && !Object.hasOwn(PDF_STANDARDS, pdfStandard)) throw new UsageError(`--pdf-standard takes ${Object.keys(PDF_STANDARDS).join(", ")}, not "${pdfStandard}"`);
    const reporter = new Reporter();
    const outDir = path.resolve(ctx.cwd, String(values.outDir));
    const started = Date.now();
    const built = await buildDocuments(documents, reporter, {
      formats: formats as Format[],
      outDir,
      pdfStandard,
      onProgress: (step) => Date.now() - started > 1000 && ctx.progress(`building ${step}…`),
    });
    ctx.progress("");
    for (const file of built) ctx.out(`wrote ${path.relative(ctx.cwd, file.file)}  (${(file.bytes / 1024).toFixed(1)} kB, ${Math.round(file.ms)} ms)`);
    return finish(ctx, reporter);
  },
});
