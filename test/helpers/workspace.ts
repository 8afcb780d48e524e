import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** A throw-away workspace: `files` maps a relative path to its text; `demands/` always exists. */
export function makeWorkspace(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(path.join(tmpdir(), "opprop-ws-"));
  mkdirSync(path.join(root, "demands"), { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), content);
  }
  return root;
}

/** A minimal letter document; `extra` is more frontmatter, `body` the text. */
export function letter(extra = "", body = "Vi støtter saken."): string {
  return `---\ntemplate: stotteerklaering\ntitle: Støtte\ndate: 2026-11-22\nto:\n  - Helse Sør-Øst RHF\n${extra}---\n${body}\n`;
}
