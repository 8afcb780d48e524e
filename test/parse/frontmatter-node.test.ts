import fc from "fast-check";
import { it, expect } from "vitest";
import { parseMarkdown, readFrontmatterNode } from "../../src/parse/markdown.js";
it("finds the same frontmatter as remark-frontmatter, without parsing the body", () => {
  const piece = fc.constantFrom("---", "--- ", "----", "\n", "\r\n", "\r", "a: 1", " ", "\t", "x", "# h", "...", "-");
  fc.assert(fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
    const source = parts.join("");
    expect(readFrontmatterNode(source)?.value).toEqual(parseMarkdown(source).frontmatter?.value);
  }), { numRuns: 3000 });
});
