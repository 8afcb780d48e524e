/**
 * The path the README gives non-programmers: `npm pack`, `npm install -g` the tarball
 * (here into a temporary prefix), `opprop init`, `opprop studio`. The installed studio
 * serves its page and bundle and lays out the example's pages with the shipped Typst.
 */
import { execFile, spawn } from "node:child_process";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, expect, test } from "vitest";
import { clientBuilt, REPO } from "./helpers.js";

const run = promisify(execFile);
let dir: string | undefined;

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

test.skipIf(!clientBuilt)("npm pack → npm install -g → opprop studio --no-open serves the workspace", { timeout: 900_000 }, async () => {
  dir = await mkdtemp(path.join(tmpdir(), "opprop-pack-"));
  // The tarball of the built package (npm test builds first; prepare would build again).
  await run("npm", ["pack", "--ignore-scripts", "--pack-destination", dir], { cwd: REPO });
  const tarball = path.join(dir, (await readdir(dir)).find((f) => f.endsWith(".tgz"))!);
  const prefix = path.join(dir, "prefix");
  await run("npm", ["install", "-g", "--prefix", prefix, "--prefer-offline", "--no-audit", "--no-fund", tarball], { cwd: dir, maxBuffer: 16 * 1024 * 1024 });
  const opprop = path.join(prefix, "bin/opprop");
  await run(opprop, ["init", "arbeid"], { cwd: dir });

  const studio = spawn(opprop, ["studio", "--no-open", "--port", "0"], { cwd: path.join(dir, "arbeid"), env: { ...process.env, LANG: "nb_NO.UTF-8" } });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = "";
      studio.stdout.on("data", (chunk: Buffer) => {
        out += chunk;
        const found = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
        if (found) resolve(found[0]);
      });
      studio.on("exit", (code) => reject(new Error(`opprop studio ended (${code}): ${out}`)));
    });
    const page = await fetch(url, { headers: { "accept-language": "nb-NO" } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<html lang="nb">');
    expect((await fetch(`${url}studio.js`)).status).toBe(200);
    const { documents } = (await (await fetch(`${url}api/documents`)).json()) as { documents: { path: string; errors: number }[] };
    expect(documents).toEqual([expect.objectContaining({ path: "documents/stotteerklaering-smertebehandling.md", errors: 0 })]);
    const state = (await (await fetch(`${url}api/document?path=documents/stotteerklaering-smertebehandling.md`)).json()) as { pages: { hash: string }[] };
    expect(state.pages.length).toBeGreaterThan(1);
    const svg = await fetch(`${url}api/pages/${state.pages[0].hash}.svg`);
    expect(svg.headers.get("content-type")).toBe("image/svg+xml");
  } finally {
    studio.kill("SIGTERM");
  }
  const code = await new Promise<number | null>((resolve) => (studio.exitCode !== null ? resolve(studio.exitCode) : studio.on("exit", resolve)));
  expect(code).toBe(0);
});
