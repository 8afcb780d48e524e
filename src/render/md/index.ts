import type { Heading, List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Text } from "mdast";
import { gfmToMarkdown } from "mdast-util-gfm";
import { toMarkdown, type Handle } from "mdast-util-to-markdown";
import { visit } from "unist-util-visit";
import type { AssembledDocument, Citation } from "../../assemble/types.js";
import { describeSignatory, personsInOrder } from "../../signatories/describe.js";
import { headingLevels } from "../headings.js";
import { consultationLines, referenceFields, sourceText } from "../letter-parts.js";
import type { RenderOptions } from "../types.js";

const text = (value: string): Text => ({ type: "text", value });
const paragraph = (...values: string[]): RootContent => ({ type: "paragraph", children: values.flatMap((v, i) => (i ? [{ type: "break" } as const, text(v)] : [text(v)])) });
const list = (items: string[], ordered = false): List => ({ type: "list", ordered, spread: false, children: items.map((item): ListItem => ({ type: "listItem", spread: false, children: [paragraph(item)] as never })) });
const heading = (depth: 1 | 2 | 3, value: string): RootContent => ({ type: "heading", depth, children: [text(value)] });

const citation: Handle = (node: Citation) => `[${node.number}]`;

/**
 * The assembled document as one Markdown file: blocks included, variables filled,
 * footnotes and sources numbered. Names and other data go in as text nodes, so the
 * serializer escapes anything that would read as Markdown.
 */
export async function render(doc: AssembledDocument, _options: RenderOptions): Promise<Uint8Array> {
  const { meta, labels, signatories } = doc;
  const children: RootContent[] = [];
  for (const sender of meta.from) children.push(paragraph(...[sender.name, sender.address, sender.orgnr && `${labels.orgnr} ${sender.orgnr}`].filter((v): v is string => Boolean(v))));
  children.push(paragraph(`${labels.to}:`), list(meta.to.map((r) => [r.name, r.address].filter(Boolean).join(", "))));
  children.push(paragraph(...referenceFields(doc).map(([label, value]) => `${label} ${value}`)));
  const consultation = consultationLines(doc);
  if (consultation.length) {
    // The address is a link node, so it reads as itself instead of being escaped as text.
    const lines = consultation.map((line): PhrasingContent[] => [text(line.label ? `${line.label}: ` : ""), line.url ? { type: "link", url: line.url, children: [text(line.value)] } : text(line.value)]);
    children.push({ type: "paragraph", children: lines.flatMap((line, i) => (i ? [{ type: "break" } as const, ...line] : line)) });
  }
  const levelOf = headingLevels(doc);
  const body = structuredClone(doc.body.children);
  visit({ type: "root", children: body } as Root, "heading", (node: Heading) => void (node.depth = levelOf(node.depth) as Heading["depth"]));
  children.push(heading(1, meta.title), ...body);
  if (doc.template.closing) {
    children.push(paragraph(labels.closing), ...meta.from.map((s) => paragraph(s.name)));
    for (const person of meta.signature) children.push(paragraph(...[person.name, person.role].filter((v): v is string => Boolean(v))));
  }
  if (doc.template.signatories && signatories.total) {
    children.push(heading(2, labels.signatories));
    if (signatories.organisations.length) children.push(heading(3, labels.organisations), list(signatories.organisations.map(describeSignatory)));
    if (signatories.persons.length || signatories.hiddenPersons) children.push(heading(3, labels.persons));
    if (signatories.persons.length) children.push(list(personsInOrder(signatories.persons, meta.personOrder).map(describeSignatory)));
    if (signatories.hiddenPersons) children.push(paragraph(labels.hiddenPersons(signatories.hiddenPersons)));
  }
  for (const footnote of doc.footnotes) children.push({ type: "footnoteDefinition", identifier: String(footnote.number), label: String(footnote.number), children: structuredClone(footnote.children) });
  if (doc.sources.length) {
    const sources = list(doc.sources.map((s) => sourceText(doc, s)), true);
    // A URL is a link node, so it stays clickable instead of being escaped as text.
    sources.children.forEach((item, i) => {
      const url = doc.sources[i].url;
      if (url) (item.children[0] as Paragraph).children.push(text(". "), { type: "link", url, children: [text(url)] });
    });
    children.push(heading(2, labels.sources), sources);
  }
  children.push(paragraph(`${labels.version} ${doc.fingerprint}`));
  const root: Root = { type: "root", children: renumberFootnoteReferences(children, doc) };
  const markdown = toMarkdown(root, { extensions: [gfmToMarkdown()], handlers: { citation } as never, bullet: "-", emphasis: "_", rule: "-" });
  return new TextEncoder().encode(markdown);
}

/** Footnote references keep their block-qualified ids in the tree; Markdown shows their numbers. */
function renumberFootnoteReferences(nodes: RootContent[], doc: AssembledDocument): RootContent[] {
  const numberOf = new Map(doc.footnotes.map((f) => [f.id, String(f.number)]));
  const walk = (node: RootContent) => {
    if (node.type === "footnoteReference") node.identifier = node.label = numberOf.get(node.identifier) ?? node.identifier;
    if ("children" in node) (node.children as RootContent[]).forEach(walk);
  };
  nodes.forEach(walk);
  return nodes;
}
