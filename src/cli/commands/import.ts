import path from "node:path";
import { defineCommand } from "citty";
import { importDocx } from "../../import/index.js";
import { Reporter } from "../../report/index.js";
import { LANGS, type Lang } from "../../schema/common.js";
import { finish, UsageError, type CliContext } from "../context.js";

export default defineCommand({
  meta: { name: "import", description: "Turn a Word draft (.docx) into argument blocks, one per heading section" },
  args: {
    file: { type: "positional", description: "the Word file (FILE.docx)", required: true },
    out: { type: "string", description: "folder for the blocks, e.g. demands/utkast", required: true },
    lang: { type: "string", description: `language of the blocks (${LANGS.join(", ")}); guessed from the text when left out` },
    force: { type: "boolean", description: "overwrite block files that exist" },
  },
  async run({ args, data }) {
    const ctx = data as CliContext;
    const lang = args.lang as string | undefined;
    if (lang !== undefined && !(LANGS as readonly string[]).includes(lang)) throw new UsageError(`--lang takes ${LANGS.join(", ")}, not "${lang}"`);
    const file = path.resolve(ctx.cwd, String(args.file));
    const reporter = new Reporter();
    const imported = await importDocx(file, reporter, {
      outDir: path.resolve(ctx.cwd, String(args.out)),
      force: Boolean(args.force),
      lang: lang as Lang | undefined,
      displayRoot: ctx.cwd,
    });
    for (const block of imported) ctx.out(`wrote ${path.relative(ctx.cwd, block.file)}  ${block.kind.padEnd(8)}  ${block.lang}  ${block.title}`);
    return finish(ctx, reporter);
  },
});
