import path from "node:path";
import { assemble, type AssembleOptions } from "../assemble/index.js";
import { t } from "../i18n/catalogue.js";
import type { AssembledDocument } from "../assemble/types.js";
import { render, type Format } from "../render/index.js";
import type { PdfStandard } from "../render/types.js";
import { Reporter } from "../report/index.js";
import { findWorkspaceRoot, loadWorkspace, type Workspace } from "../workspace/index.js";
import { writeFileAtomic } from "./write.js";
import { writeProblem } from "../report/file-problem.js";
import { pdfThreadFor, type PdfThread } from "../render/pdf/thread.js";

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
  // Started before the assembly, so that it is ready when the first document is (thread.ts).
  const pdfThread = pdfThreadFor(options.formats);
  try {
    const built: BuiltFile[] = [];
    for (const doc of await assembleDocuments(documents, reporter, options)) {
      const rendered = await renderFormats(doc, reporter, options, pdfThread);
      if (rendered) built.push(...(await writeAll(rendered, reporter)));
    }
    return built;
  } finally {
    await pdfThread?.close();
  }
}

interface RenderedFile {
  file: string;
  bytes: Uint8Array;
  ms: number;
}

/**
 * Every format of `doc`: the PDF sent to `pdfThread` first, when there is one, and the
 * others made here one after the other meanwhile. Each format reports to a reporter of
 * its own, whose messages are then added in the order of the formats, as one after the
 * other would give them. Undefined when a format failed.
 */
async function renderFormats(doc: AssembledDocument, reporter: Reporter, options: BuildOptions, pdfThread: PdfThread | undefined): Promise<RenderedFile[] | undefined> {
  const renderOne = async (format: Format) => {
    const file = path.join(options.outDir, `${doc.name}.${format}`);
    const own = new Reporter();
    options.onProgress?.(`${doc.name}.${format}`);
    const started = performance.now();
    const renderOptions = { reporter: own, pdfStandard: options.pdfStandard };
    try {
      const bytes = await (format === "pdf" && pdfThread ? pdfThread.render(doc, renderOptions) : render(doc, format, renderOptions));
      return { own, file: { file, bytes, ms: performance.now() - started } };
    } catch (error) {
      own.error(path.relative(process.cwd(), doc.file) || doc.file, undefined, t("cli.renderFailed", { format, reason: (error as Error).message }), "render");
      return { own, file: undefined };
    }
  };
  const inThread = pdfThread ? renderOne("pdf") : undefined;
  const results = [];
  for (const format of options.formats) results.push(format === "pdf" && inThread ? await inThread : await renderOne(format));
  for (const { own } of results) reporter.messages.push(...own.messages);
  if (results.some(({ own }) => own.hasErrors)) return undefined;
  return results.map(({ file }) => file!);
}

/** The files written at once (their fsyncs overlap), reported and listed in their order. */
async function writeAll(rendered: RenderedFile[], reporter: Reporter): Promise<BuiltFile[]> {
  const outcomes = await Promise.all(
    rendered.map(async ({ file, bytes, ms }): Promise<{ built: BuiltFile } | { error: unknown }> => {
      const started = performance.now();
      try {
        await writeFileAtomic(file, bytes);
        return { built: { file, bytes: bytes.byteLength, ms: ms + performance.now() - started } };
      } catch (error) {
        return { error };
      }
    }),
  );
  const built: BuiltFile[] = [];
  outcomes.forEach((outcome, i) => {
    if ("built" in outcome) built.push(outcome.built);
    else reporter.error(path.relative(process.cwd(), rendered[i].file), undefined, writeProblem(outcome.error), "write");
  });
  return built;
}
