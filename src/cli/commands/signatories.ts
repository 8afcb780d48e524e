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
  type LoadOptions,
  type Signatory,
} from "../../signatories/index.js";
import { columnarWrites, readColumnar } from "../../signatories/columnar/index.js";
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

/**
 * Reads the command's files with `read` (`readSignatoryFiles`, or the columnar merge, which
 * may decline and return undefined), then prints each file's summary.
 */
async function load<T>(
  rawArgs: string[],
  argsDef: ArgsDef,
  map: unknown,
  ctx: CliContext,
  reporter: Reporter,
  read: (files: { path: string }[], options: LoadOptions) => T | Promise<T>,
): Promise<T> {
  const files = positionalFiles(rawArgs, ctx, argsDef, "signatory").map((file) => ({ path: file }));
  const summaries: FileSummary[] = [];
  const list = await read(files, {
    displayRoot: ctx.cwd,
    map: columnMap(map),
    onFile: (file) => ctx.progress(t("cli.reading", { file })),
    onSummary: (summary) => summaries.push(summary),
  });
  ctx.progress("");
  for (const summary of summaries) ctx.out(describeFileSummary(summary));
  return list;
}

/** The merged signatories as read, and their sorted order (see `readSignatoryFiles`). */
function loadList(rawArgs: string[], argsDef: ArgsDef, map: unknown, ctx: CliContext, reporter: Reporter): Promise<{ signatories: Signatory[]; order: number[] }> {
  return load(rawArgs, argsDef, map, ctx, reporter, (files, options) => readSignatoryFiles(files, reporter, options));
}

interface Counts {
  total: number;
  organisations: number;
  named: number;
  counted: number;
}

function counts(list: readonly Signatory[]): Counts {
  const { organisations, persons, hiddenPersons } = groupSignatories(list);
  return { total: list.length, organisations: organisations.length, named: persons.length, counted: hiddenPersons };
}

function summary(counts: Counts): string {
  return t("cli.signatoriesSummary", { ...counts });
}

/**
 * The merge's list, ready to write: the columnar merge when it takes these files and
 * this output (same bytes and messages, several times faster on large lists), else today's.
 */
async function mergedList(rawArgs: string[], map: unknown, out: string, ctx: CliContext, reporter: Reporter): Promise<{ counts: Counts; write: (file: string) => Promise<void> }> {
  if (columnarWrites(out) && map === undefined) {
    const columnar = await load(rawArgs, mergeArgs, map, ctx, reporter, (files, options) => readColumnar(files, reporter, options));
    if (columnar) return { counts: columnar, write: (file) => columnar.write(file) };
  }
  const { signatories, order } = await loadList(rawArgs, mergeArgs, map, ctx, reporter);
  return { counts: counts(signatories), write: (file) => writeSignatories(signatories, file, order) };
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
    const list = await mergedList(rawArgs, args.map, out, ctx, reporter);
    const shown = path.relative(ctx.cwd, out) || out;
    try {
      await list.write(out);
      ctx.out(t("cli.mergeWrote", { file: shown, summary: summary(list.counts) }));
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
    const { signatories } = await loadList(rawArgs, fileArgs, args.map, ctx, reporter);
    ctx.out(summary(counts(signatories)));
    return finish(ctx, reporter);
  },
});

export default defineCommand({
  meta: { name: "signatories", description: t("cli.signatoriesAbout") },
  subCommands: { merge, check },
});
