// The columnar merge (src/signatories/columnar) against the ordinary path it stands in for:
// generated lists that it takes, in every encoding and shape it reads, must give the same
// bytes, messages and summaries as readSignatoryFiles + writeSignatories; the lists it must
// not take (and the CLI's choice between the two) fall back with nothing reported.
import { spawnSync } from "node:child_process";
import { readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { Reporter, formatMessage } from "../../src/report/index.js";
import { readColumnar } from "../../src/signatories/columnar/index.js";
import { describeFileSummary, readSignatoryFiles, writeSignatories, type FileSummary } from "../../src/signatories/index.js";
import { personHash, personKey } from "../../src/signatories/merge.js";
import { capture, tempDir } from "./helpers.js";

/** Park–Miller, as generated.ts: the same lists on every machine. */
function random(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (state * 48271) % 0x7fffffff;
    return state % n;
  };
}

// Names with equal primary keys but other case or accents (tie-break), formulas, quotes,
// separators, and a few that need cleaning or have no sort key ("Łukasz": a whole list
// with one goes to sortOrder, see `keyless`).
const FIRST = ["Kari", "kari", "KARI", "Kåri", "Ola", "Åse", "Aase", "Øystein", "Ærle", "Émile", "=Sum", "+Per", "-Liv", "@Zara", "Ola \"O\"", "Anne-Lise"];
const LAST = ["Nordmann", "nordmann", "Hansen", "Ødegård", "Aas", "Ås", "O'Neil", "Berg;Vik", "van Dijk", "ÅSEN", "Strøm"];
const MESSY = ["  Kari  Nordmann ", "Kari\u00a0Nordmann", "Zoe\u0308 Berg", "Kari\tHansen", ""];
const PLACES = ["Oslo", "Bergen", "Tromsø", "", "Ålesund", "=Bodø", "Førde;Sunnfjord"];
const ORGNR = ["974760673", "914852536", "974 760 673", "123456789", ""];
const PUBLISH = ["ja", "nei", "", "Ja", "yes", "0", "Ja, navnet mitt kan vises", "kanskje"];
const SIGNED = ["2026-01-05T10:00:00", "2026-01-06", "2026-01-04 09:00", "05.01.2026 10:15", "", "2026-02-30"];
const VERSIONS = ["abcdef012345", "ABCDEF012345", "", "v;2"];

interface Shape {
  delimiter: string;
  /** Rows in which a cell needs `normaliseRow` (cleaning, a bad value): 0 = none. */
  messyEvery: number;
  /** Column order: the header words. */
  header: string[];
}

const HEADER = ["type", "navn", "organisasjon", "rolle", "orgnr", "sted", "e-post", "telefon", "samtykke", "signert", "versjon"];

/** One list's text: `rows` rows of signatories drawn from a pool of `pool`, so files share many. */
function list(rows: number, pool: number, next: (n: number) => number, shape: Shape, keyless: boolean): string {
  const { delimiter } = shape;
  const quote = (cell: string) => (cell.includes(delimiter) && !cell.includes('"') ? `"${cell}"` : cell.includes(delimiter) ? cell.split(delimiter).join(" ") : cell);
  const lines = [shape.header.join(delimiter)];
  for (let r = 0; r < rows; r++) {
    const who = next(pool);
    const organisation = who % 11 === 0;
    const messy = shape.messyEvery > 0 && next(shape.messyEvery) === 0;
    const name = organisation
      ? `${next(2) ? "Forening" : "forening"} ${who % 300}`
      : messy && next(2)
        ? MESSY[next(MESSY.length)]
        : `${FIRST[who % FIRST.length]} ${LAST[(who >> 4) % LAST.length]}${who % 3 ? ` ${who % 500}` : ""}${keyless && who === 7 ? " Łukasz" : ""}`;
    // The same person in capitals now and then (Å, Ø, É too): a duplicate by the case-folded key.
    const cased = !organisation && next(6) === 0 ? name.toUpperCase() : name;
    const byField: Record<string, string> = {
      type: organisation ? (next(3) ? "organisasjon" : "") : next(9) === 0 ? "" : messy && next(4) === 0 ? "kanskje" : "person",
      navn: cased,
      organisasjon: next(3) ? `Foreningen ${who % 40}` : "",
      rolle: next(5) ? "" : next(2) ? "medlem" : "=leder",
      orgnr: organisation && next(2) ? ORGNR[messy ? next(ORGNR.length) : next(2)] : "",
      sted: PLACES[next(PLACES.length)],
      "e-post": next(4) ? `p${who}@example.no` : "",
      telefon: next(3) ? `+47 9${String(who).padStart(7, "0")}` : "",
      samtykke: PUBLISH[messy ? next(PUBLISH.length) : next(6)],
      signert: SIGNED[messy ? next(SIGNED.length) : next(5)],
      versjon: VERSIONS[next(VERSIONS.length)],
    };
    // Now and then a row padded with empty cells, or cut short.
    if (next(150) === 0) lines.push(delimiter.repeat(shape.header.length - 1));
    else if (next(120) === 0) lines.push(shape.header.slice(0, 3).map((h) => quote(byField[h])).join(delimiter));
    else lines.push(shape.header.map((h) => quote(byField[h])).join(delimiter));
  }
  return `${lines.join("\r\n")}\r\n`;
}

