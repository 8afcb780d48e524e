import { defineCommand } from "citty";
import path from "node:path";
import { readOutline } from "../../consultation/outline.js";
import { scaffoldHoringssvar } from "../../consultation/scaffold.js";
import { LANGS, type Lang } from "../../schema/common.js";
import { initWorkspace } from "../../workspace/init.js";
import { UsageError, type CliContext } from "../context.js";

export default defineCommand({
  meta: { name: "init", description: "Create a new workspace with the shipped blocks, templates and one example (or a høringssvar to fill in)" },
  args: {
    dir: { type: "positional", description: "folder to create (must be new or empty)", required: true },
    horingssvar: { type: "string", description: "start a høringssvar answering this document (FROM.md or FROM.docx), one section per chapter" },
    issuer: { type: "string", description: "with --horingssvar: who issued the consultation" },
    deadline: { type: "string", description: "with --horingssvar: the consultation deadline (YYYY-MM-DD)" },
    lang: { type: "string", description: `with --horingssvar: language of the answer (${LANGS.join(", ")}; default nb)` },
  },
  async run({ args, data }) {
    const ctx = data as CliContext;
    const dir = path.resolve(ctx.cwd, String(args.dir));
    const document = args.horingssvar ? { path: HORINGSSVAR_DOCUMENT, content: await horingssvar(ctx, args) } : undefined;
    if (!document && (args.issuer || args.deadline || args.lang)) throw new UsageError("--issuer, --deadline and --lang go with --horingssvar FROM");
    const created = await initWorkspace(dir, { document }).catch((error: Error) => {
      throw new UsageError(error.message);
    });
    const where = path.relative(ctx.cwd, dir) || ".";
    ctx.out(`created ${where} with ${created.length} files\nnext: cd ${where} && opprop build ${document?.path ?? EXAMPLE_DOCUMENT}`);
    return 0;
  },
});

const EXAMPLE_DOCUMENT = "documents/stotteerklaering-smertebehandling.md";
const HORINGSSVAR_DOCUMENT = "documents/horingssvar.md";

async function horingssvar(ctx: CliContext, args: { horingssvar?: string; issuer?: string; deadline?: string; lang?: string }): Promise<string> {
  const { deadline, lang } = args;
  if (deadline !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(deadline)) throw new UsageError(`--deadline takes a date like 2026-12-15, not "${deadline}"`);
  if (lang !== undefined && !(LANGS as readonly string[]).includes(lang)) throw new UsageError(`--lang takes ${LANGS.join(", ")}, not "${lang}"`);
  const outline = await readOutline(path.resolve(ctx.cwd, String(args.horingssvar))).catch((error: Error) => {
    throw new UsageError(error.message);
  });
  return scaffoldHoringssvar(outline, { issuer: args.issuer, deadline, lang: lang as Lang | undefined });
}
