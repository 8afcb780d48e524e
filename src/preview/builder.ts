import path from "node:path";
import type { Element } from "hast";
import { documentToHast } from "../render/html/index.js";
import { Engine } from "../engine/index.js";
import { formatMessage, Reporter } from "../report/index.js";
import { findWorkspaceRoot } from "../workspace/index.js";

export interface PreviewState {
  /** Counts up with every rebuild; the page compares it to know it is stale. */
  generation: number;
  title: string;
  lang: string;
  /** The rendered letter (an `<article>`), or the last good one while the document has errors. */
  article: Element | undefined;
  /** True when `article` is from an earlier build because this one failed. */
  stale: boolean;
  /** `file:line:col  severity  text` lines, as the CLI prints them. */
  messages: string[];
  errors: number;
  ms: number;
}

export interface PreviewBuilder {
  root: string;
  document: string;
  rebuild(): Promise<PreviewState>;
  /** Block files parsed by the last rebuild (the others came from the cache). */
  parsedLastTime(): number;
}

/** Assembles and renders one document again and again, reusing every unchanged block. */
export async function createPreviewBuilder(documentPath: string, options: { today?: string } = {}): Promise<PreviewBuilder> {
  const document = path.resolve(documentPath);
  const root = await findWorkspaceRoot(path.dirname(document));
  const engine = new Engine(root, { today: options.today });
  let generation = 0;
  let lastGood: Pick<PreviewState, "article" | "title" | "lang"> = { article: undefined, title: path.basename(document), lang: "nb" };

  return {
    root,
    document,
    parsedLastTime: () => engine.parsedLastTime(),
    async rebuild() {
      const started = performance.now();
      const { doc, messages } = await engine.build(document);
      // The HTML renderer's own warnings (an unknown node) belong beside the build's.
      const rendering = new Reporter();
      if (doc) {
        const tree = documentToHast(doc, { reporter: rendering });
        lastGood = { article: tree.children[0] as Element, title: doc.meta.title, lang: doc.meta.lang };
      }
      const relevant = [...messages, ...rendering.messages.filter((m) => m.severity !== "info")];
      return {
        ...lastGood,
        generation: ++generation,
        stale: !doc,
        messages: relevant.map((m) => formatMessage(m)),
        errors: relevant.filter((m) => m.severity === "error").length,
        ms: performance.now() - started,
      };
    },
  };
}
