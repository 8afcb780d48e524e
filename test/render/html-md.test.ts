import path from "node:path";
import { describe, expect, it } from "vitest";
import { assembleDocuments } from "../../src/build/index.js";
import { render } from "../../src/render/index.js";
import { Reporter } from "../../src/report/index.js";

const fixture = path.resolve(import.meta.dirname, "../fixtures/foundation");

async function build(format: "html" | "md") {
  const reporter = new Reporter();
  const [doc] = await assembleDocuments([path.join(fixture, "documents/good.md")], reporter, { today: "2026-11-25" });
  return { text: new TextDecoder().decode(await render(doc, format, { reporter })), doc, reporter };
}

describe("html renderer", () => {
  it("is a standalone page with the document language, letter parts in order, and the fingerprint", async () => {
    const { text: html, doc } = await build("html");
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).toContain('<html lang="nb-NO">');
    const order = ["Smertealliansen", "Til", "Helse Sør-Øst RHF", "Vår ref.", "22. november 2026", "Støtteerklæring om smertebehandling", "Vi er bekymret.", "Med vennlig hilsen", "Kilder", doc.fingerprint];
    const main = html.slice(html.indexOf("<main>"));
    const positions = order.map((s) => main.indexOf(s));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it("renders demands as ordered lists, citations as numbered links and footnotes as a list", async () => {
    const { text: html } = await build("html");
    expect(html.match(/<ol>/g)?.length).toBeGreaterThanOrEqual(3);
    expect(html).toContain('<a href="#source-1">[1]</a>');
    expect(html).toContain('<li id="source-2">Smerte i Norge. Nasjonalt folkehelseinstitutt. 2006</li>');
    expect(html).toContain('<li id="fn-2">');
  });
});

describe("markdown renderer", () => {
  it("writes the assembled Markdown: numbered demands, citations, numbered footnotes and sources", async () => {
    const { text: md } = await build("md");
    expect(md).toContain("# Støtteerklæring om smertebehandling");
    expect(md).toMatch(/1\. Å stanse avviklingen i Helse Sør-Øst RHF til konsekvensene er utredet\.\n+2\. Å sikre et bredt tilbud\.\[\^2]/);
    expect(md).toContain("Nær 30 prosent av voksne har langvarige smerter [1].");
    expect(md).toContain("[^1]: Særlig hos kvinner over 60 år.");
    expect(md).toMatch(/## Kilder\n\n1\. Kronisk smerte i Norge\. Foreningen for Kroniske Smertepasienter\n2\. Smerte i Norge/);
  });
});
