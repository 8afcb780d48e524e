import { parseArgs as cittyParseArgs, type ArgsDef, type CommandDef } from "citty";
import { t, type PlainMessageKey } from "../i18n/catalogue.js";
import { suggest } from "../report/index.js";
import { EXIT_USAGE, UsageError, processContext, type CliContext } from "./context.js";
import { kebab, renderUsage } from "./usage.js";

// bin/opprop.js turns the disk caches and the PDF thread on for the real command line (not for in-process tests).
export { useDocxPartCache } from "../render/docx/part-cache.js";
export { usePdfThread } from "../render/pdf/thread.js";
export { useBlockCache } from "../workspace/cache.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each command has its own args type
type AnyCommand = CommandDef<any>;
type Loader = () => Promise<{ default: AnyCommand }>;

/** One file per command, loaded only when asked for, so `opprop check` never pays for the PDF engine. */
const COMMANDS: Record<string, { description: PlainMessageKey; load: Loader }> = {
  init: { description: "cli.cmdInit", load: () => import("./commands/init.js") },
  build: { description: "cli.cmdBuild", load: () => import("./commands/build.js") },
  check: { description: "cli.cmdCheck", load: () => import("./commands/check.js") },
  blocks: { description: "cli.cmdBlocks", load: () => import("./commands/blocks.js") },
  signatories: { description: "cli.cmdSignatories", load: () => import("./commands/signatories.js") },
  preview: { description: "cli.cmdPreview", load: () => import("./commands/preview.js") },
  collect: { description: "cli.cmdCollect", load: () => import("./commands/collect.js") },
  import: { description: "cli.cmdImport", load: () => import("./commands/import.js") },
  studio: { description: "cli.cmdStudio", load: () => import("./commands/studio.js") },
};

function topUsage(): string {
  const commands = Object.entries(COMMANDS).map(([name, { description }]) => `  ${name.padEnd(12)} ${t(description)}`);
  return `${t("cli.topIntro")}\n\n${t("cli.topUsage")}\n\n${t("cli.usageCommands")}:\n${commands.join("\n")}\n`;
}

/** "unknown command", with the command meant when the word is close to one (`bild` → build). */
function unknown(word: string, names: Iterable<string>, shown = word): string {
  const hint = suggest(word, names);
  return `${t("cli.unknownCommand", { name: shown })}${hint ? t("input.didYouMean", { hint }) : ""}`;
}

/** Runs the CLI on `rawArgs` (without `node` and the script) and returns the exit code. */
export async function main(rawArgs: string[], ctx: CliContext = processContext()): Promise<number> {
  const [name, ...rest] = rawArgs;
  if (!name || name === "--help" || name === "-h") {
    ctx.out(topUsage());
    return name ? 0 : EXIT_USAGE;
  }
  if (name === "--version") {
    ctx.out("opprop 0.1.0");
    return 0;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    ctx.err(`${unknown(name, Object.keys(COMMANDS))}\n\n${topUsage()}`);
    return EXIT_USAGE;
  }
  let command = (await entry.load()).default;
  let args = rest;
  const path = [name];
  // Nested commands (`signatories merge`): descend while the next word names one.
  while (command.subCommands && args[0] && !args[0].startsWith("-")) {
    const subs = await resolve(command.subCommands);
    const sub = subs[args[0]];
    if (!sub) {
      // A command that runs itself takes the word as its own argument (`collect DOC.md` beside `collect export`).
      if (command.run) break;
      ctx.err(`${unknown(args[0], Object.keys(subs), `${path.join(" ")} ${args[0]}`)}\n\n${await renderUsage(command, path)}`);
      return EXIT_USAGE;
    }
    command = await resolve(sub);
    path.push(args[0]);
    args = args.slice(1);
  }
  if (args.includes("--help") || args.includes("-h")) {
    ctx.out(await renderUsage(command, path));
    return 0;
  }
  if (command.subCommands && !command.run) {
    const subs = Object.keys(await resolve(command.subCommands));
    ctx.err(`${t("cli.subcommandRequired", { name: path.join(" "), subs: subs.join(", ") })}\n\n${await renderUsage(command, path)}`);
    return EXIT_USAGE;
  }
  try {
    const defs = ((await resolve(command.args)) ?? {}) as ArgsDef;
    rejectUnknownFlags(defs, args);
    // Required arguments are checked below, in the user's language; citty would say it in English.
    const parsed = cittyParseArgs(args, Object.fromEntries(Object.entries(defs).map(([key, def]) => [key, { ...def, required: false }])) as ArgsDef);
    requireArgs(defs, parsed);
    const result = await command.run!({ rawArgs: args, args: parsed, cmd: command, data: ctx } as never);
    return typeof result === "number" ? result : 0;
  } catch (error) {
    // citty signals bad arguments with its CLIError class, which it does not export.
    if (error instanceof UsageError || (error as Error).name === "CLIError") {
      ctx.err(`${(error as Error).message}\n\n${await renderUsage(command, path)}`);
      return EXIT_USAGE;
    }
    throw error;
  }
}

async function resolve<T>(value: T | (() => T) | (() => Promise<T>) | Promise<T>): Promise<T> {
  return typeof value === "function" ? await (value as () => T | Promise<T>)() : await value;
}

/** citty accepts any flag; a misspelt `--fromat` must be a usage error instead. */
function rejectUnknownFlags(defs: ArgsDef, args: string[]): void {
  const known = new Set<string>(["help", "h"]);
  for (const [key, def] of Object.entries(defs)) {
    if (def.type === "positional") continue;
    known.add(key);
    known.add(kebab(key));
    if (def.type === "boolean") known.add(`no-${key}`);
    for (const alias of [("alias" in def && def.alias) || []].flat()) known.add(alias);
  }
  for (const arg of args) {
    if (arg === "--") break;
    const match = /^--?([^=]+)/.exec(arg);
    if (match && !/^-\d/.test(arg) && !known.has(match[1])) {
      const hint = suggest(match[1], [...known].filter((k) => k.length > 1));
      throw new UsageError(`${t("cli.unknownOption", { flag: arg.split("=")[0] })}${hint ? t("input.didYouMean", { hint: `--${hint}` }) : ""}`);
    }
  }
}

/** Required arguments in our words (citty's own message is English and names `--outDir`). */
function requireArgs(defs: ArgsDef, parsed: Record<string, unknown>): void {
  for (const [key, def] of Object.entries(defs)) {
    if (!def.required || (parsed[key] !== undefined && parsed[key] !== "")) continue;
    throw new UsageError(def.type === "positional" ? t("cli.missingArgument", { name: key.toUpperCase() }) : t("cli.missingOption", { flag: `--${kebab(key)}` }));
  }
}
