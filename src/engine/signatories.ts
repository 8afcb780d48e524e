import { stat } from "node:fs/promises";
import { Reporter, type Message } from "../report/index.js";
import { loadSignatories } from "../signatories/index.js";
import type { SignatoryList } from "../signatories/types.js";

/**
 * `loadSignatories` that reads the files again only when one of them (or the
 * document's fingerprint) changed: a preview rebuild after editing a block then
 * costs no CSV parsing. The messages of the last read are replayed every time.
 */
export function rememberingSignatoryLoader(): typeof loadSignatories {
  let last: { key: string; list: SignatoryList; messages: Message[] } | undefined;
  return async (files, reporter, options) => {
    const stamps = await Promise.all(files.map((f) => stat(f.path).then((s) => `${s.mtimeMs}:${s.size}`, () => "missing")));
    const key = JSON.stringify([files, stamps, options]);
    if (last?.key !== key) {
      const own = new Reporter();
      last = { key, list: await loadSignatories(files, own, options), messages: own.messages };
    }
    reporter.messages.push(...last.messages);
    return last.list;
  };
}