/** Four files the columnar merge takes: UTF-8 with BOM, Windows-1252 with sep=, plain UTF-8 with other column order, TSV. */
function writeLists(dir: string, rows: number, options: { messyEvery: number; keyless?: boolean; seed?: number }): string[] {
  const next = random(options.seed ?? 7);
  const pool = Math.max(50, Math.floor(rows * 1.5));
  const reversed = [...HEADER].reverse();
  const make = (delimiter: string, header = HEADER) => list(rows, pool, next, { delimiter, header, messyEvery: options.messyEvery }, options.keyless ?? false);
  const files: Array<[string, Buffer]> = [
    ["skjema.csv", Buffer.from(`\ufeff${make(",")}`, "utf8")],
    ["excel.csv", iconv.encode(`sep=;\r\n${make(";")}`, "windows-1252")],
    ["andre.csv", Buffer.from(make(";", reversed), "utf8")],
    ["liste.tsv", Buffer.from(make("\t"), "utf8")],
  ];
  return files.map(([name, bytes]) => {
    const file = path.join(dir, name);
    writeFileSync(file, bytes);
    return file;
  });
}

interface Result {
  messages: string[];
  summaries: string[];
  csv: Buffer;
  tsv: Buffer;
}

async function ordinary(files: string[], dir: string): Promise<Result> {
  const reporter = new Reporter();
  const summaries: FileSummary[] = [];
  const { signatories, order } = await readSignatoryFiles(files.map((file) => ({ path: file })), reporter, { displayRoot: dir, onSummary: (s) => summaries.push(s) });
  await writeSignatories(signatories, path.join(dir, "ordinary.csv"), order);
  await writeSignatories(signatories, path.join(dir, "ordinary.tsv"), order);
  return {
    messages: reporter.messages.map((m) => formatMessage(m)),
    summaries: summaries.map(describeFileSummary),
    csv: readFileSync(path.join(dir, "ordinary.csv")),
    tsv: readFileSync(path.join(dir, "ordinary.tsv")),
  };
}

/** The columnar merge by `read`: the one in src/ (one thread: no worker script beside it), or the built one (`threaded`). */
async function columnar(files: string[], dir: string, read = readColumnar, workerFrom?: number): Promise<Result | undefined> {
  const reporter = new Reporter();
  const summaries: FileSummary[] = [];
  const merge = await read(files.map((file) => ({ path: file })), reporter, { displayRoot: dir, onSummary: (s) => summaries.push(s), workerFrom });
  if (!merge) {
    expect(reporter.messages).toEqual([]);
    expect(summaries).toEqual([]);
    return undefined;
  }
  await merge.write(path.join(dir, "columnar.csv"));
  await merge.write(path.join(dir, "columnar.tsv"));
  return {
    messages: reporter.messages.map((m) => formatMessage(m)),
    summaries: summaries.map(describeFileSummary),
    csv: readFileSync(path.join(dir, "columnar.csv")),
    tsv: readFileSync(path.join(dir, "columnar.tsv")),
  };
}

