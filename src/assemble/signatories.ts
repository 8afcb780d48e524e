import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { Reporter } from "../report/index.js";
import { documentList, loadSignatories, mergeSignatoryFiles, type Signatory, type SignatoryFile } from "../signatories/index.js";
import { blockCacheFor } from "../workspace/cache.js";

/**
 * Lists whose files are this large in all are not kept: the cache file is read whole at
 * each start, and the bytes of a long list would cost more to read than its merge.
 */
const KEPT_UP_TO_BYTES = 1 << 20;

/**
 * `loadSignatories` for a document of the workspace at `options.displayRoot`, with the
 * merged and sorted list kept in the CLI's cache (workspace/cache.ts) by the bytes of its
 * files and how they are read (group, map), when reading them gave no message, as a
 * parsed document is kept: a cold build then neither parses the files nor makes ICU's
 * Norwegian collator (15–30 ms) to sort them again. The version check runs every time,
 * as it depends on the document's text.
 */
export const loadSignatoriesCached: typeof loadSignatories = async (files, reporter, options = {}) => {
  const root = options.displayRoot;
  const key = root && !options.onSummary && !options.map ? contentKey(files) : undefined;
  if (!root || !key) return loadSignatories(files, reporter, options);
  const cache = blockCacheFor(root);
  const name = ["signatories", ...files.map((f) => f.path)].join("\0");
  let list = cache.getParsed<Signatory[]>(name, key);
  if (!list) {
    const own = new Reporter();
    list = await mergeSignatoryFiles(files, own, options);
    if (!own.messages.length) cache.putParsed(name, key, list);
    reporter.messages.push(...own.messages);
  }
  return documentList(list, options.documentFingerprint, reporter);
};

/** What the merge of `files` depends on, as text; undefined when a file cannot be read or the list is long (the merge then reports or reads it as ever). */
function contentKey(files: readonly SignatoryFile[]): string | undefined {
  try {
    if (files.reduce((bytes, f) => bytes + statSync(f.path).size, 0) > KEPT_UP_TO_BYTES) return undefined;
    return JSON.stringify(files.map((f) => [f.path, f.group ?? null, f.map ?? null, createHash("sha256").update(readFileSync(f.path)).digest("hex")]));
  } catch {
    return undefined;
  }
}
