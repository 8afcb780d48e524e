import path from "node:path";
import { defineCommand, type ArgsDef } from "citty";
import { Reporter } from "../../report/index.js";
import {
  WRITABLE_EXTENSIONS,
  groupSignatories,
  readSignatoryFiles,
  parseColumnMap,
  writeSignatories,
  type ColumnMap,
  type Signatory,
} from "../../signatories/index.js";
import { finish, UsageError, type CliContext } from "../context.js";
import { positionalFiles } from "../documents.js";

const fileArgs = {
  files: { type: "positional", description: "signatory lists (csv, tsv, txt, xlsx, yaml, json)", required: false },
  map: { type: "string", description: 'column meanings beyond the built-in aliases: "Column=field,…"' },
} satisfies ArgsDef;

const mergeArgs = {
  ...fileArgs,
  out: { type: "string", description: `where to write the merged list (${WRITABLE_EXTENSIONS.join(", ")})`, required: true },
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
  const list = await readSignatoryFiles(files, reporter, {
    displayRoot: ctx.cwd,
    map: columnMap(map),
    onFile: (file) => ctx.progress(`reading ${file}…`),
  });
  ctx.progress("");
  return list;
}

function summary(list: readonly Signatory[]): string {
  const { organisations, persons, hiddenPersons } = groupSignatories(list);
  return `${list.length} signatories: ${organisations.length} organisations, ${persons.length} persons named, ${hiddenPersons} counted without name`;
}

const merge = defineCommand({
  meta: { name: "merge", description: "Merge signatory lists into one, without duplicates, in Norwegian order" },
  args: mergeArgs,
  async run({ args, rawArgs, data }) {
    const ctx = data as CliContext;
    const out = path.resolve(ctx.cwd, String(args.out));
    if (!WRITABLE_EXTENSIONS.includes(path.extname(out).toLowerCase())) {
      throw new UsageError(`--out must end in ${WRITABLE_EXTENSIONS.join(", ")}`);
    }
    const reporter = new Reporter();
    // Bad rows are reported and left out; the good ones are still written.
    const { signatories, order } = await load(rawArgs, mergeArgs, args.map, ctx, reporter);
    const shown = path.relative(ctx.cwd, out) || out;
    try {
      await writeSignatories(signatories, out, order);
      ctx.out(`wrote ${shown}  (${summary(signatories)})`);
    } catch (error) {
      reporter.error(shown, undefined, `cannot write: ${(error as Error).message}`, "signatory-write");
    }
    return finish(ctx, reporter);
  },
});

const check = defineCommand({
  meta: { name: "check", description: "Check signatory lists; write nothing" },
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
  meta: { name: "signatories", description: "Merge and check signatory lists" },
  subCommands: { merge, check },
});
