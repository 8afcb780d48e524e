import { access, readFile } from "node:fs/promises";
import path from "node:path";
import { gfmToMarkdown } from "mdast-util-gfm";
import type { Break } from "mdast";
import { defaultHandlers, toMarkdown, type Handle } from "mdast-util-to-markdown";
import { stringify as stringifyYaml } from "yaml";
import { writeFileAtomic } from "../build/write.js";
import { t } from "../i18n/catalogue.js";
import type { Reporter } from "../report/index.js";
import type { Lang } from "../schema/common.js";
import { splitIntoBlocks, type ImportedBlock } from "./blocks.js";
import { readDocx } from "./docx.js";
import { fileProblem } from "../report/file-problem.js";

export { guessKind, guessLang, type ImportedBlock } from "./blocks.js";

export interface ImportOptions {
  /** Folder the blocks go to, e.g. `demands/utkast`. */
  outDir: string;
  /** Overwrite block files that exist. */
  force?: boolean;
  lang?: Lang;
  /** Messages name files relative to this folder (the CLI's working directory). */
  displayRoot?: string;
}

export interface ImportedFile extends ImportedBlock {
  file: string;
}

/**
 * A Word draft into blocks (SPEC §6 `import`): one file per section with title,
 * guessed kind and language. What Word had that a block cannot keep (images,
 * comments, tracked changes, headers) is reported as warnings naming the section.
 * Writes nothing when a target exists and `force` is not set, so nothing is lost.
 */
export async function importDocx(docxPath: string, reporter: Reporter, options: ImportOptions): Promise<ImportedFile[]> {
  const show = (file: string) => (options.displayRoot ? path.relative(options.displayRoot, file) || file : file);
  const display = show(docxPath);
  let buffer: Buffer;
  try {
    buffer = await readFile(docxPath);
  } catch (error) {
    reporter.error(display, undefined, fileProblem(error), "read");
    return [];
  }
  let content;
  try {
    content = await readDocx(buffer);
  } catch (error) {
    reporter.error(display, undefined, t("import.notDocx", { reason: (error as Error).message.split("\n")[0] }), "docx");
    return [];
  }
  for (const loss of content.losses) reporter.warn(display, undefined, loss, "import-loss");
  const fallbackTitle = path.basename(docxPath).replace(/\.docx$/i, "");
  const { blocks, notes } = splitIntoBlocks(content.tree, { fallbackTitle, lang: options.lang });
  for (const note of notes) reporter.warn(display, undefined, note, "import");
  if (!blocks.length) {
    reporter.error(display, undefined, content.images ? t("import.onlyImages", { n: content.images }) : t("import.noText"), "import");
    return [];
  }

  if (!path.resolve(options.outDir).split(path.sep).includes("demands")) {
    reporter.warn(show(options.outDir), undefined, t("import.notInDemands"), "import");
  }
  const files = fileNames(blocks, options.outDir);
  const existing = (await Promise.all(files.map(async (file) => ((await exists(file)) ? file : undefined)))).filter((f): f is string => Boolean(f));
  if (existing.length && !options.force) {
    for (const file of existing) reporter.error(show(file), undefined, t("import.exists"), "exists");
    return [];
  }
  const imported = blocks.map((block, i) => ({ ...block, file: files[i] }));
  for (const block of imported) await writeFileAtomic(block.file, blockMarkdown(block));
  return imported;
}

/** The block file: YAML frontmatter (data, serialised by the YAML library) and a Markdown body. */
export function blockMarkdown(block: ImportedBlock): string {
  const frontmatter = stringifyYaml({ title: block.title, kind: block.kind, lang: block.lang }, { lineWidth: 0 });
  const body = toMarkdown(block.body, { extensions: [gfmToMarkdown()], bullet: "-", emphasis: "_", rule: "-", handlers: { break: cellAwareBreak } });
  return `---\n${frontmatter}---\n\n${body}`;
}

/** A line break inside a table cell is written `<br>` (opprop reads it back as a break); elsewhere as Markdown's `\`. */
const cellAwareBreak: Handle = (node, parent, state, info) => (parent?.type === "tableCell" ? "<br>" : defaultHandlers.break(node as Break, parent, state, info));

/** `Å stanse avviklingen` → `a-stanse-avviklingen.md`, unique within the import. */
function fileNames(blocks: ImportedBlock[], outDir: string): string[] {
  const taken = new Set<string>();
  return blocks.map((block) => {
    const base = slug(block.title) || "blokk";
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
    taken.add(name);
    return path.join(outDir, `${name}.md`);
  });
}

export function slug(title: string): string {
  return title
    .toLocaleLowerCase("nb")
    .replaceAll("æ", "ae")
    .replaceAll("ø", "o")
    .replaceAll("å", "a")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .replace(/^.{61,}$/, (long) => {
      // Cut at the last word boundary within 60 characters, or hard at 60 when there is none.
      const boundary = long.slice(0, 61).lastIndexOf("-");
      return long.slice(0, boundary > 0 ? boundary : 60);
    });
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}
