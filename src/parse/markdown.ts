import type { Root, Yaml } from "mdast";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { visit } from "unist-util-visit";

const processor = unified().use(remarkParse).use(remarkFrontmatter, ["yaml"]).use(remarkGfm);

export interface ParsedMarkdown {
  tree: Root;
  /** The YAML frontmatter node, if the file starts with `---`. */
  frontmatter?: Yaml;
}

/** Markdown with YAML frontmatter and GFM (tables, footnotes) into mdast with positions. */
export function parseMarkdown(source: string): ParsedMarkdown {
  // Lines keep their numbers; only a Windows CR, which text nodes would carry into HTML and Markdown, goes.
  const tree = processor.parse(source.replace(/\r\n?/g, "\n")) as Root;
  cellBreaks(tree);
  const first = tree.children[0];
  if (first?.type === "yaml") {
    tree.children.shift();
    return { tree, frontmatter: first };
  }
  return { tree };
}

/** GFM has no line break inside a table cell but `<br>`: it is one there, not literal HTML. */
function cellBreaks(tree: Root): void {
  visit(tree, "html", (node, index, parent) => {
    if (parent?.type === "tableCell" && index !== undefined && /^<br\s*\/?>$/i.test(node.value)) parent.children[index] = { type: "break", position: node.position };
  });
}

const FRONTMATTER = /^---[ \t]*(?:\r\n|\r|\n)(?:([\s\S]*?)(?:\r\n|\r|\n))??---[ \t]*(?:\r\n|\r|\n|$)/;

/**
 * The YAML frontmatter node alone, found the way remark-frontmatter finds it but
 * without parsing the Markdown after it: listing a workspace needs every block's
 * frontmatter, and only the bodies of the blocks a document includes.
 */
export function readFrontmatterNode(source: string): Yaml | undefined {
  const match = FRONTMATTER.exec(source);
  if (!match) return undefined;
  return { type: "yaml", value: (match[1] ?? "").replace(/\r\n?/g, "\n"), position: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: match[0].length } } };
}
