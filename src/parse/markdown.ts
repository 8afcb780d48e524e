import type { Root, Yaml } from "mdast";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";

const processor = unified().use(remarkParse).use(remarkFrontmatter, ["yaml"]).use(remarkGfm);

export interface ParsedMarkdown {
  tree: Root;
  /** The YAML frontmatter node, if the file starts with `---`. */
  frontmatter?: Yaml;
}

/** Markdown with YAML frontmatter and GFM (tables, footnotes) into mdast with positions. */
export function parseMarkdown(source: string): ParsedMarkdown {
  const tree = processor.parse(source) as Root;
  const first = tree.children[0];
  if (first?.type === "yaml") {
    tree.children.shift();
    return { tree, frontmatter: first };
  }
  return { tree };
}
