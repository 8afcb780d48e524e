// Today's merge gives the same bytes as the code before issue 14's speed work (commit
// 53e708d): generated lists with the awkward cases, merged and written in every format,
// compared by SHA-256 with what that code wrote. The messages are compared too. Both
// ways of writing are checked: the sorted list, and the list as read plus its order.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Reporter, formatMessage } from "../../src/report/index.js";
import { mergeSignatoryFiles, readSignatoryFiles, writeSignatories } from "../../src/signatories/index.js";
import { writeGeneratedLists } from "./generated.js";
import { tempDir } from "./helpers.js";

const sha256 = (bytes: Buffer | string) => createHash("sha256").update(bytes).digest("hex");

/** Written by 53e708d from `writeGeneratedLists(dir, 5000)`: all four files, and the two whose columns shadow no field. */
const REFERENCE = {
  all: {
    // Messages are no longer 53e708d's: issue 12 reworded them (it failed since that merge) and the
    // "column also means" info now carries its header line (file:1:1). The written bytes are 53e708d's.
    messages: "704ed284dfe845f489ac200a8674882c5ce43d5fea3acf7e3ef4573f734487c2",
    csv: "052d689faf10377ea2934951fb0f8c632eff60bc3f5959e006d14b3fe7de5379",
    tsv: "6a0c488bfcc3b9e85fa7ebf4b36f0db784d6e9de72583634338c41e99c7399f4",
    json: "9be5968cde11ea1d7768c29190f3f70d54cd2551bb19815146f042b829d1e488",
    yaml: "44354bdcf7808843ad290f72a0ce38e6b04c8cf502b30ecc75904328241cf634",
  },
  plain: {
    messages: "bb4f54fe6536f54cc37679a57e259695451a451359e476ab41ab054ea20a580f",
    csv: "7f2d8cfc7e94866805ba8d98915684191b681ff6bcfe959858333778436d1d16",
    tsv: "46496df4e5890bc5b664b3d73aeb3ee0bd6bb8d532253713f1d0d4109ae0c063",
    json: "612890f2ff6f7b3e81c3ac70e45aeb685dac88a1251a4199821311abbd2b47ef",
    yaml: "7b39dca547cdf5fa1ac4c84ba21349cfcf6547666d0d3ecb13e56e8b665fb092",
  },
};

type Write = (files: string[], reporter: Reporter, dir: string, out: string) => Promise<void>;

const sorted: Write = async (files, reporter, dir, out) => {
  await writeSignatories(await mergeSignatoryFiles(files.map((file) => ({ path: file })), reporter, { displayRoot: dir }), out);
};
const asRead: Write = async (files, reporter, dir, out) => {
  const { signatories, order } = await readSignatoryFiles(files.map((file) => ({ path: file })), reporter, { displayRoot: dir });
  await writeSignatories(signatories, out, order);
};

async function hashes(pick: (files: string[]) => string[], write: Write): Promise<Record<string, string>> {
  const dir = tempDir();
  const files = pick(writeGeneratedLists(dir, 5000));
  const actual: Record<string, string> = {};
  for (const ext of ["csv", "tsv", "json", "yaml"]) {
    const reporter = new Reporter();
    const out = path.join(dir, `merged.${ext}`);
    await write(files, reporter, dir, out);
    actual.messages = sha256(reporter.messages.map((m) => formatMessage(m)).join("\n"));
    actual[ext] = sha256(readFileSync(out));
  }
  if (process.env.PRINT_REFERENCE) console.log(JSON.stringify(actual));
  return actual;
}

describe("merge output against the code before the speed work", () => {
  const all = (files: string[]) => files;
  // No column in these two is named like a field, so rows take the writer's fast path.
  const plain = (files: string[]) => [files[0], files[2]];
  for (const [name, write] of [["the sorted list", sorted], ["the list as read plus its order", asRead]] as const) {
    it(`writes the same bytes and messages for 20,000 generated rows, from ${name}`, async () => {
      expect(await hashes(all, write)).toEqual(REFERENCE.all);
      expect(await hashes(plain, write)).toEqual(REFERENCE.plain);
    });
  }
});
