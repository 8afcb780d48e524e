import { describe, expect, it } from "vitest";
import { charactersOf, dataCharacters, withoutLoneSurrogates } from "../../../src/render/pdf/check.js";

/** The characters found beyond the common ones (ASCII, Latin-1, dashes, quotes), which are always counted. */
const uncommon = (found: Set<string>) => [...found].filter((c) => c.codePointAt(0)! > 0xff && !"–—‘’‚“”„…".includes(c)).sort();

describe("PDF characters", () => {
  it("counts a surrogate pair as one character and a lone surrogate as itself, between any neighbours", () => {
    expect(uncommon(charactersOf("a😀b\ud800x\udc00 e\u0301 ᚠ😀😀\u{1F1F3}\u{1F1F4}\ud83d"))).toEqual(["\u0301", "ᚠ", "\ud800", "\ud83d", "\udc00", "😀", "\u{1F1F3}", "\u{1F1F4}"].sort());
  });

  it("reads a lone surrogate's JSON escape as the character, but not a backslash the user typed before u", () => {
    const json = JSON.stringify({ a: "Kari \ud800", b: "C:\\udfff", c: "x\\\udbff" });
    expect(uncommon(dataCharacters(json))).toEqual(["\ud800", "\udbff"]);
    expect(JSON.parse(withoutLoneSurrogates(json))).toEqual({ a: "Kari \ufffd", b: "C:\\udfff", c: "x\\\ufffd" });
  });
});
