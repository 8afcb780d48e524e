import { randomUUID } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { NewSignature, SignatureStore } from "../../src/collect/store.js";
import { Reporter } from "../../src/report/index.js";
import { mergeSignatoryFiles } from "../../src/signatories/index.js";
import { runCli } from "../helpers/cli.js";
import { backends } from "./helpers.js";

const stores = backends();
let dir: string;
beforeAll(async () => {
  await stores.setup();
  dir = await mkdtemp(path.join(tmpdir(), "opprop-export-"));
});
afterAll(async () => {
  await stores.teardown();
  await rm(dir, { recursive: true, force: true });
});

function signature(fields: Partial<NewSignature>): NewSignature {
  const id = randomUUID();
  return { id, document: "opprop-test", dedupeKey: id, type: "person", name: "Navn", email: `${id}@example.no`, publish: true, version: "e15cce156bf9", signedAt: "2026-11-25T01:02:03.000Z", consentVersion: "c0ffee123456", consentAt: "2026-11-25T01:02:03.000Z", confirmed: true, approved: true, withdrawTokenHash: id, ...fields };
}

const FORMULAS = ['=HYPERLINK("http://evil.example","klikk")', "+47 cmd", "-2+3", "@SUM(A1)"];

describe.each(stores.list)("collect export from $name", (backend) => {
  let store: SignatureStore;
  let db: string;
  beforeAll(async () => {
    store = await backend.open();
    db = backend.lastUrl!;
    const rows = [
      signature({ name: "Åse Named", place: "Tromsø", role: "lege", organisation: "UNN" }),
      signature({ name: "Bjørn Hidden", publish: false }),
      signature({ name: "Unconfirmed Ulla", confirmed: false, confirmTokenHash: "c" }),
      signature({ type: "organisation", name: "Pending Org", orgnr: "914852536", approved: false }),
      signature({ type: "organisation", name: "Approved Org", orgnr: "914852536", role: "styreleder" }),
      signature({ name: "Other Document", document: "another" }),
      ...FORMULAS.map((name, i) => signature({ name, place: FORMULAS[(i + 1) % FORMULAS.length] })),
    ];
    for (const row of rows) await store.add(row);
  });
  afterAll(() => store.close());

  test("writes only confirmed and approved sign-ons in the SPEC §4 columns, publish as recorded", async () => {
    const out = path.join(dir, backend.name, "signatories", "innsamlet.csv");
    const run = await runCli(["collect", "export", "--db", db, "--out", out, "--document", "opprop-test"], dir);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("(7 signatories)");
    const text = (await readFile(out, "utf8")).replace(/^\ufeff/, "");
    const [header, ...lines] = text.trimEnd().split("\r\n");
    expect(header).toBe("type;name;organisation;role;orgnr;place;email;publish;signed_at;version");
    const byName = new Map(lines.map((line) => [line.split(";")[1], line]));
    expect([...byName.keys()].sort()).toEqual(["Approved Org", "Bjørn Hidden", "Åse Named", ...FORMULAS.map((f) => `'${f}`.replace(/"/g, '""'))].map((n) => (n.includes('"') ? `"${n}"` : n)).sort());
    expect(byName.get("Åse Named")).toMatch(/^person;Åse Named;UNN;lege;;Tromsø;[^;]+@example\.no;yes;2026-11-25T01:02:03\.000Z;e15cce156bf9$/);
    expect(byName.get("Bjørn Hidden")).toContain(";no;");
    expect(byName.get("Approved Org")).toMatch(/^organisation;Approved Org;;styreleder;914852536;/);

    // Formula injection: no cell starts with = + - @, and reading the file back keeps the text.
    for (const line of lines) for (const cell of line.split(";")) expect(cell.replace(/^"/, "")).not.toMatch(/^[=+\-@]/);
    const reporter = new Reporter();
    const read = await mergeSignatoryFiles([{ path: out }], reporter);
    expect(reporter.messages.filter((m) => m.severity === "error")).toEqual([]);
    expect(read.map((s) => s.name)).toEqual(expect.arrayContaining(FORMULAS.map((f) => `'${f}`)));
    expect(read.find((s) => s.name === "Bjørn Hidden")?.publish).toBe(false);
    expect(read.find((s) => s.name === "Åse Named")?.version).toBe("e15cce156bf9");
  });

  test("without --document every document's sign-ons are written; JSON by extension", async () => {
    const out = path.join(dir, backend.name, "all.json");
    expect((await runCli(["collect", "export", "--db", db, "--out", out], dir)).code).toBe(0);
    const list = JSON.parse(await readFile(out, "utf8")) as { name: string }[];
    expect(list.map((s) => s.name)).toContain("Other Document");
    expect(list).toHaveLength(8);
  });
});

describe("collect export usage", () => {
  test("--out is required and must be a signatory format; exit code 2", async () => {
    const db = path.join(dir, "usage.sqlite");
    expect((await runCli(["collect", "export", "--db", db], dir)).code).toBe(2);
    const wrong = await runCli(["collect", "export", "--db", db, "--out", "x.pdf"], dir);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain("--out must end in");
    expect((await runCli(["collect", "export", "--db", db, "--out", "x.csv", "--fromat", "y"], dir)).code).toBe(2);
  });

  test("collect --help names the export sub-command", async () => {
    const help = await runCli(["collect", "--help"], dir);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("export");
    expect(help.stdout).toContain("--port");
  });
});
