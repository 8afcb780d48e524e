import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Root, RootContent } from "mdast";
import { assembleDocuments } from "../../src/build/index.js";
import { Reporter, formatMessage } from "../../src/report/index.js";

const fixture = path.resolve(import.meta.dirname, "../fixtures/foundation");
const doc = (name: string) => path.join(fixture, "documents", `${name}.md`);

async function assembleOne(name: string) {
  const reporter = new Reporter();
  const [assembled] = await assembleDocuments([doc(name)], reporter, { today: "2026-11-25" });
  return { assembled, reporter, lines: reporter.messages.map((m) => formatMessage(m)) };
}

function findAll(tree: Root | RootContent, type: string): RootContent[] {
  const found: RootContent[] = [];
  const walk = (node: Root | RootContent) => {
    if (node.type === type) found.push(node as RootContent);
    if ("children" in node) (node.children as RootContent[]).forEach(walk);
  };
  walk(tree);
  return found;
}

describe("assemble", () => {
  it("includes blocks where they stand and marks each part with its block id", async () => {
    const { assembled, reporter } = await assembleOne("good");
    expect(reporter.hasErrors).toBe(false);
    expect(assembled.blocks).toEqual(["fakta/forekomst", "krav/stanse-avvikling", "krav/bredt-tilbud"]);
    const lists = findAll(assembled.body, "list");
    const demands = lists[0] as import("mdast").List;
    expect(demands.ordered).toBe(true);
    expect(demands.children.map((item) => item.children[0].data?.blockId)).toEqual(["krav/stanse-avvikling", "krav/bredt-tilbud"]);
    const firstDemand = JSON.stringify(demands.children[0]);
    expect(firstDemand).toContain("Å stanse avviklingen i Helse Sør-Øst RHF til konsekvensene er utredet.");
  });

  it("numbers sources by first citation and footnotes by first reference", async () => {
    const { assembled } = await assembleOne("good");
    expect(assembled.sources.map((s) => [s.number, s.id])).toEqual([
      [1, "faktablad"],
      [2, "fhi-2006"],
    ]);
    const citations = findAll(assembled.body, "citation") as unknown as { number: number }[];
    expect(citations.map((c) => c.number)).toEqual([1, 2, 1]);
    expect(assembled.footnotes.map((f) => [f.number, f.id])).toEqual([
      [1, "fakta/forekomst:alder"],
      [2, "krav/bredt-tilbud:merk"],
    ]);
    expect(findAll(assembled.body, "footnoteDefinition")).toEqual([]);
  });

  it("writes the date the local way and keeps structured parts as data", async () => {
    const { assembled } = await assembleOne("good");
    expect(assembled.meta.dateText).toBe("22. november 2026");
    expect(assembled.meta.to).toEqual([
      { name: "Helse Sør-Øst RHF", address: "Postboks 404, 2303 Hamar" },
      { name: "Helse- og omsorgsdepartementet", address: undefined },
    ]);
    expect(assembled.labels.ourRef).toBe("Vår ref.");
  });

  it("fingerprints the words, not the date", async () => {
    const { assembled } = await assembleOne("good");
    expect(assembled.fingerprint).toMatch(/^[0-9a-f]{12}$/);
    const { fingerprintOf } = await import("../../src/assemble/index.js");
    const meta = { title: assembled.meta.title, to: assembled.meta.to } as never;
    const same = fingerprintOf(meta, assembled.body, assembled.footnotes);
    expect(same).toBe(assembled.fingerprint);
    const changed = structuredClone(assembled.body);
    changed.children.push({ type: "paragraph", children: [{ type: "text", value: "Ett ord til." }] });
    expect(fingerprintOf(meta, changed, assembled.footnotes)).not.toBe(assembled.fingerprint);
  });

  it("reports an unknown block at its line and column with a suggestion", async () => {
    const { assembled, lines } = await assembleOne("unknown-block");
    expect(assembled).toBeUndefined();
    expect(lines).toContain('documents/unknown-block.md:11:4  error  unknown block "krav/stanse"  (did you mean "krav/stanse-avvikling"?)');
    expect(lines).toContain('documents/unknown-block.md:12:4  error  unknown block "krav/bredt-tilbd"  (did you mean "krav/bredt-tilbud"?)');
  });

  it("reports missing variables in the document and in blocks, with suggestions", async () => {
    const { assembled, lines } = await assembleOne("missing-var");
    expect(assembled).toBeUndefined();
    expect(lines).toContain('documents/missing-var.md:9:5  error  unknown variable "mottaker": give it a value under vars: in the frontmatter (a line "vars:", then "  mottaker: …" below it)');
    expect(lines).toContain('documents/missing-var.md:11:1  error  block "krav/stanse-avvikling" requires variable "helseforetak", which vars does not set  (did you mean "helseforetk"?)');
  });

  it("reports unknown fields where they stand, and takes one recipient written as it is", async () => {
    const { lines } = await assembleOne("wrong-type");
    expect(lines).toEqual(['documents/wrong-type.md:6:1  error  unknown field "signatur"  (did you mean "signature"?)']);
  });

  it("refuses a variable called __proto__ instead of dropping it silently", async () => {
    const { assembled, lines } = await assembleOne("proto-var");
    expect(assembled).toBeUndefined();
    expect(lines).toEqual(['documents/proto-var.md:7:3  error  "vars": a variable may not be called "__proto__"']);
  });

  it("reports bad YAML with its position", async () => {
    const { assembled, lines } = await assembleOne("bad-yaml");
    expect(assembled).toBeUndefined();
    expect(lines.length).toBeGreaterThan(0);
    expect(lines).toEqual(['documents/bad-yaml.md:3:1  error  a quote opened on line 3 is never closed: put a closing " at the end of the value']);
  });

  it("keeps variable values literal: no Markdown, HTML, Handlebars or citations from data", async () => {
    const { assembled, reporter } = await assembleOne("hostile");
    expect(reporter.hasErrors).toBe(false);
    const text = findAll(assembled.body, "text").map((n) => (n as { value: string }).value).join("");
    expect(text).toContain("**Helse** <b>Sør</b> {{ikke}} [@fhi-2006] #set");
    expect(findAll(assembled.body, "citation")).toEqual([]);
    expect(findAll(assembled.body, "strong")).toEqual([]);
  });

  it("picks the block variant of the document's language and warns when it falls back", async () => {
    const reporter = new Reporter();
    const { loadWorkspace } = await import("../../src/workspace/index.js");
    const workspace = await loadWorkspace(fixture, reporter);
    expect([...workspace.blocks.get("krav/stanse-avvikling")!.keys()].sort()).toEqual(["en", "nb"]);
    expect(workspace.blocks.get("krav/bredt-tilbud")!.size).toBe(1);
  });
});
