// Today's merge gives the same bytes as the code before issue 14's speed work (commit
// 53e708d): generated lists with the awkward cases, merged and written in every format,
// compared by SHA-256 with what that code wrote. The messages are compared too.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Reporter, formatMessage } from "../../src/report/index.js";
import { mergeSignatoryFiles, writeSignatories } from "../../src/signatories/index.js";
import { writeGeneratedLists } from "./generated.js";
import { tempDir } from "./helpers.js";

const sha256 = (bytes: Buffer | string) => createHash("sha256").update(bytes).digest("hex");

/** Written by 53e708d from `writeGeneratedLists(dir, 5000)`. */
const REFERENCE: Record<string, string> = {
  messages: "e9d1a51d77c0047a5f856c9bdaab25e1f843fa79f075700cfeb7c7933e3c7f93",
  csv: "052d689faf10377ea2934951fb0f8c632eff60bc3f5959e006d14b3fe7de5379",
  tsv: "6a0c488bfcc3b9e85fa7ebf4b36f0db784d6e9de72583634338c41e99c7399f4",
  json: "9be5968cde11ea1d7768c29190f3f70d54cd2551bb19815146f042b829d1e488",
  yaml: "44354bdcf7808843ad290f72a0ce38e6b04c8cf502b30ecc75904328241cf634",
};

describe("merge output against the code before the speed work", () => {
  it("writes the same bytes and the same messages for 20,000 generated rows", async () => {
    const dir = tempDir();
    const files = writeGeneratedLists(dir, 5000);
    const reporter = new Reporter();
    const list = await mergeSignatoryFiles(files.map((file) => ({ path: file })), reporter, { displayRoot: dir });
    const actual: Record<string, string> = { messages: sha256(reporter.messages.map((m) => formatMessage(m)).join("\n")) };
    for (const ext of ["csv", "tsv", "json", "yaml"]) {
      const out = path.join(dir, `merged.${ext}`);
      await writeSignatories(list, out);
      actual[ext] = sha256(readFileSync(out));
    }
    if (process.env.PRINT_REFERENCE) console.log(JSON.stringify({ ...actual, count: list.length, messageCount: reporter.messages.length }, null, 2));
    expect(actual).toEqual(REFERENCE);
  });
});
