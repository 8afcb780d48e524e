/**
 * Signatory readers (CSV, TSV, JSON, YAML, XLSX) through `loadSignatories` and
 * `mergeSignatoryFiles`: any bytes end as signatories or as errors (row errors at
 * their line), never as a throw; and a list written correctly by a spreadsheet,
 * form tool or script reads back every name exactly (after the SPEC's normalisation).
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { strToU8, zipSync } from "fflate";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { Reporter } from "../../src/report/index.js";
import { checkOrgnr, cleanText, loadSignatories, mergeSignatoryFiles } from "../../src/signatories/index.js";
import { decode } from "../../src/signatories/readers/delimited.js";
import { XML_INVALID } from "../fixtures/hostile/corpus.js";
import { fuzzOptions, nastyText, RUNS, timeoutFor } from "./arbitraries.js";
import { unplacedErrors } from "./messages.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "opprop-fuzz-signatories-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

let counter = 0;
async function writeList(extension: string, bytes: Uint8Array): Promise<string> {
  const file = path.join(dir, `list-${counter++}${extension}`);
  await writeFile(file, bytes);
  return file;
}

const HEADERS = ["navn", "organisasjon", "rolle", "sted", "orgnr", "type", "samtykke", "signert", "versjon", "e-post", "Fullt navn", "Navn", "ukjent kolonne", "Tidsmerke"];
const TEXT_CELL = fc.oneof({ weight: 4, arbitrary: nastyText(4) }, fc.constantFrom("", "ja", "nei", "organisation", "person", "974760673", "123456789", "22.11.2026 10:15", "2026-02-30", "abc"));

/** Tables as spreadsheets hold them: a header of known and unknown columns, ragged rows. */
const table = fc.record({
  header: fc.array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...HEADERS) }, nastyText(2)), { minLength: 1, maxLength: 6 }),
  rows: fc.array(fc.array(TEXT_CELL, { maxLength: 7 }), { maxLength: 6 }),
});

