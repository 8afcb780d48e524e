import { createHash } from "node:crypto";
import { NodeCompiler } from "@myriaddreamin/typst-ts-node-compiler";
import type { AssembledDocument } from "../assemble/types.js";
import { documentData } from "../render/pdf/data.js";
import { TEMPLATE } from "../render/pdf/template.js";
import type { Reporter } from "../report/index.js";

export interface Page {
  /** A self-contained SVG of the page (no script, no style, glyphs as paths). */
  svg: string;
  /** Short hash of `svg`: a page that did not change keeps its name, so a browser keeps its image. */
  hash: string;
  width: number;
  height: number;
}

let compiler: NodeCompiler | undefined;

/**
 * The letter's pages exactly as the PDF lays them out: the same JSON data and Typst
 * template, compiled by a resident compiler and drawn as SVG. Typst draws every
 * glyph as a path, so no text of the document becomes markup in the SVG.
 */
export async function renderPages(doc: AssembledDocument, reporter: Reporter): Promise<Page[]> {
  const data = JSON.stringify(await documentData(doc, { reporter }));
  compiler ??= NodeCompiler.create({});
  const result = compiler.compile({ mainFileContent: TEMPLATE, inputs: { doc: data } });
  try {
    if (result.hasError() || !result.result) {
      const diagnostics = (result.takeError()?.shortDiagnostics ?? []) as { message?: string }[];
      throw new Error(`Typst: ${diagnostics.map((d) => d.message ?? String(d)).join("; ") || "compilation failed"}`);
    }
    return splitPages(compiler.plainSvg(result.result));
  } finally {
    // As the PDF renderer does: keep only what this compilation used (Typst's cache is global).
    compiler.evictCache(1);
  }
}

const TAG = /<(\/?)([a-zA-Z][\w:-]*)\b[^>]*?(\/?)>/g;

/**
 * Typst's plain SVG holds all pages stacked: per page a background path and a group
 * moved down by the page's offset, then one `<defs>` of glyph symbols. Each page gets
 * its own SVG with its slice of the view box and only the glyphs it uses.
 */
export function splitPages(svg: string): Page[] {
  const children: { start: number; end: number; tag: string; open: string }[] = [];
  let depth = 0;
  let root = "";
  for (let m = TAG.exec(svg); m; m = TAG.exec(svg)) {
    const [text, closing, tag, selfClosing] = m;
    if (closing) {
      depth--;
      if (depth === 1) children.at(-1)!.end = TAG.lastIndex;
      continue;
    }
    if (depth === 0) root = text;
    else if (depth === 1) children.push({ start: m.index, end: selfClosing ? TAG.lastIndex : -1, tag, open: text });
    if (!selfClosing) depth++;
  }
  TAG.lastIndex = 0;
  const [, , , width, total] = /viewBox="([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+)"/.exec(root)!.map(Number);
  const defs = children.find((c) => c.tag === "defs");
  const symbols = defs ? symbolsOf(svg.slice(defs.start, defs.end)) : new Map<string, string>();
  const groups = children.filter((c) => c.tag === "g");
  const offsets = groups.map((g) => Number(/matrix\(1 0 0 1 0 ([\d.]+)\)/.exec(g.open)?.[1] ?? 0));
  return groups.map((group, i) => {
    const top = offsets[i];
    const height = (offsets[i + 1] ?? total) - top;
    const body = compact(svg.slice(group.start, group.end));
    const used = [...new Set(Array.from(body.matchAll(/xlink:href="#([^"]+)"/g), (m) => m[1]))];
    const glyphs = used.map((id) => symbols.get(id) ?? "").join("");
    const page =
      `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 ${top} ${width} ${height}" width="${width}pt" height="${height}pt">` +
      `<rect x="0" y="${top}" width="${width}" height="${height}" fill="#ffffff"/>${body}<defs>${glyphs}</defs></svg>`;
    return { svg: page, hash: createHash("sha256").update(page).digest("hex").slice(0, 16), width, height };
  });
}

/** Glyph symbols by id, each as its compacted source. */
function symbolsOf(defs: string): Map<string, string> {
  const symbols = new Map<string, string>();
  for (const m of defs.matchAll(/<symbol\b[^>]*\bid="([^"]+)"[^>]*>[\s\S]*?<\/symbol>/g)) symbols.set(m[1], compact(m[0]));
  return symbols;
}

/** Typst indents its SVG; the whitespace between tags is a third of the bytes. */
const compact = (markup: string): string => markup.replace(/>\s+</g, "><");
