import { defineCommand, type ArgsDef } from "citty";
import { assembleDocuments } from "../../build/index.js";
import { t } from "../../i18n/catalogue.js";
import { Reporter } from "../../report/index.js";
import { checkPdfFonts } from "../../render/pdf/index.js";
import { describeFileSummary } from "../../signatories/index.js";
import { finish, type CliContext } from "../context.js";
import { documentArgs, pdfStandardArg, pdfStandardOf, positionalFiles } from "../documents.js";

const args = { ...documentArgs, ...pdfStandardArg } satisfies ArgsDef;

export default defineCommand({
  meta: { name: "check", description: t("cli.checkAbout") },
  args,
  async run({ args: values, rawArgs, data }) {
    const ctx = data as CliContext;
    const pdfStandard = pdfStandardOf(values.pdfStandard);
    const reporter = new Reporter();
    // Each signatory file's summary (named, counted, rejected and why), whether or not the document is ok.
    const documents = await assembleDocuments(positionalFiles(rawArgs, ctx, args), reporter, {
      onSignatorySummary: (summary) => ctx.out(`  ${describeFileSummary(summary)}`),
    });
    for (const doc of documents) {
      // What the PDF would show as a box: a warning, or with --pdf-standard the error build stops on.
      if (checkPdfFonts(doc, { reporter, pdfStandard })) continue;
      ctx.out(t("cli.checkOk", { name: doc.name, fingerprint: doc.fingerprint, blocks: doc.blocks.length, signatories: doc.signatories.total }));
    }
    return finish(ctx, reporter);
  },
});
