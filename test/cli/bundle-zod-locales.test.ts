// The bundle that bin/opprop.js runs holds only zod's English and Norwegian locales
// (scripts/bundle.mjs): its frontmatter messages must still be zod's words in the user's
// language. Needs `npm run build`.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(fileURLToPath(import.meta.url), "../../..");
const WRONG_TYPE = "---\ntemplate: stotteerklaering\ntitle: [1]\nlang: nb\ndate: 2026-11-22\nto: [Helse Sør-Øst RHF]\nfrom: { name: Smertealliansen }\n---\nTekst.\n";

describe("the CLI bundle's zod locales", () => {
  it("reports a wrong-typed field in zod's Norwegian and English words", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "opprop-zod-locales-"));
    mkdirSync(path.join(dir, "documents"));
    writeFileSync(path.join(dir, "documents/feil.md"), WRONG_TYPE);
    const expected = [
      ["nb_NO.UTF-8", 'feil.md:3:8  feil  "title": Ugyldig input: forventet string, fikk liste'],
      ["en_US.UTF-8", 'feil.md:3:8  error  "title": Invalid input: expected string, received array'],
    ];
    for (const [lang, line] of expected) {
      const bundled = spawnSync(process.execPath, [path.join(ROOT, "bin/opprop.js"), "build", "documents/feil.md", "--format", "md", "--out-dir", "out"], {
        cwd: dir,
        env: { ...process.env, LANG: lang, LC_ALL: lang, XDG_CACHE_HOME: path.join(dir, "cache") },
        encoding: "utf8",
      });
      expect(bundled.status).toBe(1);
      expect(bundled.stderr).toContain(line);
    }
    expect(readdirSync(dir)).not.toContain("out");
    expect(readFileSync(path.join(dir, "documents/feil.md"), "utf8")).toBe(WRONG_TYPE);
  });
});
