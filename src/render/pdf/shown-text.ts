import type { Nodes, Root } from "mdast";
import { visit } from "unist-util-visit";
import type { AssembledDocument } from "../../assemble/types.js";
import type { Position } from "../../report/index.js";
import { describeSignatory } from "../../signatories/describe.js";

/** A piece of text the PDF shows, with where a user can find and fix it. */
export interface ShownText {
  text: string;
  file: string;
  position?: Position;
  /** What the text is, in the user's words: a field, a block, a signatory. */
  who: string;
}

/** Every text of the document that is laid out: frontmatter, body and notes (with positions), sources, signatories. */
export function* shownText(doc: AssembledDocument): Generator<ShownText> {
  const { meta, file } = doc;
  const field = (who: string, text: string | undefined): ShownText[] => (text ? [{ text, file, who }] : []);
  yield* field("title", meta.title);
  for (const r of meta.to) yield* [...field("to", r.name), ...field("to", r.address)];
  for (const s of meta.from) yield* [...field("from", s.name), ...field("from", s.address), ...field("from", s.orgnr)];
  yield* [...field("ref.ours", meta.ref.ours), ...field("ref.theirs", meta.ref.theirs)];
  const c = meta.consultation;
  if (c) yield* [...field("consultation.title", c.title), ...field("consultation.issuer", c.issuer), ...field("consultation.ref", c.ref), ...field("consultation.url", c.url)];
  for (const s of meta.signature) yield* [...field("signature", s.name), ...field("signature", s.role)];
  yield* treeText(doc, doc.body);
  for (const note of doc.footnotes) yield* treeText(doc, { type: "root", children: note.children } as Root);
  for (const s of doc.sources) yield* [s.title, s.publisher, s.date, s.url].filter((v): v is string => Boolean(v)).map((text) => ({ text, file, who: `source "${s.id}"` }));
  for (const s of [...doc.signatories.organisations, ...doc.signatories.persons]) {
    yield { text: describeSignatory(s), file: s.source.file, position: { line: s.source.line, column: 1 }, who: `«${s.name}»` };
  }
}

function* treeText(doc: AssembledDocument, tree: Root): Generator<ShownText> {
  const found: ShownText[] = [];
  visit(tree, (node: Nodes) => {
    if (!("value" in node) || typeof node.value !== "string" || node.type === "html") return;
    const blockId = (node.data as { blockId?: string } | undefined)?.blockId;
    const start = node.position?.start && { line: node.position.start.line, column: node.position.start.column };
    // A block's positions are lines of the block's own file, so they go with its id, not with the document's name.
    if (blockId) found.push({ text: node.value, file: doc.file, who: `block "${blockId}"${start ? ` ${start.line}:${start.column}` : ""}` });
    else found.push({ text: node.value, file: doc.file, position: start, who: "text" });
  });
  yield* found;
}
