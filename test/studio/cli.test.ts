/** `opprop studio` on the command line: its help, a bad port, and a running studio that stops cleanly. */
import { rm } from "node:fs/promises";
import { afterAll, expect, test } from "vitest";
import type { CliContext } from "../../src/cli/context.js";
import { main } from "../../src/cli/main.js";
import { runCli } from "../helpers/cli.js";
import { workspaceCopy } from "./helpers.js";

const roots: string[] = [];
afterAll(() => Promise.all(roots.map((root) => rm(root, { recursive: true, force: true }))));

test("--help names the folder, --port and --no-open; the command list has studio", async () => {
  const help = await runCli(["studio", "--help"], process.cwd());
  expect(help.code).toBe(0);
  expect(help.stdout).toMatch(/--port/);
  expect(help.stdout).toMatch(/--no-open|--open/);
  expect((await runCli(["--help"], process.cwd())).stdout).toMatch(/^\s+studio\s+\S/m);
});

test("a port that is not a number is a usage error (exit 2)", async () => {
  const run = await runCli(["studio", "--port", "abc", "--no-open"], process.cwd());
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(/--port.*abc/);
});

test("serves the workspace the folder belongs to, and stops on SIGTERM with exit code 0", async () => {
  const root = await workspaceCopy({ documents: true });
  roots.push(root);
  let printed = "";
  let listening: (url: string) => void = () => {};
  const address = new Promise<string>((resolve) => (listening = resolve));
  const ctx: CliContext = {
    cwd: `${root}/documents`,
    out: (text) => {
      printed += text;
      const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(text)?.[0];
      if (url) listening(url);
    },
    err: () => {},
    color: false,
    progress: () => {},
  };
  const running = main(["studio", "--no-open", "--port", "0"], ctx);
  const url = await address;
  const { documents } = (await (await fetch(`${url}api/documents`)).json()) as { documents: unknown[] };
  expect(documents.length).toBe(5);
  expect(printed).toMatch(/opprop studio (for|på|on)/);
  process.emit("SIGTERM");
  expect(await running).toBe(0);
});
