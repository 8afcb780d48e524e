import { writeFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { Reporter, formatMessage } from "../../src/report/index.js";
import { loadSignatories, mergeSignatoryFiles, parseColumnMap } from "../../src/signatories/index.js";
import { fixture, fixtures, tempDir } from "./helpers.js";

const load = async (files: string[], options: Parameters<typeof mergeSignatoryFiles>[2] = {}) => {
  const reporter = new Reporter();
  const list = await mergeSignatoryFiles(
    files.map((file) => ({ path: file })),
    reporter,
    { displayRoot: path.dirname(files[0]), ...options },
  );
  return { list, reporter, messages: reporter.messages.map((m) => formatMessage(m)) };
};

describe("CSV", () => {
  it("reads UTF-8 with BOM, quoted newlines, and names the physical line of a bad row", async () => {
    const { list, messages } = await load([fixture("bom.csv")]);
    expect(list.map((s) => s.name)).toEqual(["Kari Nordmann", "Norsk Smerteforening", "Ola Hansen", "Per Multiline"]);
    expect(messages).toEqual(["bom.csv:7:1  error  orgnr 123456789 fails the MOD11 check"]);
    expect(list.find((s) => s.name === "Per Multiline")!.source.line).toBe(5);
    expect(list.find((s) => s.name === "Norsk Smerteforening")).toMatchObject({ type: "organisation", publish: true, email: "post@smerte.no" });
  });

  it("reads Windows-1252 with semicolons as Norwegian Excel saves it", async () => {
    const dir = tempDir();
    const file = path.join(dir, "excel.csv");
    const text = "Navn;Organisasjon;Sted;Samtykke\r\nØystein Ås;Blåbærforeningen;Tromsø;ja\r\n\"Ærle; Åse\";„Sitat“ – lag;Førde;x\r\n;;;\r\n";
    writeFileSync(file, iconv.encode(text, "windows-1252"));
    const { list, messages } = await load([file]);
    expect(messages).toEqual([]);
    expect(list.map((s) => [s.name, s.organisation, s.place, s.publish])).toEqual([
      ["Ærle; Åse", "„Sitat“ – lag", "Førde", true],
      ["Øystein Ås", "Blåbærforeningen", "Tromsø", true],
    ]);
  });

  it("reads tab-separated UTF-16 (Excel's Unicode text) and UTF-8 without BOM", async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "a.txt"), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("name\tplace\nÅse\tÅlesund\n", "utf16le")]));
    writeFileSync(path.join(dir, "b.tsv"), "name\tplace\nBjørn\tBodø\n");
    const { list } = await load([path.join(dir, "a.txt"), path.join(dir, "b.tsv")]);
    expect(list.map((s) => `${s.name}/${s.place}`)).toEqual(["Bjørn/Bodø", "Åse/Ålesund"]);
  });

  it("maps form-export columns through the alias table and prefers the specific column", async () => {
    const { list, messages } = await load([fixture("forms.csv")]);
    const ase = list.find((s) => s.name === "Åse Ødegård")!;
    expect(ase).toMatchObject({ type: "person", publish: true, email: "ase@example.no", signedAt: "2026-01-05T10:02:13" });
    expect(ase.extra).toMatchObject({ phone: "+47 912 34 567", ID: "1", Navn: "anonymous", "E-post": "anonymous" });
    expect(list.find((s) => s.name === "Bjørn Berg")).toMatchObject({ publish: false, signedAt: "2026-01-05T12:01" });
    expect(list.find((s) => s.name.startsWith("=HYPERLINK"))).toBeDefined();
    expect(messages).toContain('forms.csv:1:1  info  column "Navn" also means name; using "Fullt navn" (choose with --map "Navn=name")');
  });

  it("lets --map decide what a column means", async () => {
    const { list } = await load([fixture("forms.csv")], { map: parseColumnMap("Navn på organisasjon=organisation, Mobil = phone") });
    expect(list.find((s) => s.name === "Åse Ødegård")!.organisation).toBe("Norsk Revmatikerforbund");
    expect(() => parseColumnMap("Navn=navnet")).toThrow(/unknown field "navnet"/);
  });
});

