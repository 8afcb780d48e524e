import { cp, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { makeDirectory } from "../build/write.js";
import { t } from "../i18n/catalogue.js";
import { PACKAGE_ROOT } from "./index.js";

/** The one example a new workspace gets, with the signatory files it names. */
const EXAMPLE = ["documents/stotteerklaering-smertebehandling.md", "signatories/organisasjoner.csv", "signatories/personer.yaml"];

export interface InitOptions {
  /** A document to start from instead of the example, e.g. a høringssvar scaffold. */
  document?: { path: string; content: string };
}

/**
 * Creates a workspace: the shipped block library and templates (to edit freely),
 * one example document and its signatories (or the given document), and an empty `out/`.
 * Refuses a folder that has anything in it, so nothing is ever overwritten.
 */
export async function initWorkspace(dir: string, options: InitOptions = {}): Promise<string[]> {
  const existing = await readdir(dir).catch(() => []);
  if (existing.length) throw new Error(t("input.initNotEmpty", { dir }));
  for (const folder of ["documents", "demands", "signatories", "templates", "out"]) makeDirectory(path.join(dir, folder));
  const copied: string[] = [];
  for (const item of ["demands", "templates", ...(options.document ? [] : EXAMPLE)]) {
    await cp(path.join(PACKAGE_ROOT, item), path.join(dir, item), { recursive: true, errorOnExist: true, force: false });
    copied.push(...(await listed(path.join(dir, item))));
  }
  if (options.document) {
    const target = path.join(dir, options.document.path);
    await writeFile(target, options.document.content, { flag: "wx" });
    copied.push(target);
  }
  return copied;
}

async function listed(target: string): Promise<string[]> {
  const entries = await readdir(target, { recursive: true, withFileTypes: true }).catch(() => undefined);
  return entries ? entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name)) : [target];
}
