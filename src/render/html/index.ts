import type { Element, ElementContent, Root as HastRoot } from "hast";
import { toHtml } from "hast-util-to-html";
import { h } from "hastscript";
import type { Heading, Nodes } from "mdast";
import { toHast, type Handlers, type State } from "mdast-util-to-hast";
import type { AssembledDocument, Citation } from "../../assemble/types.js";
import { languageTag } from "../../i18n/index.js";
import { describeSignatory, personsInOrder } from "../../signatories/describe.js";
import { headingLevels } from "../headings.js";
import { consultationLines, referenceFields, sourceText } from "../letter-parts.js";
import type { RenderOptions } from "../types.js";
import { STYLESHEET } from "./style.js";

/**
 * mdast → hast with one handler per node type (mdast-util-to-hast's, plus ours for
 * citations); every text, including names and variable values, becomes a hast text
 * node, so the serializer escapes it — nothing is ever pasted in as markup.
 */
function handlersFor(doc: AssembledDocument): Handlers {
  const numberOf = new Map(doc.footnotes.map((f) => [f.id, f.number]));
  const levelOf = headingLevels(doc);
  return {
    heading: (state: State, node: Heading): Element => h(`h${levelOf(node.depth)}`, state.all(node)),
    citation: (_state: State, node: Citation): Element =>
      h("sup", { className: ["citation"] }, h("a", { href: `#source-${node.number}` }, `[${node.number}]`)),
    footnoteReference: (_state: State, node: { identifier: string }): Element => {
      const n = numberOf.get(node.identifier);
      return h("sup", { className: ["footnote-ref"] }, h("a", { href: `#fn-${n}`, id: `fnref-${n}` }, String(n)));
    },
  };
}

export function bodyToHast(doc: AssembledDocument, options: RenderOptions, nodes: Nodes): ElementContent[] {
  const tree = toHast(nodes, {
    handlers: handlersFor(doc),
    allowDangerousHtml: false,
    unknownHandler: (_state, node) => {
      options.reporter.warn(doc.file, node.position?.start, `the HTML renderer does not know node type "${node.type}"`, "unknown-node");
      return undefined;
    },
  });
  return (tree.type === "root" ? tree.children : [tree]) as ElementContent[];
}

/** The letter as a standalone, accessible HTML page (also what the preview and sign-on page show). */
export function documentToHast(doc: AssembledDocument, options: RenderOptions): HastRoot {
  const { meta, labels } = doc;
  const label = doc.template.label[meta.lang];
  const article = h("article", { className: ["opprop-document", `template-${doc.template.name}`] }, [
    meta.from.length ? h("header", { className: ["letterhead"] }, meta.from.map((sender) => h("div", { className: ["sender"] }, [h("strong", sender.name), sender.address ? h("div", sender.address) : null, sender.orgnr ? h("div", `${labels.orgnr} ${sender.orgnr}`) : null]))) : null,
    h("section", { className: ["recipients"], ariaLabel: labels.to }, [h("p", { className: ["label"] }, labels.to), h("ul", meta.to.map((r) => h("li", [r.name, r.address ? h("br") : null, r.address ?? null])))]),
    h("dl", { className: ["refs"] }, [
      ...referenceFields(doc).flatMap(([label, value]) => [h("dt", label), h("dd", label === labels.date ? h("time", { dateTime: meta.date }, value) : value)]),
    ]),
    meta.consultation
      ? h("section", { className: ["consultation"] }, consultationLines(doc).map((line) => h("p", [line.label ? `${line.label}: ` : null, line.url ? h("a", { href: line.url }, line.value) : line.value])))
      : null,
    label ? h("p", { className: ["document-label"] }, label) : null,
    h("h1", meta.title),
    h("div", { className: ["body"] }, bodyToHast(doc, options, doc.body)),
    doc.template.closing ? closingToHast(doc) : null,
    doc.template.signatories && doc.signatories.total ? signatoriesToHast(doc) : null,
    doc.footnotes.length
      ? h("section", { className: ["footnotes"], ariaLabel: labels.footnotes }, [h("h2", labels.footnotes), h("ol", doc.footnotes.map((f) => h("li", { id: `fn-${f.number}` }, [...bodyToHast(doc, options, { type: "root", children: f.children }), h("a", { href: `#fnref-${f.number}`, ariaLabel: "tilbake" }, "↩")])))])
      : null,
    doc.sources.length ? h("section", { className: ["sources"] }, [h("h2", labels.sources), h("ol", doc.sources.map((s) => h("li", { id: `source-${s.number}` }, sourceParts(doc, s))))]) : null,
    h("footer", [`${labels.version} `, h("code", doc.fingerprint)]),
  ]);
  return { type: "root", children: [article] };
}

function closingToHast(doc: AssembledDocument): Element {
  const { meta, labels } = doc;
  return h("section", { className: ["closing"] }, [
    h("p", labels.closing),
    ...meta.from.map((sender) => h("p", h("strong", sender.name))),
    meta.signature.length ? h("ul", { className: ["signature"] }, meta.signature.map((s) => h("li", [s.name, s.role ? h("br") : null, s.role ?? null]))) : null,
  ]);
}

function signatoriesToHast(doc: AssembledDocument): Element {
  const { signatories, labels } = doc;
  return h("section", { className: ["signatories"] }, [
    h("h2", labels.signatories),
    signatories.organisations.length ? h("h3", labels.organisations) : null,
    signatories.organisations.length ? h("ul", signatories.organisations.map((s) => h("li", describeSignatory(s)))) : null,
    signatories.persons.length || signatories.hiddenPersons ? h("h3", labels.persons) : null,
    signatories.persons.length ? h("ul", personsInOrder(signatories.persons, doc.meta.personOrder).map((s) => h("li", describeSignatory(s)))) : null,
    signatories.hiddenPersons ? h("p", { className: ["hidden-persons"] }, labels.hiddenPersons(signatories.hiddenPersons)) : null,
  ]);
}

export function sourceParts(doc: AssembledDocument, s: AssembledDocument["sources"][number]): ElementContent[] {
  const text = sourceText(doc, s);
  return s.url ? [{ type: "text", value: `${text}. ` }, h("a", { href: s.url }, s.url)] : [{ type: "text", value: text }];
}

export async function render(doc: AssembledDocument, options: RenderOptions): Promise<Uint8Array> {
  const page = h("html", { lang: languageTag(doc.meta.lang) }, [
    h("head", [h("meta", { charSet: "utf-8" }), h("meta", { name: "viewport", content: "width=device-width, initial-scale=1" }), h("meta", { name: "opprop-version", content: doc.fingerprint }), h("title", doc.meta.title), h("style", STYLESHEET)]),
    h("body", h("main", documentToHast(doc, options).children as ElementContent[])),
  ]);
  return new TextEncoder().encode("<!doctype html>\n" + toHtml(page) + "\n");
}