async function expectSame(files: string[], dir: string, read = readColumnar, workerFrom?: number): Promise<Result> {
  const expected = await ordinary(files, dir);
  const actual = await columnar(files, dir, read, workerFrom);
  expect(actual, "the columnar merge declined").toBeDefined();
  expect(actual!.summaries).toEqual(expected.summaries);
  expect(actual!.messages).toEqual(expected.messages);
  // Compared as text first, for a readable difference; then as bytes.
  expect(actual!.csv.toString("utf8")).toEqual(expected.csv.toString("utf8"));
  expect(actual!.csv.equals(expected.csv)).toBe(true);
  expect(actual!.tsv.equals(expected.tsv)).toBe(true);
  return expected;
}

describe("the columnar merge gives the ordinary merge's bytes and messages", () => {
  it("for clean lists past the radix sort's threshold (4 × 3,000 rows, shared signatories)", async () => {
    const dir = tempDir();
    const expected = await expectSame(writeLists(dir, 3000, { messyEvery: 0 }), dir);
    // The lists do reach the interesting cases.
    const csv = expected.csv.toString("utf8");
    expect(csv).toContain(";'=Sum ");
    expect(csv).toContain('"Ola ""O"" ');
    expect(csv).toMatch(/"[^";]*Berg;Vik/);
    expect(expected.messages.some((m) => m.includes("more duplicates merged"))).toBe(true);
  });

  it("for lists with rows that need cleaning or have bad values (errors, rejects)", async () => {
    const dir = tempDir();
    const expected = await expectSame(writeLists(dir, 2500, { messyEvery: 25, seed: 11 }), dir);
    expect(expected.messages.some((m) => m.includes("error"))).toBe(true);
    expect(expected.summaries.some((s) => /[1-9]\d* rejected/.test(s))).toBe(true);
  });

  it("for a list with a name that has no sort key, and for short lists", async () => {
    const dir = tempDir();
    await expectSame(writeLists(dir, 800, { messyEvery: 30, keyless: true, seed: 3 }), dir);
    const small = tempDir();
    await expectSame(writeLists(small, 60, { messyEvery: 10, seed: 5 }), small);
  });
});

describe("the columnar merge takes the shapes exports come in", () => {
  const shapes: Array<[string, string]> = [
    // Google Forms: every cell quoted, its own time format, a comma inside a quoted name.
    ["every cell quoted", '"Tidsmerke","Fullt navn","E-postadresse","Samtykke"\r\n"2026/11/20 10:00:00 AM GMT+1","Kari Nordmann","k@x.no","Ja"\r\n"20.11.2026 10:00:00","kari nordmann","k2@x.no","Nei"\r\n"46346.4166","Ola, Hansen","o@x.no","ja"\r\n'],
    ["old Mac line ends", "navn;sted\rKari;Oslo\rOla;Bergen\r"],
    ["a quote never closed", 'navn;sted\nKari;"Oslo\nmore'],
    ["a column without a header", "navn;;sted\nKari;x;Oslo\n"],
    ["a separator at each line's end", "navn;sted;\nKari;Oslo;\n;;\n"],
    ["line breaks inside quotes", 'navn;sted\n"Kari\nNordmann";Oslo\nOla;"Berg\r\nen"\n'],
    ["organisations by orgnr and by name", "type;navn;orgnr\norganisasjon;Lag A;974760673\norganisasjon;lag a;\norganisasjon;Lag A;914852536\norg;LAG A;974760673\n"],
  ];
  for (const [what, content] of shapes) {
    it(`with ${what}`, async () => {
      const dir = tempDir();
      const file = path.join(dir, "liste.csv");
      writeFileSync(file, content);
      await expectSame([file], dir);
    });
  }
});

