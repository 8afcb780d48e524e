/**
 * Block and document frontmatter (`readFrontmatter` with the zod schemas): any text
 * either reads or is refused with errors placed inside the file; valid frontmatter
 * reads back the values that were written.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import type { z } from "zod";
import { readFrontmatter } from "../../src/parse/frontmatter.js";
import { parseMarkdown } from "../../src/parse/markdown.js";
import { Reporter } from "../../src/report/index.js";
import { BLOCK_KINDS, blockFrontmatterSchema } from "../../src/schema/block.js";
import { documentFrontmatterSchema } from "../../src/schema/document.js";
import { fuzzOptions, nastyText, RUNS, timeoutFor } from "./arbitraries.js";
import { unplacedErrors } from "./messages.js";

const FILE = "documents/fuzz.md";
const SCHEMAS = { block: blockFrontmatterSchema, document: documentFrontmatterSchema } as const;

/** Reads `source` as a Markdown file; returns what a property needs to judge it. */
function read(source: string, schema: keyof typeof SCHEMAS) {
  const reporter = new Reporter();
  const { frontmatter } = parseMarkdown(source);
  const value = readFrontmatter(FILE, frontmatter, SCHEMAS[schema], reporter);
  return { value, reporter, problems: unplacedErrors(reporter.messages, { [FILE]: source }) };
}

function judge<K extends keyof typeof SCHEMAS>(source: string, schema: K): z.output<(typeof SCHEMAS)[K]> | undefined {
  const { value, reporter, problems } = read(source, schema);
  expect(problems).toEqual([]);
  // Either a value and no errors, or no value and at least one error: never both, never neither.
  expect(value === undefined).toBe(reporter.hasErrors);
  return value as z.output<(typeof SCHEMAS)[K]> | undefined;
}

/** Values of every YAML shape: scalars of all kinds, nested lists and maps. */
const yamlValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    nastyText(5),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.date({ noInvalidDate: true }),
    fc.array(tie("value"), { maxLength: 3 }),
    fc.dictionary(fc.oneof(fc.constantFrom("name", "address", "file", "group", "id", "title", "url", "ours", "theirs"), nastyText(2)), tie("value"), { maxKeys: 3 }),
  ),
})).value;

const keysOf = (schema: keyof typeof SCHEMAS) => Object.keys(SCHEMAS[schema].shape);

describe.each(["block", "document"] as const)("%s frontmatter", (schema) => {
  it(
    "any text between the fences reads or is refused at a place in the file",
    () => {
      const yamlText = fc.array(fc.oneof(nastyText(6), fc.constantFrom(...keysOf(schema)).map((k) => `${k}: `)), { maxLength: 8 }).map((lines) => lines.join("\n"));
      fc.assert(
        fc.property(yamlText, nastyText(4), (yaml, body) => {
          judge(`---\n${yaml}\n---\n${body}`, schema);
        }),
        fuzzOptions(),
      );
    },
    timeoutFor(RUNS, 2),
  );

  it(
    "any YAML mapping over the schema's keys (and others) reads or is refused at a place in the file",
    () => {
      const mapping = fc.dictionary(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...keysOf(schema)) }, nastyText(2)), yamlValue, { maxKeys: 8 });
      fc.assert(
        fc.property(mapping, fc.constantFrom("\n", "\r\n"), (data, eol) => {
          const yaml = stringify(data).replace(/\n/g, eol);
          judge(`---${eol}${yaml}---${eol}Tekst.${eol}`, schema);
        }),
        fuzzOptions(),
      );
    },
    timeoutFor(RUNS, 3),
  );
});

describe("valid frontmatter", () => {
  // Not ending in a line break: as the last YAML value (a `|+` block) it would lose one to the closing
  // fence — remark-frontmatter drops the line ending before `---`. Harmless, and not ours to change.
  const text = nastyText(5).filter((s) => s.length > 0 && !/[\r\n]$/.test(s));
  const isoDay = fc.date({ min: new Date("1900-01-01"), max: new Date("2199-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  const recipient = fc.oneof(text, fc.record({ name: text, address: fc.option(text, { nil: undefined }) }, { requiredKeys: ["name"] }));
  // "__proto__" is refused on purpose (test/assemble), so it is no valid name here.
  const variableName = fc.string({ minLength: 1 }).filter((name) => name !== "__proto__");

  it(
    "a document reads back the values written",
    () => {
      const document = fc.record(
        { template: text, title: text, lang: fc.constantFrom("nb", "nn", "en"), date: isoDay, to: fc.array(recipient, { minLength: 1, maxLength: 3 }), vars: fc.dictionary(variableName, fc.oneof(text, fc.integer())) },
        { requiredKeys: ["template", "title", "to"] },
      );
      fc.assert(
        fc.property(document, (data) => {
          const value = judge(`---\n${stringify(data)}---\n`, "document");
          expect(value).toBeDefined();
          expect(value!.title).toBe(data.title);
          expect(value!.to.map((r) => r.name)).toEqual(data.to.map((r) => (typeof r === "string" ? r : r.name)));
          expect(value!.date).toBe(data.date);
          expect(value!.vars).toEqual(data.vars ?? {});
        }),
        fuzzOptions(),
      );
    },
    timeoutFor(RUNS, 3),
  );

  it(
    "a block reads back the values written",
    () => {
      const block = fc.record(
        { title: text, kind: fc.constantFrom(...BLOCK_KINDS), tags: fc.array(text, { maxLength: 3 }), requires: fc.array(fc.stringMatching(/^[a-z]+(\.[a-z]+)?$/), { maxLength: 3 }) },
        { requiredKeys: ["title", "kind"] },
      );
      fc.assert(
        fc.property(block, (data) => {
          const value = judge(`---\n${stringify(data)}---\n`, "block");
          expect(value).toMatchObject({ title: data.title, kind: data.kind, tags: data.tags ?? [], requires: data.requires ?? [] });
        }),
        fuzzOptions(),
      );
    },
    timeoutFor(RUNS, 3),
  );
});
