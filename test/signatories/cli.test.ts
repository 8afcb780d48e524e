import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { capture, fixtures, tempDir } from "./helpers.js";

describe("opprop signatories", () => {
  it("merge writes the merged list and exits 1 when rows were bad", async () => {
    const dir = tempDir();
    const { ctx, out, err } = capture(fixtures);
    const code = await main(["signatories", "merge", "bom.csv", "orgs.json", "--out", path.join(dir, "all.json")], ctx);
    expect(code).toBe(1);
    const written = JSON.parse(readFileSync(path.join(dir, "all.json"), "utf8"));
    expect(written.map((s: { name: string }) => s.name)).toEqual(["Kari Nordmann", "Norsk Smerteforening", "Ola Hansen", "Per Multiline", "Ærlige Venner", "Aase Aasen forening"]);
    expect(out.slice(0, 2)).toEqual([
      "bom.csv: 5 rows — 1 organisation and 2 persons named, 1 counted without name (no consent), 1 rejected (1 bad orgnr)",
      "orgs.json: 4 rows — 3 organisations and 0 persons named, 0 counted without name (no consent), 1 rejected (1 unknown type)",
    ]);
    expect(out[2]).toMatch(/^wrote .*all\.json {2}\(6 signatories: 3 organisations, 2 persons named, 1 counted without name\)$/);
    expect(err).toContain("bom.csv:7:1  error  orgnr 123456789 fails the MOD11 check");
    expect(err.at(-1)).toBe("4 errors, 0 warnings");
  });

  it("merge --map reads columns the alias table does not know, and exits 0 on clean input", async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "in.csv"), "Hvem,Hvor\nKari,Oslo\n");
    const { ctx, out } = capture(dir);
    expect(await main(["signatories", "merge", "in.csv", "--map", "Hvem=name,Hvor=place", "--out", "out.csv"], ctx)).toBe(0);
    expect(out[1]).toBe("wrote out.csv  (1 signatory: 0 organisations, 0 persons named, 1 counted without name)");
    expect(readFileSync(path.join(dir, "out.csv"), "utf8")).toContain("person;Kari;;;;Oslo;;no;;");
  });

  it("check reports and writes nothing", async () => {
    const { ctx, out, err } = capture(fixtures);
    expect(await main(["signatories", "check", "persons.yaml"], ctx)).toBe(1);
    expect(out).toEqual([
      "persons.yaml: 4 rows — 0 organisations and 2 persons named, 1 counted without name (no consent), 1 rejected (1 no name)",
      "3 signatories: 0 organisations, 2 persons named, 1 counted without name",
    ]);
    expect(err[0]).toBe("persons.yaml:13:1  error  name is missing");
  });

  it("is a usage error without files, without --out, with a bad --map or output type", async () => {
    const { ctx } = capture(fixtures);
    expect(await main(["signatories", "check"], ctx)).toBe(2);
    expect(await main(["signatories", "merge", "bom.csv"], ctx)).toBe(2);
    expect(await main(["signatories", "merge", "bom.csv", "--out", "x.pdf"], ctx)).toBe(2);
    expect(await main(["signatories", "check", "bom.csv", "--map", "A=nope"], ctx)).toBe(2);
    expect(await main(["signatories"], ctx)).toBe(2);
  });
});
