import { stat } from "node:fs/promises";
import { Reporter, type Message } from "../report/index.js";
import { loadSignatories } from "../signatories/index.js";
import type { SignatoryList } from "../signatories/types.js";

/**
 * `loadSignatories` that reads the files again only when one of them (or the
 * document's fingerprint) changed: a preview rebuild after editing a block then
 * costs no CSV parsing. The messages of the last read are replayed every time.
 */
export function rememberingSignatoryLoader(): RememberingLoader {
  let last: { key: string; stamps: string; files: string[]; list: SignatoryList; messages: Message[] } | undefined;
  const load: typeof loadSignatories = async (files, reporter, options) => {
    const stamps = await stampsOf(files.map((f) => f.path));
    const key = JSON.stringify([files, stamps, options]);
    if (last?.key !== key) {
      const own = new Reporter();
      last = { key, stamps, files: files.map((f) => f.path), list: await loadSignatories(files, own, options), messages: own.messages };
    }
    reporter.messages.push(...last.messages);
    return last.list;
  };
  return Object.assign(load, {
    async unchanged() {
      return !last || (await stampsOf(last.files)) === last.stamps;
    },
  });
}

export type RememberingLoader = typeof loadSignatories & {
  /** Whether the files of the last load are as they were then (true before any load). */
  unchanged(): Promise<boolean>;
};

async function stampsOf(files: string[]): Promise<string> {
  return (await Promise.all(files.map((f) => stat(f).then((s) => `${s.mtimeMs}:${s.size}`, () => "missing")))).join("|");
}
