import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { collator, compareNorwegian, sortSignatories, type Signatory } from "../../src/signatories/index.js";
import { primaryKey } from "../../src/signatories/sort.js";

const sign = (name: string, organisation?: string): Signatory => ({ type: "person", name, organisation, publish: true, source: { file: "x", line: 1 }, extra: {} });

describe("Norwegian order", () => {
  it("puts Æ, Ø, Å last and in that order, with Aa as Å", () => {
    const names = ["Åse", "Øystein", "Ærle", "Zahl", "Aasen", "Berg", "Ødegård", "Anne", "ærlig", "Ås", "Ørsta", "Ändra"];
    expect(sortSignatories(names.map((n) => sign(n))).map((s) => s.name)).toEqual([
      // Ä files as Æ, Ö as Ø; "Aasen" is "Åsen", after "Åse".
      "Anne", "Berg", "Zahl", "Ändra", "Ærle", "ærlig", "Ødegård", "Ørsta", "Øystein", "Ås", "Åse", "Aasen",
    ]);
  });

  it("sorts equal names by organisation and otherwise keeps input order", () => {
    const list = [sign("Kari", "Øst"), sign("Kari", "Vest"), sign("Kari", "Vest")];
    list[2].source.line = 2;
    expect(sortSignatories(list).map((s) => [s.organisation, s.source.line])).toEqual([["Vest", 1], ["Vest", 2], ["Øst", 1]]);
  });

  it("sorts whole lists as the collator does: name, organisation, place, then input order", () => {
    const text = fc.array(fc.constantFrom(..."aAåÅæøoOzZ é-\u0301", "aa", "Aa"), { maxLength: 4 }).map((parts) => parts.join(""));
    const row = fc.record({ name: text, organisation: fc.option(text, { nil: undefined }), place: fc.option(text, { nil: undefined }) });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), (rows) => {
        const list = rows.map((r, line) => ({ ...sign(r.name, r.organisation), place: r.place, source: { file: "x", line } }));
        const expected = [...list].sort(
          (a, b) =>
            collator.compare(a.name, b.name) ||
            collator.compare(a.organisation ?? "", b.organisation ?? "") ||
            collator.compare(a.place ?? "", b.place ?? ""),
        );
        expect(sortSignatories(list).map((s) => s.source.line)).toEqual(expected.map((s) => s.source.line));
      }),
      { numRuns: 2000 },
    );
  });

  // From 2,000 rows the primary keys decide (short lists go to the collator alone); with
  // every name keyed and with some that have no key, the order must be the collator's.
  it("sorts long lists as the collator does, with and without names that have no key", () => {
    // Short names from few letters: many equal keys (case, accents), keys that are prefixes of others, long runs.
    // No part ends in a or A: "a" + "å" is "aa" + ring to ICU, a name the keys leave to the collator.
    const part = fc.constantFrom(..."ÅæøoOzZ éè-", "Ås", "ås", "Aase", "aase", "AAse", "Kari ", "Nordmann");
    const keyed = fc.oneof(fc.array(part, { maxLength: 3 }), fc.array(part, { maxLength: 9 })).map((parts) => parts.join(""));
    const row = (text: fc.Arbitrary<string>) => fc.record({ name: text, organisation: fc.option(fc.constantFrom("Øst", "vest", "Vest"), { nil: undefined }) });
    for (const [text, allKeyed] of [[keyed, true], [fc.oneof(keyed, keyed.map((t) => `${t}ß`)), false]] as const) {
      fc.assert(
        fc.property(fc.array(row(text), { minLength: 2000, maxLength: 2500 }), (rows) => {
          const list = rows.map((r, line) => ({ ...sign(r.name, r.organisation), source: { file: "x", line } }));
          if (allKeyed) expect(list.every((s) => primaryKey(s.name) !== undefined)).toBe(true);
          const expected = [...list].sort((a, b) => collator.compare(a.name, b.name) || collator.compare(a.organisation ?? "", b.organisation ?? ""));
          expect(sortSignatories(list).map((s) => s.source.line)).toEqual(expected.map((s) => s.source.line));
        }),
        { numRuns: 15 },
      );
    }
  });

  // The fast primary keys must order exactly as ICU's "nb" collation does.
  it("agrees with Intl.Collator('nb') on any string", () => {
    const alphabet = fc.constantFrom(..."aAbeEoOzZæÆøØåÅäöüé -'.,&()/0912\u0301\u00a0ß".split(""), "aa", "Aa", "AA", "aA");
    const text = fc.array(alphabet, { maxLength: 8 }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(text, text, (a, b) => Math.sign(compareNorwegian(a, b)) === Math.sign(collator.compare(a, b))),
      { numRuns: 20000 },
    );
  });
});
