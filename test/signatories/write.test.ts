import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Reporter } from "../../src/report/index.js";
import { mergeSignatoryFiles, neutraliseFormula, writeSignatories, type Signatory } from "../../src/signatories/index.js";
import { tempDir } from "./helpers.js";

const list: Signatory[] = [
  { type: "organisation", name: "Norsk Smerteforening", orgnr: "974760673", publish: true, source: { file: "a", line: 2 }, extra: {} },
  { type: "person", name: '=HYPERLINK("http://evil","klikk")', organisation: "+lag; med \"sitat\"", publish: false, email: "@x", source: { file: "a", line: 3 }, extra: { phone: "-1", Kommentar: "to\nlinjer" } },
];

describe("writeSignatories", () => {
  it("neutralises spreadsheet formulas in CSV", async () => {
    expect(["=1+1", "+47", "-1", "@SUM(A1)", "\t=1", "\r=1", "Kari", "'=x"].map(neutraliseFormula)).toEqual(["'=1+1", "'+47", "'-1", "'@SUM(A1)", "'\t=1", "'\r=1", "Kari", "'=x"]);
    const dir = tempDir();
    const file = path.join(dir, "out.csv");
    await writeSignatories(list, file);
    const text = readFileSync(file, "utf8");
    expect(text.startsWith("\ufefftype;name;organisation;role;orgnr;place;email;publish;signed_at;version;phone;Kommentar\r\n")).toBe(true);
    expect(text).toContain(`person;"'=HYPERLINK(""http://evil"",""klikk"")";"'+lag; med ""sitat""";;;;'@x;no;;;'-1;"to\nlinjer"\r\n`);
    expect(readdirSync(dir)).toEqual(["out.csv"]);
  });

  it("round-trips through CSV, JSON and YAML", async () => {
    const dir = tempDir();
    for (const ext of ["csv", "tsv", "json", "yaml"]) {
      const file = path.join(dir, `list.${ext}`);
      await writeSignatories(list, file);
      const reporter = new Reporter();
      const back = await mergeSignatoryFiles([{ path: file }], reporter);
      // Unknown columns travel along as they came (and are named as unused); nothing else is said.
      expect(reporter.messages.filter((m) => m.rule !== "signatory-column")).toEqual([]);
      const neutralised = ext === "csv" || ext === "tsv";
      expect(back.map((s) => [s.type, s.name, s.orgnr, s.publish, s.extra.Kommentar])).toEqual([
        ["person", neutralised ? `'${list[1].name}` : list[1].name, undefined, false, "to\nlinjer"],
        ["organisation", "Norsk Smerteforening", "974760673", true, undefined],
      ]);
    }
  });

  it("refuses unknown extensions and leaves no temp file when writing fails", async () => {
    const dir = tempDir();
    await expect(writeSignatories(list, path.join(dir, "x.docx"))).rejects.toThrow(/cannot write ".docx"/);
    await expect(writeSignatories(list, path.join(dir, "missing", "x.csv"))).rejects.toThrow(/ENOENT/);
    expect(readdirSync(dir)).toEqual([]);
  });
});