/** Two files with two persons whose keys share a 30-bit hash, each also in the other file (a birthday search). */
function collidingLists(dir: string): string[] {
  const seen = new Map<number, string>();
  let pair: [string, string] | undefined;
  for (let i = 0; !pair; i++) {
    const name = `Person ${i}`;
    const other = seen.get(personHash(personKey({ name })));
    if (other) pair = [other, name];
    else seen.set(personHash(personKey({ name })), name);
  }
  const [first, second] = pair;
  const a = path.join(dir, "a.csv");
  const b = path.join(dir, "b.csv");
  writeFileSync(a, `navn;sted\r\n${first};Oslo\r\n${second};Bergen\r\n`);
  writeFileSync(b, `navn;rolle\r\n${second.toUpperCase()};leder\r\n${first};medlem\r\n`);
  return [a, b];
}

describe("the columnar merge keeps apart two persons whose keys share a hash", () => {
  it("and merges each with its own duplicate", async () => {
    const dir = tempDir();
    const { csv } = await expectSame(collidingLists(dir), dir);
    expect(csv.toString("utf8").split("\r\n").length).toBe(4);
  });
});

describe("the columnar merge declines what only the ordinary path does", () => {
  const cases: Array<[string, string | Buffer]> = [
    ["an unknown column", "navn,Kommentar\nKari,hei\n"],
    ["two columns for one field", "navn,name\nKari,Kari N\n"],
    ["UTF-16", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("navn\tsted\r\nKari\tOslo\r\n", "utf16le")])],
    ["a doubled quote", 'navn,sted\n"Kari ""K""",Oslo\n'],
    ["text after a closing quote", 'navn,sted\n"Kari"K,Oslo\n'],
    ["a header without rows", "navn,sted\n"],
    ["an empty file", ""],
    ["a separator outside ASCII", "sep=§\nnavn§sted\nKari§Oslo\n"],
  ];
  for (const [what, content] of cases) {
    it(`with ${what}`, async () => {
      const dir = tempDir();
      const file = path.join(dir, "liste.csv");
      writeFileSync(file, content);
      expect(await columnar([file], dir)).toBeUndefined();
    });
  }

  it("with a missing file, a JSON file, a --map or a group", async () => {
    const dir = tempDir();
    const file = path.join(dir, "liste.csv");
    writeFileSync(file, "navn,sted\nKari,Oslo\n");
    writeFileSync(path.join(dir, "liste.json"), '[{"name": "Kari"}]');
    expect(await columnar([file, path.join(dir, "mangler.csv")], dir)).toBeUndefined();
    expect(await columnar([file, path.join(dir, "liste.json")], dir)).toBeUndefined();
    expect(await readColumnar([{ path: file }], new Reporter(), { map: new Map() })).toBeUndefined();
    expect(await readColumnar([{ path: file, group: "Styret" }], new Reporter())).toBeUndefined();
    // …and takes the same file alone, and one with Excel's hint for another separator.
    await expectSame([file], dir);
    writeFileSync(file, "sep=|\r\nnavn|sted|samtykke\r\nKari;K|Oslo|ja\r\n");
    await expectSame([file], dir);
  });
});

/**
 * The built merge (dist/, `npm run build`), which has its worker script beside it: from
 * `workerFrom` bytes on, a worker thread reads part of the files and sorts the merged rows.
 */
async function built() {
  const url = new URL("../../dist/signatories/columnar/", import.meta.url);
  const index = (await import(new URL("index.js", url).href)) as typeof import("../../src/signatories/columnar/index.js");
  const thread = (await import(new URL("thread.js", url).href)) as typeof import("../../src/signatories/columnar/thread.js");
  return { readColumnar: index.readColumnar, MergeThread: thread.MergeThread, threadsAvailable: thread.threadsAvailable };
}

