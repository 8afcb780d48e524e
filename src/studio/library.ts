import { readFile } from "node:fs/promises";
import path from "node:path";
import { toString } from "mdast-util-to-string";
import { LANGS } from "../schema/common.js";
import type { Workspace } from "../workspace/index.js";
import { StudioError, hashOf, type WorkspaceFiles } from "./files.js";

export interface LibraryBlock {
  id: string;
  title: string;
  kind: string;
  tags: string[];
  langs: string[];
  requires: string[];
  /** Sources the block lists, for the citation menu. */
  sources: { id: string; title: string }[];
  /** The bokmål (or first) variant's plain text, for searching and reading. */
  text: string;
  /** Titles per language, for the chips in the editor. */
  titles: Record<string, string>;
}

/** Every block of the workspace, for the library panel: sorted by id. */
export function libraryOf(workspace: Workspace): { blocks: LibraryBlock[] } {
  const blocks = [...workspace.blocks].map(([id, variants]) => {
    const main = variants.get("nb") ?? variants.values().next().value!;
    return {
      id,
      title: main.meta.title,
      kind: main.meta.kind,
      tags: main.meta.tags,
      langs: [...variants.keys()].sort(),
      requires: main.meta.requires,
      sources: main.meta.sources.map(({ id, title }) => ({ id, title })),
      text: toString(main.tree).replace(/\s+/g, " ").trim(),
      titles: Object.fromEntries([...variants].map(([lang, block]) => [lang, block.meta.title])),
    };
  });
  return { blocks: blocks.sort((a, b) => a.id.localeCompare(b.id)) };
}

/** One block's variants as files (frontmatter and text), side by side in the block editor: bokmål, nynorsk, English. */
export async function blockDetail(workspace: Workspace, id: string, files: WorkspaceFiles) {
  const variants = workspace.blocks.get(id);
  if (!variants) throw new StudioError(404, "studio.noSuchBlock", { id });
  const ordered = [...variants].sort(([a], [b]) => LANGS.indexOf(a) - LANGS.indexOf(b));
  return {
    id,
    variants: await Promise.all(
      ordered.map(async ([lang, block]) => {
        const file = block.file.split(path.sep).join("/");
        const text = await readFile(await files.resolve(file), "utf8");
        return { lang, path: file, title: block.meta.title, text, hash: hashOf(text) };
      }),
    ),
  };
}
