/**
 * Writes the hostile corpus into a copy of test/fixtures/hostile as real input files:
 * frontmatter fields, a variable used in a block, a block's source, and every
 * signatory format. Document i puts corpus entry (i + j) mod n into field j (a Latin
 * square), so across the documents every entry lands in every field once, while
 * within one document every field holds a different entry and can be checked alone.
 */
import { cp, mkdir, mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { stringify } from "yaml";
import { cleanText } from "../../src/signatories/index.js";
import { HOSTILE, XML_INVALID } from "../fixtures/hostile/corpus.js";
import { visible } from "./extract.js";

export const FIXTURE = path.resolve(import.meta.dirname, "../fixtures/hostile");

/** Field j of a letter document (not from.orgnr, which must pass MOD11); `signatory` fields are normalised by the signatory reader (SPEC §4). */
const LETTER_FIELDS = [
  "title", "to.name", "to.address", "to (plain)", "from.name", "from.address", "ref.ours", "ref.theirs",
  "signature.name", "signature.role", "vars (in a block)", "source.title", "source.publisher",
  "csv organisation name", "csv organisation place", "tsv organisation name", "yaml person name", "yaml person role",
  "json person name", "json person organisation", "xlsx person name", "xlsx person place",
] as const;
const FIRST_SIGNATORY_FIELD = LETTER_FIELDS.indexOf("csv organisation name");
const CONSULTATION_FIELDS = ["consultation.title", "consultation.issuer", "consultation.ref"] as const;

export interface Expectation {
  document: string;
  field: string;
  corpusId: string;
  /** The text a reader must see. */
  text: string;
}

export interface HostileWorkspace {
  root: string;
  documents: string[];
  expectations: Expectation[];
}

const csvCell = (value: string) => `"${value.replace(/"/g, '""')}"`;

export async function writeHostileWorkspace(): Promise<HostileWorkspace> {
  if (HOSTILE.length < LETTER_FIELDS.length) throw new Error("the corpus needs at least one entry per field");
  const root = await mkdtemp(path.join(os.tmpdir(), "opprop-hostile-"));
  await cp(FIXTURE, root, { recursive: true, filter: (src) => !src.endsWith(".ts") });
  const documents: string[] = [];
  const expectations: Expectation[] = [];
  const n = HOSTILE.length;
  for (let i = 0; i < n; i++) {
    const entry = (j: number) => HOSTILE[(i + j) % n];
    const v = (field: (typeof LETTER_FIELDS)[number]) => entry(LETTER_FIELDS.indexOf(field)).text;
    const name = `h${String(i).padStart(2, "0")}`;
    const signatories = path.join(root, "signatories", name);
    await mkdir(signatories, { recursive: true });
    await mkdir(path.join(root, "demands/hostile"), { recursive: true });
    await writeFile(
      path.join(root, "demands/hostile", `${name}.md`),
      `---\n${stringify({ title: "Verdi", kind: "argument", requires: ["x"], sources: [{ id: "kilde", title: v("source.title"), publisher: v("source.publisher") }] })}---\nVerdien er: {{x}} [@kilde]\n`,
    );
    await writeFile(path.join(signatories, "orgs.csv"), `type,navn,sted\r\norganisation,${csvCell(v("csv organisation name"))},${csvCell(v("csv organisation place"))}\r\n`);
    await writeFile(path.join(signatories, "orgs.tsv"), `type\tnavn\norganisation\t${csvCell(v("tsv organisation name"))}\n`);
    await writeFile(path.join(signatories, "persons.yaml"), stringify([{ navn: v("yaml person name"), rolle: v("yaml person role"), samtykke: "ja" }]));
    await writeFile(path.join(signatories, "persons.json"), JSON.stringify([{ name: v("json person name"), organisation: v("json person organisation"), publish: "yes" }], null, 2));
    await writeXlsx(path.join(signatories, "persons.xlsx"), [["navn", "sted", "samtykke"], [v("xlsx person name"), v("xlsx person place"), "ja"]]);
    const frontmatter = {
      template: "stotteerklaering",
      title: v("title"),
      date: "2026-11-22",
      to: [{ name: v("to.name"), address: v("to.address") }, v("to (plain)")],
      from: { name: v("from.name"), address: v("from.address"), orgnr: "974760673" }, // MOD11-checked, so never hostile text
      ref: { ours: v("ref.ours"), theirs: v("ref.theirs") },
      signature: [{ name: v("signature.name"), role: v("signature.role") }],
      vars: { x: v("vars (in a block)") },
      signatories: ["orgs.csv", "orgs.tsv", "persons.yaml", "persons.json", "persons.xlsx"].map((f) => `../signatories/${name}/${f}`),
    };
    documents.push(await writeDocument(root, name, frontmatter, `Innledning.\n\n{{> hostile/${name}}}\n`));
    LETTER_FIELDS.forEach((field, j) => {
      // The workbook was written without XML-invalid characters, so their neighbours meet before cleanText.
      const raw = field.startsWith("xlsx") ? entry(j).text.replace(XML_INVALID, "") : entry(j).text;
      const text = j >= FIRST_SIGNATORY_FIELD ? cleanText(raw) : raw;
      expectations.push({ document: name, field, corpusId: entry(j).id, text: visible(text) });
    });

    const consultationName = `c${String(i).padStart(2, "0")}`;
    const c = (j: number) => entry(j).text;
    documents.push(
      await writeDocument(root, consultationName, {
        template: "horingssvar",
        title: "Høringssvar",
        date: "2026-11-22",
        to: ["Departementet"],
        from: { name: "Avsender" },
        consultation: { title: c(0), issuer: c(1), ref: c(2) },
      }, "Vi har ingen merknader.\n"),
    );
    CONSULTATION_FIELDS.forEach((field, j) => expectations.push({ document: consultationName, field, corpusId: entry(j).id, text: visible(entry(j).text) }));
  }
  return { root, documents, expectations };
}

async function writeDocument(root: string, name: string, frontmatter: object, body: string): Promise<string> {
  const file = path.join(root, "documents", `${name}.md`);
  await writeFile(file, `---\n${stringify(frontmatter, { lineWidth: 0 })}---\n${body}`);
  return file;
}

/** Excel cannot hold XML-invalid characters either, so the workbook gets what Excel would. */
async function writeXlsx(file: string, rows: string[][]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Ark1");
  for (const row of rows) sheet.addRow(row.map((cell) => cell.replace(XML_INVALID, "")));
  await workbook.xlsx.writeFile(file);
}
