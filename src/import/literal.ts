import type { Nodes } from "mdast";
import { visit } from "unist-util-visit";

/**
 * Text that came from outside (a Word file, a consulted document's headings) must
 * stay text in a block or document: `\{{` is Handlebars' escape, so a `{{x}}` in a
 * Word draft shows as `{{x}}` instead of becoming a placeholder. The Markdown
 * serializer escapes everything else (`**`, `<`, `#`, `]`).
 */
export function keepLiteral(tree: Nodes): void {
  visit(tree, "text", (node) => {
    node.value = node.value.replaceAll("{{", "\\{{");
  });
}
