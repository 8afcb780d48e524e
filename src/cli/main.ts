import { parseArgs as cittyParseArgs, renderUsage, type ArgsDef, type CommandDef } from "citty";
import { t } from "../i18n/catalogue.js";
import { EXIT_USAGE, UsageError, processContext, type CliContext } from "./context.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each command has its own args type
type AnyCommand = CommandDef<any>;
type Loader = () => Promise<{ default: AnyCommand }>;

/** One file per command, loaded only when asked for, so `opprop check` never pays for the PDF engine. */
const COMMANDS: Record<string, { description: string; load: Loader }> = {
  init: { description: "create a new workspace", load: () => import("./commands/init.js") },
  build: { description: "build documents to docx, pdf, html, md", load: () => import("./commands/build.js") },
  check: { description: "check documents without writing anything", load: () => import("./commands/check.js") },
  blocks: { description: "list the argument blocks", load: () => import("./commands/blocks.js") },
  signatories: { description: "merge and check signatory lists", load: () => import("./commands/signatories.js") },
  preview: { description: "live HTML preview that reloads on save", load: () => import("./commands/preview.js") },
  collect: { description: "sign-on web page", load: () => import("./commands/collect.js") },
  import: { description: "turn a Word draft into blocks", load: () => import("./commands/import.js") },
  studio: { description: "write, assemble and export in the browser", load: () => import("./commands/studio.js") },
};

const TOP_USAGE = `opprop — joint statements and consultation responses from Markdown blocks

Usage: opprop <command> [options]    (opprop <command> --help for more)

Commands:
${Object.entries(COMMANDS)
  .map(([name, { description }]) => `  ${name.padEnd(12)} ${description}`)
  .join("\n")}
`;

/** Runs the CLI on `rawArgs` (without `node` and the script) and returns the exit code. */
export async function main(rawArgs: string[], ctx: CliContext = processContext()): Promise<number> {
  const [name, ...rest] = rawArgs;
  if (!name || name === "--help" || name === "-h") {
    ctx.out(TOP_USAGE);
    return name ? 0 : EXIT_USAGE;
  }
  if (name === "--version") {
    ctx.out("opprop 0.1.0");
    return 0;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    ctx.err(`${t("cli.unknownCommand", { name })}\n\n${TOP_USAGE}`);
    return EXIT_USAGE;
  }
  let command = (await entry.load()).default;
  let args = rest;
  // Nested commands (`signatories merge`): descend while the next word names one.
  const parents: AnyCommand[] = [];
  while (command.subCommands && args[0] && !args[0].startsWith("-")) {
    const subs = await resolve(command.subCommands);
    const sub = subs[args[0]];
    if (!sub) {
      // A command that runs itself takes the word as its own argument (`collect DOC.md` beside `collect export`).
      if (command.run) break;
      ctx.err(`unknown command "${name} ${args[0]}"\n\n${await renderUsage(command)}`);
      return EXIT_USAGE;
    }
    parents.push(command);
    command = await resolve(sub);
    args = args.slice(1);
  }
  if (args.includes("--help") || args.includes("-h") || (command.subCommands && !command.run)) {
    ctx.out(await renderUsage(command, parents.at(-1)));
    return command.subCommands && !command.run && !args.includes("--help") ? EXIT_USAGE : 0;
  }
  try {
    await rejectUnknownFlags(command, args);
    const result = await command.run!({ rawArgs: args, args: parseArgsFor(command, args), cmd: command, data: ctx } as never);
    return typeof result === "number" ? result : 0;
  } catch (error) {
    // citty signals bad arguments with its CLIError class, which it does not export.
    if (error instanceof UsageError || (error as Error).name === "CLIError") {
      ctx.err(`${(error as Error).message}\n\n${await renderUsage(command, parents.at(-1))}`);
      return EXIT_USAGE;
    }
    throw error;
  }
}

async function resolve<T>(value: T | (() => T) | (() => Promise<T>) | Promise<T>): Promise<T> {
  return typeof value === "function" ? await (value as () => T | Promise<T>)() : await value;
}



function parseArgsFor(command: AnyCommand, args: string[]) {
  return cittyParseArgs(args, (command.args ?? {}) as ArgsDef);
}

/** citty accepts any flag; a misspelt `--fromat` must be a usage error instead. */
async function rejectUnknownFlags(command: AnyCommand, args: string[]): Promise<void> {
  const defs = (await resolve(command.args ?? {})) as ArgsDef;
  const known = new Set<string>(["help", "h"]);
  for (const [key, def] of Object.entries(defs)) {
    if (def.type === "positional") continue;
    known.add(key);
    known.add(key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`));
    if (def.type === "boolean") known.add(`no-${key}`);
    for (const alias of [("alias" in def && def.alias) || []].flat()) known.add(alias);
  }
  for (const arg of args) {
    if (arg === "--") break;
    const match = /^--?([^=]+)/.exec(arg);
    if (match && !/^-\d/.test(arg) && !known.has(match[1])) throw new UsageError(`unknown option "${arg.split("=")[0]}"`);
  }
}