describe("the columnar merge on two threads (the built one)", () => {
  it("gives the ordinary merge's bytes, messages and summaries, with a worker reading half the files and sorting", async () => {
    const { readColumnar: threaded, threadsAvailable } = await built();
    expect(threadsAvailable()).toBe(true);
    const dir = tempDir();
    // Errors and merges in the worker's files as well as this thread's: their messages interleave as the ordinary path's do.
    const expected = await expectSame(writeLists(dir, 2500, { messyEvery: 25, seed: 17 }), dir, threaded, 0);
    expect(expected.messages.some((m) => m.includes("liste.tsv") && m.includes("error"))).toBe(true);
    expect(expected.messages.some((m) => m.includes("more duplicates merged"))).toBe(true);
    // A name without a sort key in one half of the rows: the worker sorts the ordinary way.
    const keyless = tempDir();
    await expectSame(writeLists(keyless, 800, { messyEvery: 30, keyless: true, seed: 3 }), keyless, threaded, 0);
    // Two persons whose keys share a hash, their hashes made by different threads.
    const colliding = tempDir();
    await expectSame(collidingLists(colliding), colliding, threaded, 0);
    // One file: read here, sorted there.
    const one = tempDir();
    await expectSame(writeLists(one, 3000, { messyEvery: 0, seed: 19 }).slice(0, 1), one, threaded, 0);
  });

  it("declines, reporting nothing, when a file the worker reads is one only the ordinary path takes", async () => {
    const { readColumnar: threaded } = await built();
    const dir = tempDir();
    const files = writeLists(dir, 500, { messyEvery: 0 });
    writeFileSync(files[3], "navn\tKommentar\r\nKari Nordmann\thei\r\n");
    expect(await columnar(files, dir, threaded, 0)).toBeUndefined();
  });

  it("in the CLI's bundle (bin/opprop.js), past the size from which it starts a worker", { timeout: 120_000 }, async () => {
    const dir = tempDir();
    const files = writeLists(dir, 50_000, { messyEvery: 200, seed: 23 });
    expect(files.reduce((n, file) => n + statSync(file).size, 0)).toBeGreaterThan(16 << 20);
    const expected = await columnar(files, dir);
    const root = fileURLToPath(new URL("../..", import.meta.url));
    const run = spawnSync(process.execPath, [path.join(root, "bin/opprop.js"), "signatories", "merge", ...files.map((f) => path.basename(f)), "--out", "merged.csv"], { cwd: dir, encoding: "utf8" });
    expect(readFileSync(path.join(dir, "merged.csv")).equals(expected!.csv)).toBe(true);
    expect(run.stderr.trim().split("\n").slice(0, expected!.messages.length)).toEqual(expected!.messages);
  });

  it("passes on what the worker throws as that error, to the task and to any after it", async () => {
    const { MergeThread } = await built();
    const thread = new MergeThread({ text: new SharedArrayBuffer(16), files: [] });
    // A task without its rows: the worker's sort throws a TypeError reading them.
    await expect(thread.ask({ sort: undefined as never })).rejects.toThrow(TypeError);
    await expect(thread.ask({ sort: undefined as never })).rejects.toThrow(TypeError);
  });
});

describe("opprop signatories merge", () => {
  it("prints and writes what the ordinary merge gives, on the columnar path and on the fallback", async () => {
    for (const extra of [[], ["Kommentar"]]) {
      const dir = tempDir();
      const files = writeLists(dir, 2500, { messyEvery: 40, seed: 13 });
      // A file with a column opprop does not use sends the whole merge the ordinary way.
      if (extra.length) writeFileSync(files[2], `navn;Kommentar\r\nKari Nordmann;hei\r\n`);
      const expected = await ordinary(files, dir);
      const { ctx, out, err } = capture(dir);
      const code = await main(["signatories", "merge", ...files.map((f) => path.basename(f)), "--out", "merged.csv"], ctx);
      expect(readFileSync(path.join(dir, "merged.csv")).equals(expected.csv)).toBe(true);
      expect(out.slice(0, files.length)).toEqual(expected.summaries);
      expect(err.slice(0, expected.messages.length)).toEqual(expected.messages);
      expect(code).toBe(expected.messages.some((m) => m.includes("  error  ")) ? 1 : 0);
    }
  });
});
