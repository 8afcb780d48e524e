// The block cache as users get it: bin/opprop.js turns it on (the in-process CLI of the
// other tests never does). It also remembers parsed documents and templates. Builds from
// the cache must equal builds without it, before and after an edit. Needs `npm run build`
// (bin/opprop.js runs the bundle).
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

const ROOT = path.resolve(fileURLToPath(import.meta.url), "../../..");
const STATEMENT = "documents/stotteerklaering-smertebehandling.md";
const BLOCK = "demands/krav/stanse-avvikling.md";

function bin(cwd: string, cacheDir: string, outDir: string): string {
  const result = spawnSync(process.execPath, [path.join(ROOT, "bin/opprop.js"), "build", STATEMENT, "--format", "md,html", "--out-dir", outDir], {
    cwd,
    env: { ...process.env, XDG_CACHE_HOME: cacheDir },
    encoding: "utf8",
  });
  expect(result.status, result.stderr).toBe(0);
  return readFileSync(path.join(outDir, "stotteerklaering-smertebehandling.md"), "utf8") + readFileSync(path.join(outDir, "stotteerklaering-smertebehandling.html"), "utf8");
}

async function inProcess(cwd: string, outDir: string): Promise<string> {
  const run = await runCli(["build", STATEMENT, "--format", "md,html", "--out-dir", outDir], cwd);
  expect(run.code, run.stderr).toBe(0);
  return readFileSync(path.join(outDir, "stotteerklaering-smertebehandling.md"), "utf8") + readFileSync(path.join(outDir, "stotteerklaering-smertebehandling.html"), "utf8");
}

describe("the CLI's block cache", () => {
  it("builds what a build without cache builds, also after editing an included block", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "opprop-cli-cache-"));
    for (const folder of ["demands", "documents", "signatories"]) cpSync(path.join(ROOT, folder), path.join(dir, folder), { recursive: true });
    const cacheDir = path.join(dir, "cache");
    const out = (name: string) => path.join(dir, name);
    const reference = await inProcess(dir, out("reference"));
    expect(bin(dir, cacheDir, out("first"))).toBe(reference);
    // One for the workspace, one for the templates shipped with opprop.
    expect(readdirSync(path.join(cacheDir, "opprop")).filter((file) => file.startsWith("blocks-"))).toHaveLength(2);
    expect(bin(dir, cacheDir, out("cached"))).toBe(reference);

    const block = path.join(dir, BLOCK);
    writeFileSync(block, readFileSync(block, "utf8").replace(/\n*$/, " Endret i dag.\n"));
    const edited = await inProcess(dir, out("edited-reference"));
    expect(edited).toContain("Endret i dag.");
    expect(bin(dir, cacheDir, out("edited"))).toBe(edited);
    expect(bin(dir, cacheDir, out("edited-cached"))).toBe(edited);
  });

  it("builds the document and template as they are now, after editing either", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "opprop-cli-cache-"));
    for (const folder of ["demands", "documents", "signatories", "templates"]) cpSync(path.join(ROOT, folder), path.join(dir, folder), { recursive: true });
    const cacheDir = path.join(dir, "cache");
    const out = (name: string) => path.join(dir, name);
    const edit = (file: string, from: RegExp, to: string) => {
      const before = readFileSync(path.join(dir, file), "utf8");
      writeFileSync(path.join(dir, file), before.replace(from, to));
      expect(readFileSync(path.join(dir, file), "utf8")).not.toBe(before);
    };
    expect(bin(dir, cacheDir, out("first"))).toBe(await inProcess(dir, out("reference")));

    edit(STATEMENT, /^title: .*$/m, "title: Ny tittel i dag");
    edit(STATEMENT, /\n*$/, "\n\nEt nytt avsnitt i dag.\n");
    const document = await inProcess(dir, out("document-reference"));
    expect(document).toContain("Ny tittel i dag");
    expect(document).toContain("Et nytt avsnitt i dag.");
    expect(bin(dir, cacheDir, out("document"))).toBe(document);
    expect(bin(dir, cacheDir, out("document-cached"))).toBe(document);

    edit("templates/stotteerklaering/template.yaml", /label: \{ nb: "Støtteerklæring"/, 'label: { nb: "Erklæring om støtte"');
    const template = await inProcess(dir, out("template-reference"));
    expect(template).toContain("Erklæring om støtte");
    expect(bin(dir, cacheDir, out("template"))).toBe(template);
    expect(bin(dir, cacheDir, out("template-cached"))).toBe(template);
  });

  it("builds the signatory list as the files are now: after an edit of the same size, and with a bad row's message every run", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "opprop-cli-cache-"));
    for (const folder of ["demands", "documents", "signatories"]) cpSync(path.join(ROOT, folder), path.join(dir, folder), { recursive: true });
    const cacheDir = path.join(dir, "cache");
    const out = (name: string) => path.join(dir, name);
    const organisations = path.join(dir, "signatories/organisasjoner.csv");
    expect(bin(dir, cacheDir, out("first"))).toBe(await inProcess(dir, out("reference")));

    // Same size, same second: only the bytes tell the edit; the list is sorted again.
    const before = readFileSync(organisations, "utf8");
    writeFileSync(organisations, before.replace("Foreningen for smertelindring Vestfold", "Aforeningen for smertelindring Vestfol"));
    expect(readFileSync(organisations).length).toBe(Buffer.byteLength(before));
    const renamed = await inProcess(dir, out("renamed-reference"));
    expect(renamed).toContain("Aforeningen for smertelindring Vestfol");
    expect(renamed.indexOf("Aforeningen")).toBeLessThan(renamed.indexOf("Ålesund smertenettverk"));
    expect(bin(dir, cacheDir, out("renamed"))).toBe(renamed);
    expect(bin(dir, cacheDir, out("renamed-cached"))).toBe(renamed);

    writeFileSync(organisations, `${readFileSync(organisations, "utf8").trimEnd()}\norganisation;Feil orgnr AS;123456789;Oslo;post@feil.example;2026-11-14T10:00:00+01:00\n`);
    for (let run = 0; run < 2; run++) {
      const result = spawnSync(process.execPath, [path.join(ROOT, "bin/opprop.js"), "build", STATEMENT, "--format", "md", "--out-dir", out("bad-row")], {
        cwd: dir,
        env: { ...process.env, XDG_CACHE_HOME: cacheDir, LANG: "C" },
        encoding: "utf8",
      });
      expect(result.stderr).toMatch(/organisasjoner\.csv:\d+:1 .*123456789/);
    }
  });

  it("gives a broken document's message on every run", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "opprop-cli-cache-"));
    for (const folder of ["demands", "documents", "signatories"]) cpSync(path.join(ROOT, folder), path.join(dir, folder), { recursive: true });
    const statement = path.join(dir, STATEMENT);
    writeFileSync(statement, readFileSync(statement, "utf8").replace(/^template: .*$/m, "template: [not, a, name]"));
    for (let run = 0; run < 2; run++) {
      const result = spawnSync(process.execPath, [path.join(ROOT, "bin/opprop.js"), "build", STATEMENT, "--format", "md", "--out-dir", path.join(dir, "out")], {
        cwd: dir,
        env: { ...process.env, XDG_CACHE_HOME: path.join(dir, "cache"), LANG: "C" },
        encoding: "utf8",
      });
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/stotteerklaering-smertebehandling\.md:\d+:\d+.*template/);
    }
  });
});
