import type { Heading } from "mdast";
import { visit } from "unist-util-visit";
import type { AssembledDocument } from "../assemble/types.js";

/** The deepest heading level every format has a style or tag for (h6, "heading 6"). */
export const DEEPEST_HEADING = 6;

/**
 * One heading mapping for every format: the letter's title is the only level 1, and the
 * body's headings keep their relative depth under it, its shallowest heading becoming
 * level 2. So `#` and `##` in the body are levels 2 and 3, and a body that starts at
 * `##` still has no gap below the title. The signatory list and the source list are level 2.
 */
export function headingLevels(doc: AssembledDocument): (depth: number) => number {
  let shallowest = DEEPEST_HEADING;
  visit(doc.body, "heading", (node: Heading) => void (shallowest = Math.min(shallowest, node.depth)));
  return (depth) => Math.min(depth - shallowest + 2, DEEPEST_HEADING);
}
