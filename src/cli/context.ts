import { t } from "../i18n/catalogue.js";
import { formatMessage, type Reporter } from "../report/index.js";

/**
 * What a command needs from the outside world, passed in so that commands run
 * in-process in tests (`main(["build", …], ctx)`) exactly as from a shell.
 */
export interface CliContext {
  cwd: string;
  out: (text: string) => void;
  err: (text: string) => void;
  color: boolean;
  /** A progress line for slow work; shown only on a terminal. */
  progress: (text: string) => void;
}

export function processContext(): CliContext {
  const tty = Boolean(process.stderr.isTTY);
  // `opprop … | head` closes the pipe early: that is the reader's choice, not an error to print.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  return {
    cwd: process.cwd(),
    out: (text) => void process.stdout.write(text.endsWith("\n") ? text : text + "\n"),
    err: (text) => void process.stderr.write(text.endsWith("\n") ? text : text + "\n"),
    color: !process.env.NO_COLOR && tty,
    progress: (text) => {
      if (tty) process.stderr.write(`\r\x1b[2K${text}`);
    },
  };
}

/** Wrong usage (unknown flag, missing argument): exit code 2. */
export class UsageError extends Error {}

export const EXIT_OK = 0;
export const EXIT_INPUT_ERRORS = 1;
export const EXIT_USAGE = 2;

/** Prints every message, then a summary; returns the exit code the messages imply. */
export function finish(ctx: CliContext, reporter: Reporter): number {
  for (const message of reporter.messages) ctx.err(formatMessage(message, ctx.color));
  const errors = reporter.messages.filter((m) => m.severity === "error").length;
  const warnings = reporter.messages.filter((m) => m.severity === "warning").length;
  if (errors || warnings) ctx.err(t("cli.summary", { errors, warnings }));
  return errors ? EXIT_INPUT_ERRORS : EXIT_OK;
}
