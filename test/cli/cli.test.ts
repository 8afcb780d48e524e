import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

const fixture = path.resolve(import.meta.dirname, "../fixtures/foundation");
let outDir: string;

beforeAll(async () => {
  outDir = await mkdtemp(path.join(os.tmpdir(), "opprop-cli-"));
});
afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

describe("opprop build", () => {
  it("writes html and md for a good document and exits 0", async () => {
    const run = await runCli(["build", "documents/good.md", "--format", "html,md", "--out-dir", outDir], fixture);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect((await readdir(outDir)).sort()).toEqual(["good.html", "good.md"]);
    expect(run.stdout).toMatch(/wrote .*good\.html/);
  });

  it("builds the good documents even when another one in the same call is bad, then exits 1", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "opprop-cli-"));
    const run = await runCli(["build", "documents/unknown-block.md", "documents/good.md", "--format", "md", "--out-dir", dir], fixture);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('documents/unknown-block.md:11:4  error  unknown block "krav/stanse"');
    expect(await readdir(dir)).toEqual(["good.md"]);
  });

  it("exits 2 on wrong usage", async () => {
    expect((await runCli(["build", "documents/good.md", "--format", "odt"], fixture)).code).toBe(2);
    expect((await runCli(["build", "documents/good.md", "--fromat", "md"], fixture)).code).toBe(2);
    expect((await runCli(["build"], fixture)).code).toBe(2);
    expect((await runCli(["nonsense"], fixture)).code).toBe(2);
    expect((await runCli(["build", "documents/good.md", "--pdf-standard", "a-3"], fixture)).code).toBe(2);
  });

  it("prints help for every command with exit 0", async () => {
    for (const command of ["build", "check", "blocks", "init"]) {
      const run = await runCli([command, "--help"], fixture);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(command);
    }
  });
});

describe("opprop check", () => {
  it("prints each problem with file:line:col and exits 1", async () => {
    const run = await runCli(["check", "documents/unknown-block.md", "documents/missing-var.md", "documents/wrong-type.md", "documents/bad-yaml.md"], fixture);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('documents/unknown-block.md:11:4  error  unknown block "krav/stanse"  (did you mean "krav/stanse-avvikling"?)');
    expect(run.stderr).toContain('documents/missing-var.md:9:5  error  unknown variable "mottaker": give it a value under vars: in the frontmatter (a line "vars:", then "  mottaker: …" below it)\n');
    expect(run.stderr).toContain('documents/wrong-type.md:6:1  error  unknown field "signatur"  (did you mean "signature"?)');
    expect(run.stderr).toContain('documents/bad-yaml.md:3:1  error  a quote opened on line 3 is never closed');
  });

  it("exits 0 with the version on a good document", async () => {
    const run = await runCli(["check", "documents/good.md"], fixture);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/ok {2}good {2}version [0-9a-f]{12}/);
  });
});

describe("opprop blocks", () => {
  it("lists blocks, filters by kind and tag, and prints JSON", async () => {
    const all = await runCli(["blocks"], fixture);
    expect(all.code).toBe(0);
    expect(all.stdout.trim().split("\n")).toHaveLength(3);
    const demands = await runCli(["blocks", "--kind", "demand", "--json"], fixture);
    const rows = JSON.parse(demands.stdout) as { id: string; langs: string[] }[];
    expect(rows.map((r) => r.id)).toEqual(["krav/bredt-tilbud", "krav/stanse-avvikling"]);
    expect(rows[1].langs).toEqual(["en", "nb"]);
    const tagged = await runCli(["blocks", "--tag", "fakta"], fixture);
    expect(tagged.stdout).toContain("fakta/forekomst");
    expect(tagged.stdout).not.toContain("krav/");
  });
});

describe("opprop init", () => {
  it("creates a workspace whose example document checks clean, and refuses a non-empty folder", async () => {
    const dir = path.join(outDir, "ny");
    const run = await runCli(["init", dir], fixture);
    expect(run.code).toBe(0);
    for (const folder of ["documents", "demands", "signatories", "templates", "out"]) expect((await readdir(dir)).includes(folder)).toBe(true);
    const check = await runCli(["check", "documents/stotteerklaering-smertebehandling.md"], dir);
    expect(check.stderr).not.toContain("error");
    expect(check.code).toBe(0);
    expect((await runCli(["init", dir], fixture)).code).toBe(2);
  });

  it("names the folder as it was given, and its cd line works when pasted (absolute path, a space)", async () => {
    const dir = path.join(outDir, "mitt opprop");
    const run = await runCli(["init", dir], fixture);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^created ${dir.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} with \\d+ files\n`));
    expect(run.stdout).toContain(`\nnext: cd '${dir}' && opprop build documents/stotteerklaering-smertebehandling.md\n`);
  });
});

describe("opprop build output", () => {
  it("shows hostile values literally in HTML and Markdown", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "opprop-cli-"));
    const run = await runCli(["build", "documents/hostile.md", "--format", "html,md", "--out-dir", dir], fixture);
    expect(run.code).toBe(0);
    const html = await readFile(path.join(dir, "hostile.html"), "utf8");
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("<img src=x");
    expect(html).not.toContain("<b>Sør</b>");
    expect(html).toContain("&#x3C;script>alert(1)&#x3C;/script> **fet** {{x}}");
    expect(html).toContain("**Helse** &#x3C;b>Sør&#x3C;/b> {{ikke}} [@fhi-2006] #set");
    expect(html).toContain('#read("/etc/passwd") =HYPERLINK("x")');
    const md = await readFile(path.join(dir, "hostile.md"), "utf8");
    expect(md).toContain("\\*\\*Helse\\*\\* \\<b>Sør\\</b> {{ikke}} \\[@fhi-2006] #set");
    expect(md).toContain("# \\<script>alert(1)\\</script> \\*\\*fet\\*\\* {{x}}");
  });
});