describe("YAML and JSON", () => {
  it("reads YAML with each item's line, keeping digit-only fingerprints as text", async () => {
    const { list, messages } = await load([fixture("persons.yaml")]);
    expect(messages).toEqual(["persons.yaml:13:1  error  name is missing"]);
    expect(list.map((s) => [s.name, s.source.line, s.version])).toEqual([
      ["Hemmelig Person", 10, "000000000000"],
      ["Liv Lie", 2, "abcdef012345"],
      ["Zara Zahl", 7, "000000000000"],
    ]);
  });

  it("reads JSON with each item's line and every problem of a bad row", async () => {
    const { list, messages } = await load([fixture("orgs.json")]);
    expect(list.map((s) => [s.name, s.orgnr, s.source.line])).toEqual([
      ["Norsk Smerteforening", "974760673", 2],
      ["Ærlige Venner", "923609016", 3],
      // "Aa" is Å in Norwegian order.
      ["Aase Aasen forening", undefined, 7],
    ]);
    expect(messages).toEqual([
      'orgs.json:8:1  error  type must be organisation or person, got "gruppe"',
      'orgs.json:8:1  error  publish must be yes or no (ja/nei), got "kanskje"',
      'orgs.json:8:1  error  signed_at "2026-02-30" is not a time opprop can read (use 2026-11-22T10:15 or 22.11.2026 10:15)',
    ]);
  });

  it("reads the {signatories: [...]} form and reports broken files with their line", async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "wrapped.json"), '{"signatories": [\n  {"name": "Kari"}\n]}');
    writeFileSync(path.join(dir, "broken.yaml"), "- name: Kari\n  role: [unclosed\n");
    writeFileSync(path.join(dir, "broken.json"), '[\n  {"name": "Ola"},\n  {"name": "x" "y"}\n]');
    const { list, reporter } = await load(["wrapped.json", "broken.yaml", "broken.json"].map((f) => path.join(dir, f)));
    expect(list.map((s) => [s.name, s.source.line])).toEqual([["Kari", 2]]);
    // Broken JSON is read by the YAML parser, which says where it broke.
    expect(reporter.messages.map((m) => [m.file, m.line, m.severity])).toEqual([
      ["broken.yaml", 3, "error"],
      ["broken.json", 3, "error"],
    ]);
  });
});

describe("XLSX", () => {
  it("reads Microsoft Forms workbooks: rich text, links, dates, numbers", async () => {
    const dir = tempDir();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Sheet1");
    sheet.addRow(["ID", "Fullføringstidspunkt", "Navn på organisasjon", "Organisasjonsnummer", "E-postadresse"]);
    sheet.addRow([1, new Date(Date.UTC(2026, 0, 5, 10, 2, 13)), { richText: [{ text: "Øst" }, { text: "landet" }] }, 974760673, { text: "post@ost.no", hyperlink: "mailto:post@ost.no" }]);
    sheet.addRow([]);
    sheet.addRow([2, "2026-01-06", "Feil AS", 123456789, ""]);
    const file = path.join(dir, "forms.xlsx");
    await workbook.xlsx.writeFile(file);
    const { list, messages } = await load([file]);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ name: "Østlandet", orgnr: "974760673", type: "organisation", email: "post@ost.no", signedAt: "2026-01-05T10:02:13" });
    expect(messages).toContain('forms.xlsx:1:1  warning  opprop does not know what "ID" means and does not use it; if a column is one of the fields, say so with --map "ID=field" (or map: in the document\'s signatories entry)');
    expect(messages.filter((m) => !m.includes("warning"))).toEqual(["forms.xlsx:4:1  error  orgnr 123456789 fails the MOD11 check"]);
  });
});

describe("files that cannot be read", () => {
  it("gives one error per file and goes on with the others", async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "old.xls"), "x");
    writeFileSync(path.join(dir, "fake.xlsx"), "not a zip");
    const { list, messages } = await load([path.join(dir, "missing.csv"), path.join(dir, "old.xls"), path.join(dir, "fake.xlsx"), fixture("bom.csv")]);
    expect(list).toHaveLength(4);
    expect(messages[0]).toBe("missing.csv  error  file not found");
    expect(messages[1]).toMatch(/^old.xls {2}error {2}cannot read ".xls" files; use .csv/);
    expect(messages[2]).toMatch(/^fake.xlsx {2}error {2}not a readable .xlsx workbook/);
  });
});

describe("loadSignatories", () => {
  it("merges, groups, counts persons without consent and warns about other versions", async () => {
    const reporter = new Reporter();
    const files = ["bom.csv", "persons.yaml", "orgs.json", "forms.csv"].map((name) => ({ path: fixture(name), group: name === "forms.csv" ? "Skjema" : undefined }));
    const list = await loadSignatories(files, reporter, { documentFingerprint: "abcdef012345", lang: "nb", displayRoot: fixtures });
    expect(list.organisations.map((s) => s.name)).toEqual(["Norsk Smerteforening", "Ærlige Venner", "Aase Aasen forening"]);
    expect(list.persons.map((s) => s.name)).toEqual(["=HYPERLINK(\"http://x\")", "Kari Nordmann", "Liv Lie", "Per Multiline", "Zara Zahl", "Åse Ødegård"]);
    expect(list.hiddenPersons).toBe(3);
    expect(list.total).toBe(12);
    expect(list.persons.find((s) => s.name === "Åse Ødegård")!.group).toBe("Skjema");
    const messages = reporter.messages.map((m) => formatMessage(m));
    expect(messages.filter((m) => m.includes("signed version"))).toEqual([
      "persons.yaml:10:1  warning  a person without publish consent signed version 000000000000, not this document's abcdef012345",
      "persons.yaml:7:1  warning  \"Zara Zahl\" signed version 000000000000, not this document's abcdef012345",
    ]);
    expect(messages).toContain('orgs.json:2:1  info  "Norsk Smerteforening" is also at bom.csv:2; merged');
  });
});
