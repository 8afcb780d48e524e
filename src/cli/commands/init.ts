import { defineCommand } from "citty";
import path from "node:path";
import { t } from "../../i18n/catalogue.js";
import { OutlineError, readOutline } from "../../consultation/outline.js";
import { scaffoldHoringssvar } from "../../consultation/scaffold.js";
import { Reporter } from "../../report/index.js";
import { LANGS, type Lang } from "../../schema/common.js";
import { initWorkspace } from "../../workspace/init.js";
import { finish, UsageError, type CliContext } from "../context.js";

export default defineCommand({
  meta: { name: "init", description: t("cli.initAbout") },
  args: {
    dir: { type: "positional", description: t("cli.initDir"), required: true },
    horingssvar: { type: "string", description: t("cli.initHoringssvar") },
    issuer: { type: "string", description: t("cli.initIssuer") },
    deadline: { type: "string", description: t("cli.initDeadline") },
    lang: { type: "string", description: t("cli.initLang", { langs: LANGS.join(", ") }) },
  },
  async run({ args, data }) {
    const ctx = data as CliContext;
    const dir = path.resolve(ctx.cwd, String(args.dir));
    if (!args.horingssvar && (args.issuer || args.deadline || args.lang)) throw new UsageError(t("cli.initNeedsHoringssvar"));
    let document: { path: string; content: string } | undefined;
    if (args.horingssvar) {
      // A consulted document without chapters is an input error, like a bad document: exit 1 with its name.
      const reporter = new Reporter();
      const content = await horingssvar(ctx, args, reporter);
      if (content === undefined) return finish(ctx, reporter);
      document = { path: HORINGSSVAR_DOCUMENT, content };
    }
    const created = await initWorkspace(dir, { document }).catch((error: Error) => {
      throw new UsageError(error.message);
    });
    // As the user gave it: an absolute path stays absolute, a relative one relative to here.
    const where = path.isAbsolute(String(args.dir)) ? dir : path.relative(ctx.cwd, dir) || ".";
    ctx.out(t("cli.created", { where, cd: shellWord(where), files: created.length, next: document?.path ?? EXAMPLE_DOCUMENT }));
    return 0;
  },
});

/** A path that pastes into a shell as one word: quoted when it holds anything but plain path characters. */
function shellWord(text: string): string {
  return /^[\w./@%+=:,-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

const EXAMPLE_DOCUMENT = "documents/stotteerklaering-smertebehandling.md";
const HORINGSSVAR_DOCUMENT = "documents/horingssvar.md";

async function horingssvar(ctx: CliContext, args: { horingssvar?: string; issuer?: string; deadline?: string; lang?: string }, reporter: Reporter): Promise<string | undefined> {
  const { deadline, lang } = args;
  if (deadline !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(deadline)) throw new UsageError(t("cli.badDeadline", { value: deadline }));
  if (lang !== undefined && !(LANGS as readonly string[]).includes(lang)) throw new UsageError(t("cli.badLang", { langs: LANGS.join(", "), value: lang }));
  const from = String(args.horingssvar);
  let outline;
  try {
    outline = await readOutline(path.resolve(ctx.cwd, from));
  } catch (error) {
    if (!(error instanceof OutlineError)) throw error;
    reporter.error(from, undefined, error.message, "consultation-outline");
    return undefined;
  }
  return scaffoldHoringssvar(outline, { issuer: args.issuer, deadline, lang: lang as Lang | undefined });
}
