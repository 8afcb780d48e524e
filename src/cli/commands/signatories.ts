import path from "node:path";
import { defineCommand, type ArgsDef } from "citty";
import { t } from "../../i18n/catalogue.js";
import { Reporter } from "../../report/index.js";
import {
  WRITABLE_EXTENSIONS,
  groupSignatories,
  readSignatoryFiles,
  parseColumnMap,
  writeSignatories,
  type ColumnMap,
  describeFileSummary,
  type FileSummary,
  type Signatory,
} from "../../signatories/index.js";
import { finish, UsageError, type CliContext } from "../context.js";
import { positionalFiles } from "../documents.js";

const fileArgs = {
  files: { type: "positional", description: t("cli.signatoriesFiles"), required: false },
  map: { type: "string", description: t("cli.signatoriesMap") },
} satisfies ArgsDef;

const mergeArgs = {
  ...fileArgs,
  out: { type: "string", description: t("cli.signatoriesOut", { extensions: WRITABLE_EXTENSIONS.join(", ") }), required: true },
} satisfies ArgsDef;

function columnMap(spec: unknown): ColumnMap | undefined {
  if (spec === undefined) return undefined;
  try {
    return parseColumnMap(String(spec));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** The merged signatories as read, and their sorted order (see `readSignatoryFiles`). */
async function load(rawArgs: string[], argsDef: ArgsDef, map: unknown, ctx: CliContext, reporter: Reporter): Promise<{ signatories: Signatory[]; order: number[] }> {
  const files = positionalFiles(rawArgs, ctx, argsDef, "signatory").map((file) => ({ path: file }));
  const summaries: FileSummary[] = [];
  const list = await readSignatoryFiles(files, reporter, {
    displayRoot: ctx.cwd,
    map: columnMap(map),
    onFile: (file) => ctx.progress(t("cli.reading", { file })),
    onSummary: (summary) => summaries.push(summary),
  });
  ctx.progress("");
  for (const summary of summaries) ctx.out(describeFileSummary(summary));
  return list;
}

function summary(list: readonly Signatory[]): string {
  const { organisations, persons, hiddenPersons } = groupSignatories(list);
  return t("cli.signatoriesSummary", { total: list.length, organisations: organisations.length, named: persons.length, counted: hiddenPersons });
}

const merge = defineCommand({
  meta: { name: "merge", description: t("cli.mergeAbout") },
  args: mergeArgs,
  async run({ args, rawArgs, data }) {
    const ctx = data as CliContext;
    const out = path.resolve(ctx.cwd, String(args.out));
    if (!WRITABLE_EXTENSIONS.includes(path.extname(out).toLowerCase())) {
      throw new UsageError(t("cli.outExtension", { extensions: WRITABLE_EXTENSIONS.join(", ") }));
    }
    const reporter = new Reporter();
    // Bad rows are reported and left out; the good ones are still written.
    const { signatories, order } = await load(rawArgs, mergeArgs, args.map, ctx, reporter);
    const shown = path.relative(ctx.cwd, out) || out;
    try {
      await writeSignatories(signatories, out, order);
      ctx.out(t("cli.mergeWrote", { file: shown, summary: summary(signatories) }));
    } catch (error) {
      reporter.error(shown, undefined, t("cli.cannotWrite", { reason: (error as Error).message }), "signatory-write");
    }
    return finish(ctx, reporter);
  },
});

const check = defineCommand({
  meta: { name: "check", description: t("cli.signatoriesCheckAbout") },
  args: fileArgs,
  async run({ args, rawArgs, data }) {
    const ctx = data as CliContext;
    const reporter = new Reporter();
    const { signatories } = await load(rawArgs, fileArgs, args.map, ctx, reporter);
    ctx.out(summary(signatories));
    return finish(ctx, reporter);
  },
});

export default defineCommand({
  meta: { name: "signatories", description: t("cli.signatoriesAbout") },
  subCommands: { merge, check },
});
