// `opprop build --format docx,pdf` makes the PDF in a worker thread while it makes the DOCX
// (src/render/pdf/thread.ts): the files and the messages must be what one thread makes,
// a failing PDF must still keep both files from being written, and a worker that cannot
// start must end in a message, not a hang. Drives bin/opprop.js (needs `npm run build`)
// and compares it with the CLI run in-process, which renders everything in one thread.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { buildsPdf } from "../../src/render/pdf/pdf-worker.js";
import { runCli } from "../helpers/cli.js";

const ROOT = path.resolve(fileURLToPath(import.meta.url), "../../..");
const FIXTURE = path.join(ROOT, "test/fixtures/render-text");
const made: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), "opprop-pdf-thread-"));
  made.push(dir);
  return dir;
};
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** bin/opprop.js (of `packageRoot`) run in `cwd`, in the given language. */
function opprop(args: string[], cwd: string, { lang = "C", packageRoot = ROOT } = {}) {
  const run = spawnSync(process.execPath, [path.join(packageRoot, "bin/opprop.js"), ...args], {
    cwd,
    env: { ...process.env, LANG: lang, LC_ALL: "", LC_MESSAGES: "", XDG_CACHE_HOME: path.join(tempDir(), "cache") },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr, timedOut: run.error !== undefined };
}

/** The files of `dir` by name, as bytes. */
const filesOf = (dir: string) => Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(path.join(dir, name))]));

describe("the PDF made in a worker beside the DOCX", () => {
  it("is started for a build that makes a PDF, as bin/opprop.js reads the command line", () => {
    const argv = (...args: string[]) => ["node", "opprop", ...args];
    expect(buildsPdf(argv("build", "a.md"))).toBe(true);
    expect(buildsPdf(argv("build", "a.md", "--format", "html,pdf"))).toBe(true);
    expect(buildsPdf(argv("build", "--format=pdf", "a.md"))).toBe(true);
    expect(buildsPdf(argv("build", "a.md", "--format", "docx"))).toBe(false);
    expect(buildsPdf(argv("build", "a.md", "--format=md,html"))).toBe(false);
    expect(buildsPdf(argv("check", "a.md"))).toBe(false);
  });

  it.each([
    [FIXTURE, "documents/scripts.md", "docx,pdf"],
    [FIXTURE, "documents/tofu.md", "docx,pdf"],
    [FIXTURE, "documents/structure.md", "pdf,docx,html"],
    [FIXTURE, "documents/scripts.md", "pdf"],
    [ROOT, "documents/stotteerklaering-smertebehandling.md", "docx,pdf"],
    [ROOT, "documents/horingssvar-veileder-smerteklinikker.md", "docx,pdf"],
  ])("gives %s/%s as %s the bytes and messages of one thread", async (cwd, document, formats) => {
    const inWorker = tempDir();
    const inProcess = tempDir();
    const spawned = opprop(["build", document, "--format", formats, "--out-dir", inWorker], cwd);
    const reference = await runCli(["build", document, "--format", formats, "--out-dir", inProcess], cwd);
    expect(spawned.code, spawned.stderr).toBe(reference.code);
    expect(spawned.stderr).toBe(reference.stderr);
    expect(Object.keys(filesOf(inWorker)).sort()).toEqual(Object.keys(filesOf(inProcess)).sort());
    for (const [name, bytes] of Object.entries(filesOf(inProcess))) expect(filesOf(inWorker)[name].equals(bytes), name).toBe(true);
  });

  it("reports the worker's messages in the user's language, at their places", () => {
    const run = opprop(["build", "documents/tofu.md", "--format", "docx,pdf", "--out-dir", tempDir()], FIXTURE, { lang: "nb_NO.UTF-8" });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/world\.csv:6:1 +advarsel +ingen av PDF-ens skrifter kan vise «🫠» \(U\+1FAE0\) i «Kari 🫠 Nordmann»/);
  });

  it("writes neither file when the PDF stops in the worker (PDF/UA with characters no font has)", () => {
    const out = tempDir();
    const run = opprop(["build", "documents/tofu.md", "--format", "docx,pdf", "--out-dir", out, "--pdf-standard", "ua-1"], FIXTURE);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/tofu\.md:12:1 +error +no font of the PDF can show «𒀀» \(U\+12000\) in text/);
    expect(run.stderr).toMatch(/world\.csv:6:1 +error +no font of the PDF can show «🫠»/);
    expect(readdirSync(out)).toEqual([]);
  });

  it("ends with a message and no files when the worker cannot start (its file missing from the package)", () => {
    // The package as installed, without the worker's bundle.
    const pkg = tempDir();
    for (const part of ["bin", "dist/bundle", "templates", "package.json"]) cpSync(path.join(ROOT, part), path.join(pkg, part), { recursive: true });
    rmSync(path.join(pkg, "dist/bundle/pdf-thread.cjs"));
    symlinkSync(path.join(ROOT, "node_modules"), path.join(pkg, "node_modules"));
    const out = tempDir();
    mkdirSync(out, { recursive: true });
    const run = opprop(["build", "documents/stotteerklaering-smertebehandling.md", "--format", "docx,pdf", "--out-dir", out], ROOT, { packageRoot: pkg });
    expect(run.timedOut).toBe(false);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/stotteerklaering-smertebehandling\.md +error +could not render pdf: .*pdf-thread\.cjs/);
    expect(readdirSync(out)).toEqual([]);
    // A build that makes no PDF never waits for the worker.
    const html = opprop(["build", "documents/stotteerklaering-smertebehandling.md", "--format", "html", "--out-dir", out], ROOT, { packageRoot: pkg });
    expect(html.code, html.stderr).toBe(0);
    expect(readdirSync(out)).toEqual(["stotteerklaering-smertebehandling.html"]);
  });
});
