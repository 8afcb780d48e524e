import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { CliContext } from "../../src/cli/context.js";

export const fixtures = fileURLToPath(new URL("../fixtures/signatories/", import.meta.url));
export const fixture = (name: string) => path.join(fixtures, name);

export function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), "opprop-signatories-"));
}

export function capture(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const ctx: CliContext = { cwd, out: (t) => void out.push(t), err: (t) => void err.push(t), color: false, progress: () => {} };
  return { ctx, out, err };
}
