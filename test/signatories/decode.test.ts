// The CSV reader decodes without iconv-lite (too slow to import on every build); these
// compare its tables and its UTF-16BE path with iconv-lite, which stays a dev check here.
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { CP1252_HIGH, decode } from "../../src/signatories/readers/delimited.js";

describe("decoding signatory files like iconv-lite", () => {
  it("maps Windows-1252's 0x80–0x9F as iconv-lite does", () => {
    expect(CP1252_HIGH).toBe(iconv.decode(Buffer.from(Array.from({ length: 32 }, (_, i) => 0x80 + i)), "windows-1252"));
  });

  it("decodes UTF-16BE, lone surrogates and an odd last byte included, as iconv-lite does", () => {
    for (const bytes of [[0, 0x41, 0xd8, 0x00], [0, 0x41, 0x00], [0xd8, 0x3d, 0xde, 0x00, 0, 0x42], [0xdc, 0, 0, 0x41], [0x00], [], [0, 0xe6, 0, 0xf8, 0, 0xe5]]) {
      const body = Buffer.from(bytes);
      expect(decode(Buffer.concat([Buffer.from([0xfe, 0xff]), body]))).toBe(iconv.decode(body, "utf16-be"));
    }
  });
});