const quoteCsv = (cell: string, delimiter: string, always: boolean) => (always || /["\r\n]/.test(cell) || cell.includes(delimiter) ? `"${cell.replace(/"/g, '""')}"` : cell);

function csvBytes(rows: string[][], delimiter: string, always: boolean, eol: string, encoding: "utf8" | "utf8-bom" | "utf16le" | "windows-1252"): Uint8Array {
  const text = rows.map((row) => row.map((cell) => quoteCsv(cell, delimiter, always)).join(delimiter)).join(eol) + eol;
  if (encoding === "utf8") return Buffer.from(text);
  if (encoding === "utf8-bom") return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
  if (encoding === "utf16le") return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
  return iconv.encode(text, "windows-1252");
}

const xmlText = (s: string) => s.replace(XML_INVALID, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The smallest workbook Excel opens: inline strings, no styles (exceljs itself takes ~50 ms to write one). */
function xlsxBytes(rows: (string | number | boolean)[][], rawSheet?: string): Uint8Array {
  const column = (j: number) => String.fromCharCode(65 + j);
  const cell = (v: string | number | boolean, ref: string) =>
    typeof v === "number" ? `<c r="${ref}"><v>${v}</v></c>` : typeof v === "boolean" ? `<c r="${ref}" t="b"><v>${v ? 1 : 0}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xmlText(v)}</t></is></c>`;
  const sheetData = rawSheet ?? rows.map((row, i) => `<row r="${i + 1}">${row.map((v, j) => cell(v, `${column(j)}${i + 1}`)).join("")}</row>`).join("");
  const xml = (body: string) => strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${body}`);
  const rel = (type: string, target: string) => `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/></Relationships>`;
  return zipSync({
    "[Content_Types].xml": xml(
      `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    ),
    "_rels/.rels": xml(rel("officeDocument", "xl/workbook.xml")),
    "xl/workbook.xml": xml(`<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Ark1" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    "xl/_rels/workbook.xml.rels": xml(rel("worksheet", "worksheets/sheet1.xml")),
    "xl/worksheets/sheet1.xml": xml(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetData}</sheetData></worksheet>`),
  });
}

/** Loads one file and checks what must hold for any input; returns the messages' problems. */
async function loadAny(extension: string, bytes: Uint8Array) {
  const file = await writeList(extension, bytes);
  const reporter = new Reporter();
  const list = await loadSignatories([{ path: file }], reporter, { displayRoot: dir, documentFingerprint: "abcdef012345" });
  expect(list.total).toBe(list.organisations.length + list.persons.length + list.hiddenPersons);
  for (const s of [...list.organisations, ...list.persons]) {
    expect(s.name).toBe(cleanText(s.name));
    expect(s.name).not.toBe("");
    if (s.orgnr !== undefined) expect(checkOrgnr(s.orgnr)).toBe(true);
  }
  // Row lines of a workbook are sheet rows, not text lines; a text file's must lie inside it.
  const source = extension === ".xlsx" ? null : decode(Buffer.from(bytes));
  expect(unplacedErrors(reporter.messages, { [path.basename(file)]: source }, ["signatory-file"])).toEqual([]);
}

const anyTextBytes = fc.oneof(fc.uint8Array({ maxLength: 300 }), table.map(({ header, rows }) => Buffer.from([header, ...rows].map((r) => r.join(",")).join("\n"))), nastyText(12).map((s) => Buffer.from(s)));

describe("any bytes", () => {
  for (const extension of [".csv", ".tsv", ".json", ".yaml"]) {
    it(`${extension}: signatories or errors at a line, never a throw`, async () => {
      const structured = extension === ".json" ? fc.jsonValue().map((v) => Buffer.from(JSON.stringify(v))) : extension === ".yaml" ? fc.anything({ maxDepth: 3 }).map((v) => Buffer.from(stringify(v) ?? "")) : anyTextBytes;
      await fc.assert(fc.asyncProperty(fc.oneof(anyTextBytes, structured), (bytes) => loadAny(extension, bytes)), fuzzOptions());
    }, timeoutFor(RUNS, 5));
  }

  it(".xlsx: signatories or errors, never a throw — for random bytes, broken zips and broken sheet XML", async () => {
    const brokenSheet = fc.array(fc.oneof(nastyText(4), fc.constantFrom("<row>", "</row>", '<c t="inlineStr"><is><t>', "</t></is></c>", "<c><v>", "</v></c>", '<c t="s"><v>7</v></c>', '<row r="0">', '<row r="99999999">')), { maxLength: 12 }).map((parts) => xlsxBytes([], parts.join("")));
    const truncated = table.chain(({ header, rows }) => fc.nat().map((n) => xlsxBytes([header, ...rows]).slice(0, n % 2000)));
    await fc.assert(fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 300 }), brokenSheet, truncated, table.map(({ header, rows }) => xlsxBytes([header, ...rows]))), (bytes) => loadAny(".xlsx", bytes)), fuzzOptions());
  }, timeoutFor(RUNS, 40));
});

/** Rows with distinct, never-empty names (so none merge), in the columns a real export uses. */
const namedRows = fc
  .array(fc.record({ name: nastyText(4), organisation: nastyText(3), place: nastyText(2) }), { minLength: 1, maxLength: 8 })
  .map((rows) => rows.map((r, i) => ({ ...r, name: `Navn${i} ${r.name}` })));

async function namesRead(extension: string, bytes: Uint8Array): Promise<string[]> {
  const reporter = new Reporter();
  const list = await mergeSignatoryFiles([{ path: await writeList(extension, bytes) }], reporter, { displayRoot: dir });
  expect(reporter.messages.filter((m) => m.severity === "error")).toEqual([]);
  return list.map((s) => s.name).sort();
}

const utf8 = (s: string) => Buffer.from(s).toString();
const expectedNames = (rows: { name: string }[], clean: (s: string) => string = (s) => s) => rows.map((r) => cleanText(clean(r.name))).sort();

describe("a correctly written list reads back every name", () => {
  it("CSV and TSV: any separator, quoting, line ending and encoding", async () => {
    const options = fc.record({
      delimiter: fc.constantFrom(",", ";", "\t"),
      always: fc.boolean(),
      eol: fc.constantFrom("\n", "\r\n"),
      encoding: fc.constantFrom("utf8", "utf8-bom", "utf16le", "windows-1252") as fc.Arbitrary<"utf8" | "utf8-bom" | "utf16le" | "windows-1252">,
      header: fc.constantFrom<string[]>(["navn", "organisasjon", "sted"], ["Name", "Organisation", "Place"], ["Fullt navn", "Virksomhet", "Poststed", "Navn"]),
    });
    await fc.assert(
      fc.asyncProperty(namedRows, options, async (rows, o) => {
        // Windows-1252 is told from UTF-8 by bytes that are not UTF-8: "ø" (0xF8) never is.
        const cells = rows.map((r) => [o.encoding === "windows-1252" ? `ø${r.name}` : r.name, r.organisation, r.place, ...(o.header.length > 3 ? ["respondent"] : [])]);
        const text = [o.header, ...cells].flat().join("");
        const encodable = iconv.decode(iconv.encode(text, "windows-1252"), "windows-1252") === text;
        const encoding = o.encoding === "windows-1252" && !encodable ? "utf8" : o.encoding;
        const bytes = csvBytes([o.header, ...cells], o.delimiter, o.always, o.eol, encoding);
        // UTF-8 cannot hold a lone surrogate: it is written as U+FFFD.
        const written = encoding.startsWith("utf8") ? utf8 : (s: string) => s;
        expect(await namesRead(o.delimiter === "\t" ? ".tsv" : ".csv", bytes)).toEqual(expectedNames(cells.map(([name]) => ({ name })), written));
      }),
      fuzzOptions(),
    );
  }, timeoutFor(RUNS, 5));

  it("JSON and YAML: a list, or a `signatories:` key holding one, with extra fields of any type", async () => {
    const extra = fc.dictionary(fc.constantFrom("telefon", "kommentar", "x", "nested"), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 2 });
    await fc.assert(
      fc.asyncProperty(namedRows, fc.array(extra, { minLength: 8, maxLength: 8 }), fc.constantFrom(".json", ".yaml"), fc.boolean(), async (rows, extras, extension, wrapped) => {
        const items = rows.map((r, i) => ({ ...extras[i], navn: r.name, organisasjon: r.organisation, sted: r.place }));
        const data = wrapped ? { signatories: items } : items;
        // lineWidth 0: yaml's line folding can split a surrogate pair, which UTF-8 then breaks (a yaml bug).
        const text = extension === ".json" ? JSON.stringify(data, null, 2) : stringify(data, { lineWidth: 0 });
        // Both escape a lone surrogate (\\udc00), so even that reads back.
        expect(await namesRead(extension, Buffer.from(text))).toEqual(expectedNames(rows));
      }),
      fuzzOptions(),
    );
  }, timeoutFor(RUNS, 5));

  it("XLSX: strings, numbers and booleans in any column", async () => {
    const number = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));
    await fc.assert(
      fc.asyncProperty(namedRows, fc.array(fc.oneof(number, fc.boolean()), { minLength: 8, maxLength: 8 }), async (rows, values) => {
        const sheet = [["navn", "organisasjon", "sted", "tall"], ...rows.map((r, i) => [r.name, r.organisation, r.place, values[i]])];
        expect(await namesRead(".xlsx", xlsxBytes(sheet))).toEqual(expectedNames(rows, (s) => s.replace(XML_INVALID, "")));
      }),
      fuzzOptions(),
    );
  }, timeoutFor(RUNS, 40));
});
