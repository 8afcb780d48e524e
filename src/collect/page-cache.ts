import { randomBytes } from "node:crypto";

const MAX_ENTRIES = 200;

interface Entry {
  at: number;
  value: Promise<unknown>;
  refreshing?: boolean;
}

/**
 * Rendered pages and counts, kept between changes. This process clears it on
 * every change it makes (the next visitor waits for the new page); what another
 * process changed shows within `freshMs`: an older entry is still served while
 * a new one is made, so no visitor waits for that. One making per key at a time.
 */
export class PageCache {
  /** Stands for the CSRF token in a cached page; random, so no signer's name can be it. */
  readonly placeholder = `csrf-${randomBytes(16).toString("hex")}`;
  private entries = new Map<string, Entry>();

  constructor(private readonly freshMs: number) {}

  get<T>(key: string, make: () => Promise<T>): Promise<T> {
    const entry = this.entries.get(key);
    if (!entry) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
      const value = make();
      this.entries.set(key, { at: Date.now(), value });
      value.catch(() => this.entries.delete(key));
      return value;
    }
    if (Date.now() - entry.at >= this.freshMs && !entry.refreshing) {
      entry.refreshing = true;
      make().then(
        (value) => this.entries.get(key) === entry && this.entries.set(key, { at: Date.now(), value: Promise.resolve(value) }),
        () => (entry.refreshing = false),
      );
    }
    return entry.value as Promise<T>;
  }

  clear(): void {
    this.entries.clear();
  }

  /** A page around its placeholder: [before, after]. */
  split(page: string): [string, string] {
    const at = page.indexOf(this.placeholder);
    if (at < 0 || page.indexOf(this.placeholder, at + 1) >= 0) throw new Error("the page must hold the CSRF placeholder exactly once");
    return [page.slice(0, at), page.slice(at + this.placeholder.length)];
  }
}
