import { stat } from "node:fs/promises";
import path from "node:path";
import { assemble } from "../assemble/index.js";
import type { AssembledDocument } from "../assemble/types.js";
import { t } from "../i18n/catalogue.js";
import { render, type Format } from "../render/index.js";
import { Reporter, type Message } from "../report/index.js";
import type { Workspace } from "../workspace/index.js";
import type { Page } from "./pages.js";
import { rememberingSignatoryLoader, type RememberingLoader } from "./signatories.js";
import { WorkspaceCache } from "./workspace-cache.js";

export type { Page } from "./pages.js";
export { WorkspaceCache } from "./workspace-cache.js";

export interface EngineBuild {
  /** Absolute path of the document. */
  document: string;
  /** The assembled document, or undefined when it has errors. */
  doc: AssembledDocument | undefined;
  /** The workspace the build used (blocks and templates), for listings beside the build. */
  workspace: Workspace;
  /** Warnings and errors (info left out), as `check` reports them. */
  messages: Message[];
  errors: number;
  ms: number;
}

export interface EngineOptions {
  /** ISO day for documents without a date and for deadline warnings. */
  today?: string;
}

/** The formats an export can ask for: the renderers' own, plus the archival PDF/A-2b. */
export type ExportFormat = Format | "pdfa";

/**
 * The resident engine of one workspace: the block index, the parsed blocks, each
 * document's signatory lists and the Typst compiler stay warm between builds, and a
 * build re-reads only the files that changed. Pages and exports come from the same
 * AssembledDocument the CLI builds, through the same renderers.
 */
export class Engine {
  private readonly cache: WorkspaceCache;
  private readonly signatoryLoaders = new Map<string, RememberingLoader>();
  /** Pages per assembled document: a build that did not change draws no new pages. */
  private readonly drawn = new WeakMap<AssembledDocument, Promise<Page[]>>();
  /** The last build per document and what it was built from. */
  private readonly builds = new Map<string, { inputs: string; build: EngineBuild }>();

  constructor(
    readonly root: string,
    private readonly options: EngineOptions = {},
  ) {
    this.cache = new WorkspaceCache(root);
  }

  /** Block files the last build parsed (the others came from the cache). */
  parsedLastTime(): number {
    return this.cache.parsedLastTime;
  }

  /** The workspace as it is on disk now (unchanged blocks from the cache). */
  async workspace(reporter = new Reporter()): Promise<Workspace> {
    return this.cache.load(reporter);
  }

  /**
   * Assembles the document as `opprop build` does. When nothing it reads changed since
   * the last build (the document, any block or template, its signatory files, the day),
   * that build is the answer: an export right after a keystroke does not assemble again.
   */
  async build(documentPath: string): Promise<EngineBuild> {
    const started = performance.now();
    const document = path.resolve(documentPath);
    const reporter = new Reporter();
    const documentStamp = await stat(document).then((s) => `${s.mtimeMs}:${s.size}`, () => "missing");
    const workspace = await this.cache.load(reporter);
    const loadSignatories = this.signatoryLoaders.get(document) ?? rememberingSignatoryLoader();
    this.signatoryLoaders.set(document, loadSignatories);
    const inputs = [documentStamp, this.cache.generation, this.options.today ?? new Date().toDateString()].join("|");
    const last = this.builds.get(document);
    if (last?.inputs === inputs && (await loadSignatories.unchanged())) return { ...last.build, messages: [...last.build.messages], ms: performance.now() - started };
    // A crash in one build shows like any other error; the next change tries again.
    const doc = await assemble(workspace, document, reporter, { today: this.options.today, loadSignatories }).catch((error: Error) => {
      reporter.error(path.relative(this.root, document), undefined, `could not build: ${error.stack ?? error.message}`, "internal");
      return undefined;
    });
    const confined = doc && this.logosInside(doc, reporter) ? doc : undefined;
    const messages = reporter.messages.filter((m) => m.severity !== "info");
    const build = { document, doc: confined, workspace, messages, errors: messages.filter((m) => m.severity === "error").length, ms: performance.now() - started };
    this.builds.set(document, { inputs, build: { ...build, messages: [...messages] } });
    return build;
  }

  /**
   * A sender's logo is read relative to the document when pages and exports are drawn;
   * the engine reads nothing outside the workspace, so a logo path that leaves it is an error.
   */
  private logosInside(doc: AssembledDocument, reporter: Reporter): boolean {
    const outside = doc.meta.from.filter((sender) => sender.logo && path.relative(this.root, path.resolve(path.dirname(doc.file), sender.logo)).startsWith(".."));
    for (const sender of outside) reporter.error(path.relative(this.root, doc.file), undefined, t("studio.logoOutsideWorkspace", { logo: sender.logo! }), "logo-path");
    return !outside.length;
  }

  /**
   * The document's pages as Typst lays them out for the PDF, one SVG each. Renderer
   * warnings (a logo that is not an image) are the export's to report, not the pages'.
   */
  pages(doc: AssembledDocument): Promise<Page[]> {
    let pages = this.drawn.get(doc);
    if (!pages) {
      // Loaded on first use, like the renderers: the HTML preview never loads the Typst engine.
      pages = import("./pages.js").then(({ renderPages }) => renderPages(doc, new Reporter()));
      this.drawn.set(doc, pages);
      pages.catch(() => this.drawn.delete(doc));
    }
    return pages;
  }

  /** The bytes `opprop build` writes for this format (`pdfa`: the PDF as PDF/A-2a, archival and accessible at once). */
  export(doc: AssembledDocument, format: ExportFormat, reporter = new Reporter()): Promise<Uint8Array> {
    if (format === "pdfa") return render(doc, "pdf", { reporter, pdfStandard: "a-2a" });
    return render(doc, format, { reporter });
  }
}
