import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Reporter, formatMessage } from "../../src/report/index.js";
import { groupSignatories, mergeSignatoryFiles } from "../../src/signatories/index.js";
import { personHash, personKey } from "../../src/signatories/merge.js";
import { tempDir } from "./helpers.js";

async function merge(files: Record<string, string>) {
  const dir = tempDir();
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  const reporter = new Reporter();
  const list = await mergeSignatoryFiles(Object.keys(files).map((name) => ({ path: path.join(dir, name) })), reporter, { displayRoot: dir });
  return { list, messages: reporter.messages.map((m) => formatMessage(m)) };
}

describe("merging", () => {
  it("finds duplicates across files by orgnr and by name + organisation, ignoring case and spacing", async () => {
    const { list, messages } = await merge({
      "a.csv": "name,orgnr,organisation,place\nNorsk Smerteforening,974760673,,\nKari Nordmann,,Smerteforeningen,\n",
      "b.csv": "name;orgnr;organisation;place\nNORSK SMERTEFORENING (ny);974 760 673;;Oslo\nkari  nordmann;;SMERTEFORENINGEN;Bergen\nKari Nordmann;;Annen forening;\n",
    });
    expect(list.map((s) => [s.name, s.organisation, s.place])).toEqual([
      // Lower case before upper case, as the collation has it.
      ["kari nordmann", "SMERTEFORENINGEN", "Bergen"],
      ["Kari Nordmann", "Annen forening", undefined],
      ["NORSK SMERTEFORENING (ny)", undefined, "Oslo"],
    ]);
    expect(messages).toEqual([
      'b.csv:2:1  info  "NORSK SMERTEFORENING (ny)" is also at a.csv:2; merged',
      'b.csv:3:1  info  a person without publish consent is also at a.csv:3; merged',
    ]);
  });

  it("lets the later signature win and keeps what only the other row had", async () => {
    const { list } = await merge({
      "a.csv": "name,role,email,signed_at,publish,version\nKari,leder,kari@a.no,2026-03-01,ja,new\n",
      "b.csv": "name,place,signed_at,publish,version\nKari,Bergen,2026-01-01,nei,old\n",
    });
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ role: "leder", email: "kari@a.no", place: "Bergen", publish: true, version: "new", signedAt: "2026-03-01" });
  });

  it("merges an organisation without orgnr into the same name with one, not two different orgnr", async () => {
    const { list } = await merge({
      "a.csv": "type,name,orgnr\n,Venner,974760673\n,Venner,923609016\norganisation,venner,\n",
    });
    expect(list.map((s) => s.orgnr)).toEqual(["974760673", "923609016"]);
  });

  it("lists the first 20 merges and counts the rest; never names persons without consent", async () => {
    const rows = Array.from({ length: 25 }, (_, i) => `Person ${i},nei`).join("\n");
    const { messages } = await merge({ "a.csv": `name,publish\n${rows}\n`, "b.csv": `name,publish\n${rows}\n` });
    expect(messages).toHaveLength(21);
    expect(messages[0]).toBe("b.csv:2:1  info  a person without publish consent is also at a.csv:2; merged");
    expect(messages[20]).toBe("b.csv  info  and 5 more duplicates merged");
  });

  it("keeps two persons apart whose keys share a hash, and still merges each with its own duplicate", async () => {
    // Persons are indexed by a 30-bit hash; a birthday search finds two names sharing one in a few thousand tries.
    const seen = new Map<number, string>();
    let pair: [string, string] | undefined;
    for (let i = 0; !pair; i++) {
      const name = `Person ${i}`;
      const hash = personHash(personKey({ name }));
      const other = seen.get(hash);
      if (other) pair = [other, name];
      else seen.set(hash, name);
    }
    const [first, second] = pair;
    const { list, messages } = await merge({
      "a.csv": `name,place\n${first},Oslo\n${second},Bergen\n`,
      "b.csv": `name,role\n${second.toUpperCase()},leder\n${first},medlem\n`,
    });
    expect(list.map((s) => [s.name.toLowerCase(), s.place, s.role]).sort()).toEqual(
      [[first.toLowerCase(), "Oslo", "medlem"], [second.toLowerCase(), "Bergen", "leder"]].sort(),
    );
    expect(messages).toEqual([
      "b.csv:2:1  info  a person without publish consent is also at a.csv:3; merged",
      "b.csv:3:1  info  a person without publish consent is also at a.csv:2; merged",
    ]);
  });

  it("groups organisations and named persons, and counts the others", async () => {
    const { list } = await merge({ "a.csv": "type,name,publish\norganisation,Lag,nei\nperson,Kari,ja\nperson,Ola,nei\nperson,Per,\n" });
    const grouped = groupSignatories(list);
    expect([grouped.organisations.map((s) => s.name), grouped.persons.map((s) => s.name), grouped.hiddenPersons, grouped.total]).toEqual([["Lag"], ["Kari"], 2, 4]);
  });
});
