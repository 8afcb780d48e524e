import path from "node:path";
import { assemble, type AssembleOptions } from "../assemble/index.js";
import { t } from "../i18n/catalogue.js";
import type { AssembledDocument } from "../assemble/types.js";
import { render, type Format } from "../render/index.js";
import type { PdfStandard } from "../render/types.js";
import type { Reporter } from "../report/index.js";
import { findWorkspaceRoot, loadWorkspace, type Workspace } from "../workspace/index.js";
import { writeFileAtomic } from "./write.js";
import { writeProblem } from "../report/file-problem.js";

function errorCount(reporter: Reporter): number {
  return reporter.messages.filter((m) => m.severity === "error").length;
}

/** Assembles each document against its own workspace; a bad document is reported and skipped. */
export async function assembleDocuments(documents: string[], reporter: Reporter, options: AssembleOptions = {}): Promise<AssembledDocument[]> {
  const workspaces = new Map<string, Promise<Workspace>>();
  const assembled: AssembledDocument[] = [];
  for (const document of documents) {
    const root = await findWorkspaceRoot(path.dirname(document));
    if (!workspaces.has(root)) workspaces.set(root, loadWorkspace(root, reporter));
    const doc = await assemble(await workspaces.get(root)!, document, reporter, options);
    if (doc) assembled.push(doc);
  }
  return assembled;
}

export interface BuildOptions extends AssembleOptions {
  formats: Format[];
  outDir: string;
  pdfStandard?: PdfStandard;
  /** Called before each slow step, for a progress line. */
  onProgress?: (text: string) => void;
}

export interface BuiltFile {
  file: string;
  bytes: number;
  ms: number;
}

/**
 * Assembles and renders every document to every format; writes each file atomically. A document
 * is written in all its formats or in none: when one format fails, the others are not written
 * either, so out/ never holds a DOCX beside the PDF that could not be made.
 */
export async function buildDocuments(documents: string[], reporter: Reporter, options: BuildOptions): Promise<BuiltFile[]> {
  const built: BuiltFile[] = [];
  for (const doc of await assembleDocuments(documents, reporter, options)) {
    const errorsBefore = errorCount(reporter);
    const rendered: { file: string; bytes: Uint8Array; ms: number }[] = [];
    for (const format of options.formats) {
      const file = path.join(options.outDir, `${doc.name}.${format}`);
      options.onProgress?.(`${doc.name}.${format}`);
      const started = performance.now();
      try {
        const bytes = await render(doc, format, { reporter, pdfStandard: options.pdfStandard });
        rendered.push({ file, bytes, ms: performance.now() - started });
      } catch (error) {
        reporter.error(path.relative(process.cwd(), doc.file) || doc.file, undefined, t("cli.renderFailed", { format, reason: (error as Error).message }), "render");
      }
    }
    if (errorCount(reporter) > errorsBefore) continue;
    for (const { file, bytes, ms } of rendered) {
      const started = performance.now();
      try {
        await writeFileAtomic(file, bytes);
        built.push({ file, bytes: bytes.byteLength, ms: ms + performance.now() - started });
      } catch (error) {
        reporter.error(path.relative(process.cwd(), file), undefined, writeProblem(error), "write");
      }
    }
  }
  return built;
}
