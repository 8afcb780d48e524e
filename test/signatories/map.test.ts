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
    expect(run.stdout).toContain("1 person named");
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

describe("form exports as they come", () => {
  it("names every unrecognised column with a --map hint, the consent question above all", async () => {
    const root = makeWorkspace({ "form.csv": FORM });
    const run = await runCli(["signatories", "check", "form.csv"], root);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      'form.csv:1:1  warning  column "Jeg samtykker til at navnet mitt vises offentlig" looks like the consent question, but opprop cannot be sure: until it is mapped, no person in this file is named. Add --map "Jeg samtykker til at navnet mitt vises offentlig=samtykke" (or map: in the document)',
    );
    expect(run.stderr).toContain('form.csv:1:1  warning  opprop does not know what "Kommune" means and does not use it; if a column is one of the fields, say so with --map "Kommune=field"');
    expect(run.stdout).toContain("form.csv: 2 rows — 0 organisations and 0 persons named, 2 counted without name (no consent), 0 rejected");
  });

  it("reads the timestamps form tools and Excel export", async () => {
    const rows = [
      ["20.11.2026 10:00:00", "Nettskjema Person", "2026-11-20T10:00:00"],
      ["2026/11/20 10:00:00 AM GMT+1", "Google Person", "2026-11-20T10:00:00+01:00"],
      ["11/20/2026 3:05:00 PM", "Amerikansk Person", "2026-11-20T15:05:00"],
      ["2026/11/20 10:00:00", "Skråstrek Person", "2026-11-20T10:00:00"],
      ["20.11.2026 10:00 CET", "Sone Person", "2026-11-20T10:00+01:00"],
      ["46346.4166666667", "Excel Person", "2026-11-20T10:00:00"],
    ];
    const root = makeWorkspace({ "form.csv": ["Tidsmerke;Navn;Samtykke", ...rows.map(([time, name]) => `${time};${name};ja`), "05/06/2026 10:00;Tvetydig Person;ja", ""].join("\n") });
    const run = await runCli(["signatories", "merge", "form.csv", "--out", "out.json"], root);
    expect(run.stderr).toBe('form.csv:8:1  error  signed_at "05/06/2026 10:00" is not a time opprop can read (use 2026-11-22T10:15 or 22.11.2026 10:15)\n1 error, 0 warnings\n');
    expect(run.stdout).toContain("form.csv: 7 rows — 0 organisations and 6 persons named, 0 counted without name (no consent), 1 rejected (1 unreadable time)");
    const written = JSON.parse(readFileSync(path.join(root, "out.json"), "utf8")) as { name: string; signed_at: string }[];
    for (const [, name, iso] of rows) expect(written.find((s) => s.name === name)?.signed_at, name).toBe(iso);
  });
});

describe("a ticked consent box exported as its label", () => {
  it("names a person whose answer starts with yes, but never one whose yes comes with a reservation", async () => {
    const root = makeWorkspace({
      "signatories/form.csv": "Navn;Samtykke\nAnne A;Ja, navnet mitt kan vises\nIda I;Ja – men bare initialer\nJon J;Yes, but not my surname\n",
      "documents/doc.md": letter("signatories:\n  - ../signatories/form.csv\n"),
    });
    const run = await runCli(["build", "documents/doc.md", "--format", "md", "--out-dir", "out"], root);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('signatories/form.csv:3:1  error  publish must be yes or no (ja/nei), got "Ja – men bare initialer"');
    expect(run.stderr).toContain('signatories/form.csv:4:1  error  publish must be yes or no (ja/nei), got "Yes, but not my surname"');
    const check = await runCli(["signatories", "check", "signatories/form.csv"], root);
    expect(check.stdout).toContain("1 person named");
  });
});

describe("a signatory file with no rows", () => {
  it("is warned about: a form exported before anyone answered names nobody", async () => {
    const root = makeWorkspace({
      "signatories/skjema.csv": "Tidsmerke,Navn,Samtykke\n",
      "documents/doc.md": letter("signatories:\n  - ../signatories/skjema.csv\n"),
    });
    const run = await runCli(["check", "documents/doc.md"], root);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("signatories/skjema.csv:1:1  warning  the file holds no signatories (at most a header line): nobody from it is named or counted");
  });
});
