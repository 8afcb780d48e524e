import { api, ApiError } from "./api.js";
import type { DocumentState } from "./types.js";

/**
 * One open document: the writer's edits (text and form) go to the server as saves
 * over the version last seen; each answer is the new build (pages, problems). A save
 * that meets a file changed on disk stops, and the writer chooses: reload or keep theirs.
 */
export class DocumentSession {
  private pendingBody?: string;
  private pendingMeta?: Record<string, unknown>;
  private timer?: ReturnType<typeof setTimeout>;
  private saving = false;
  /** True while a save waits for the writer's choice after an outside change. */
  conflict = false;

  constructor(
    public state: DocumentState,
    private readonly events: {
      onState: (state: DocumentState, fromDisk: boolean) => void;
      onConflict: () => void;
      onSaving: (saving: boolean) => void;
      onError: (error: Error) => void;
    },
  ) {}

  /** The form's model: edited in place, then handed to `edit`. */
  get meta(): Record<string, unknown> {
    return this.pendingMeta ?? this.state.meta;
  }

  get body(): string {
    return this.pendingBody ?? this.state.body;
  }

  get dirty(): boolean {
    return this.pendingBody !== undefined || this.pendingMeta !== undefined;
  }

  edit(change: { body?: string; meta?: Record<string, unknown> }, delayMs: number): void {
    if (change.body !== undefined) this.pendingBody = change.body;
    if (change.meta !== undefined) this.pendingMeta = structuredClone(change.meta);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), delayMs);
  }

  async flush(): Promise<void> {
    clearTimeout(this.timer);
    if (this.saving || this.conflict || !this.dirty) return;
    const body = this.pendingBody;
    const meta = this.pendingMeta;
    this.pendingBody = this.pendingMeta = undefined;
    this.saving = true;
    this.events.onSaving(true);
    let saved = false;
    try {
      this.state = await api<DocumentState>("PUT", "/api/document", { path: this.state.path, baseHash: this.state.hash, body, meta });
      saved = true;
      this.events.onState(this.state, false);
    } catch (error) {
      // Keep the edits: newer ones win over the ones that did not get through.
      this.pendingBody ??= body;
      this.pendingMeta ??= meta;
      if (error instanceof ApiError && error.status === 409) {
        this.conflict = true;
        this.events.onConflict();
      } else {
        this.events.onError(error as Error);
      }
    } finally {
      this.saving = false;
      this.events.onSaving(false);
    }
    // Edits made during the save go next; after a refusal they wait for the next edit.
    if (saved && this.dirty) await this.flush();
  }

  /** The file as it is on disk now; the writer's unsaved edits are dropped. */
  async reload(): Promise<void> {
    this.pendingBody = this.pendingMeta = undefined;
    this.conflict = false;
    this.state = await api<DocumentState>("GET", `/api/document?path=${encodeURIComponent(this.state.path)}`);
    this.events.onState(this.state, true);
  }

  /** Keep the writer's version: save it over the file as it is on disk now. */
  async overwrite(): Promise<void> {
    const body = this.body;
    const meta = this.meta;
    const fresh = await api<DocumentState>("GET", `/api/document?path=${encodeURIComponent(this.state.path)}`);
    this.state = { ...this.state, hash: fresh.hash };
    this.conflict = false;
    this.pendingBody = body;
    this.pendingMeta = structuredClone(meta);
    await this.flush();
  }

  /** A rebuild without a save (a block or signatory file changed). */
  async refresh(): Promise<void> {
    if (this.dirty || this.saving || this.conflict) return;
    const fresh = await api<DocumentState>("GET", `/api/document?path=${encodeURIComponent(this.state.path)}`);
    if (fresh.hash !== this.state.hash) return; // The document itself changed: the "changed" event handles that.
    this.state = fresh;
    this.events.onState(fresh, false);
  }
}
