import path from "node:path";
import { defineCommand } from "citty";
import { importDocx } from "../../import/index.js";
import { t } from "../../i18n/catalogue.js";
import { Reporter } from "../../report/index.js";
import { LANGS, type Lang } from "../../schema/common.js";
import { finish, UsageError, type CliContext } from "../context.js";

export default defineCommand({
  meta: { name: "import", description: t("cli.importAbout") },
  args: {
    file: { type: "positional", description: t("cli.importFile"), required: true },
    out: { type: "string", description: t("cli.importOut"), required: true },
    lang: { type: "string", description: t("cli.importLang", { langs: LANGS.join(", ") }) },
    force: { type: "boolean", description: t("cli.importForce") },
  },
  async run({ args, data }) {
    const ctx = data as CliContext;
    const lang = args.lang as string | undefined;
    if (lang !== undefined && !(LANGS as readonly string[]).includes(lang)) throw new UsageError(t("cli.badLang", { langs: LANGS.join(", "), value: lang }));
    const file = path.resolve(ctx.cwd, String(args.file));
    const reporter = new Reporter();
    const imported = await importDocx(file, reporter, {
      outDir: path.resolve(ctx.cwd, String(args.out)),
      force: Boolean(args.force),
      lang: lang as Lang | undefined,
      displayRoot: ctx.cwd,
    });
    for (const block of imported) ctx.out(t("cli.importWrote", { file: path.relative(ctx.cwd, block.file), kind: block.kind.padEnd(8), lang: block.lang, title: block.title }));
    return finish(ctx, reporter);
  },
});
