import path from "node:path";
import type { Element } from "hast";
import { assemble } from "../assemble/index.js";
import { documentToHast } from "../render/html/index.js";
import { formatMessage, Reporter, type Message } from "../report/index.js";
import { findWorkspaceRoot } from "../workspace/index.js";
import { WorkspaceCache } from "./cache.js";
import { rememberingSignatoryLoader } from "./signatories.js";

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
  const cache = new WorkspaceCache(root);
  const loadSignatories = rememberingSignatoryLoader();
  let generation = 0;
  let lastGood: Pick<PreviewState, "article" | "title" | "lang"> = { article: undefined, title: path.basename(document), lang: "nb" };

  return {
    root,
    document,
    parsedLastTime: () => cache.parsedLastTime,
    async rebuild() {
      const started = performance.now();
      const reporter = new Reporter();
      const workspace = await cache.load(reporter);
      // A crash in one rebuild shows on the page like any other error; the next save tries again.
      const doc = await assemble(workspace, document, reporter, { today: options.today, loadSignatories }).catch((error: Error) => {
        reporter.error(path.relative(root, document), undefined, `could not build: ${error.stack ?? error.message}`, "internal");
        return undefined;
      });
      if (doc) {
        const tree = documentToHast(doc, { reporter });
        lastGood = { article: tree.children[0] as Element, title: doc.meta.title, lang: doc.meta.lang };
      }
      const relevant = reporter.messages.filter((m) => m.severity !== "info");
      return {
        ...lastGood,
        generation: ++generation,
        stale: !doc,
        messages: relevant.map((m: Message) => formatMessage(m)),
        errors: relevant.filter((m) => m.severity === "error").length,
        ms: performance.now() - started,
      };
    },
  };
}
