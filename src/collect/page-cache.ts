import { randomBytes } from "node:crypto";

/** How long a rendered page or count is served before it is read again: what other processes changed shows within this. */
const FRESH_MS = 1000;
const MAX_ENTRIES = 200;

/**
 * Rendered pages and counts, kept between changes. This process clears it on
 * every change it makes; a change by another process on the same database shows
 * within a second. At most one rendering of a key runs at a time.
 */
export class PageCache {
  /** Stands for the CSRF token in a cached page; random, so no signer's name can be it. */
  readonly placeholder = `csrf-${randomBytes(16).toString("hex")}`;
  private entries = new Map<string, { at: number; value: Promise<unknown> }>();

  get<T>(key: string, make: () => Promise<T>): Promise<T> {
    const entry = this.entries.get(key);
    if (entry && Date.now() - entry.at < FRESH_MS) return entry.value as Promise<T>;
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    const value = make();
    this.entries.set(key, { at: Date.now(), value });
    value.catch(() => this.entries.delete(key));
    return value;
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
