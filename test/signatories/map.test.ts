import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { guessColumns } from "../../src/signatories/index.js";
import { runCli } from "../helpers/cli.js";
import { letter, makeWorkspace } from "../helpers/workspace.js";

const FORM = [
  "Tidsmerke,Fullt navn,Kommune,Jeg samtykker til at navnet mitt vises offentlig",
  "2026-11-20 10:00,Kari Nordmann,Bergen,Ja",
  "2026-11-20 11:00,Ola Hansen,Tromsø,Nei",
  "",
].join("\n");

const withMap = (map: string) =>
  letter(`signatories:\n  - file: ../signatories/form.csv\n    map:\n${map}`, "Vi støtter saken.");

describe("a document's signatories map", () => {
  it("reads a form export as it is, with Norwegian field words", async () => {
    const root = makeWorkspace({
      "signatories/form.csv": FORM,
      "documents/doc.md": withMap('      Kommune: sted\n      "Jeg samtykker til at navnet mitt vises offentlig": samtykke\n'),
    });
    const run = await runCli(["build", "documents/doc.md", "--format", "md", "--out-dir", "out"], root);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const md = readFileSync(path.join(root, "out/doc.md"), "utf8");
    expect(md).toContain("Kari Nordmann");
    expect(md).toContain("Bergen");
    expect(md).not.toContain("Ola Hansen");
  });

  it("takes English field names too", async () => {
    const root = makeWorkspace({
      "signatories/form.csv": FORM,
      "documents/doc.md": withMap('      Kommune: place\n      "Jeg samtykker til at navnet mitt vises offentlig": publish\n'),
    });
    const run = await runCli(["check", "documents/doc.md"], root);
    expect(run.code).toBe(0);
  });

  it("is an error, at the map, when a mapped column is not in the file", async () => {
    const root = makeWorkspace({ "signatories/form.csv": FORM, "documents/doc.md": withMap("      Fylke: sted\n") });
    const run = await runCli(["check", "documents/doc.md"], root);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'documents/doc.md:10:14  error  column "Fylke" in the map is not in signatories/form.csv; its columns are: "Tidsmerke", "Fullt navn", "Kommune", "Jeg samtykker til at navnet mitt vises offentlig"',
    );
  });

  it("is an error, at the word, when a field word names no field", async () => {
    const root = makeWorkspace({ "signatories/form.csv": FORM, "documents/doc.md": withMap("      Kommune: stedet\n") });
    const run = await runCli(["check", "documents/doc.md"], root);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/documents\/doc\.md:10:16 {2}error {2}.*unknown field "stedet" {2}\(did you mean "sted"\?\)/);
  });
});

describe("--map", () => {
  it("takes Norwegian field words", async () => {
    const root = makeWorkspace({ "form.csv": FORM });
    const run = await runCli(["signatories", "check", "form.csv", "--map", "Kommune=sted,Jeg samtykker til at navnet mitt vises offentlig=samtykke"], root);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("1 persons named");
  });

  it("is an error when a --map column is in none of the files", async () => {
    const root = makeWorkspace({ "form.csv": FORM });
    const run = await runCli(["signatories", "check", "form.csv", "--map", "Fylke=sted"], root);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('form.csv  error  column "Fylke" in --map is not in form.csv; its columns are: "Tidsmerke"');
  });
});

describe("guessColumns", () => {
  it("names each column with the field opprop reads it as, or none", async () => {
    const root = makeWorkspace({ "form.csv": FORM, "header-only.csv": "Navn,E-post\n" });
    expect(await guessColumns(path.join(root, "form.csv"))).toEqual([
      { column: "Tidsmerke", field: "signed_at" },
      { column: "Fullt navn", field: "name" },
      { column: "Kommune" },
      { column: "Jeg samtykker til at navnet mitt vises offentlig" },
    ]);
    expect(await guessColumns(path.join(root, "form.csv"), { Kommune: "sted", Tidsmerke: "versjon" })).toContainEqual({ column: "Kommune", field: "place" });
    expect(await guessColumns(path.join(root, "header-only.csv"))).toEqual([
      { column: "Navn", field: "name" },
      { column: "E-post", field: "email" },
    ]);
  });
});
