import type { CliContext } from "../../src/cli/context.js";
import { main } from "../../src/cli/main.js";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process, as a shell would, and captures what it prints. */
export async function runCli(args: string[], cwd: string): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const ctx: CliContext = {
    cwd,
    out: (text) => void (stdout += text.endsWith("\n") ? text : text + "\n"),
    err: (text) => void (stderr += text.endsWith("\n") ? text : text + "\n"),
    color: false,
    progress: () => {},
  };
  const code = await main(args, ctx);
  return { code, stdout, stderr };
}
