import { createHash } from "node:crypto";
import type { AssembledDocument } from "../assemble/types.js";
import { withLaidOutLetter } from "../render/pdf/index.js";
import type { Reporter } from "../report/index.js";

export interface Page {
  /** A self-contained SVG of the page (no script, no style, glyphs as paths). */
  svg: string;
  /** Short hash of `svg`: a page that did not change keeps its name, so a browser keeps its image. */
  hash: string;
  width: number;
  height: number;
}

/**
 * The letter's pages exactly as the PDF lays them out: the same fonts, data and
 * template (`withLaidOutLetter`), drawn as SVG. Typst draws every glyph as a path,
 * so no text of the document becomes markup in the SVG.
 */
export async function renderPages(doc: AssembledDocument, reporter: Reporter): Promise<Page[]> {
  return withLaidOutLetter(doc, { reporter }, (typst, laidOut) => splitPages(typst.plainSvg(laidOut)));
}

/**
 * Typst's plain SVG holds all pages stacked: per page a background path and a group
 * moved down by the page's offset, then one `<defs>` of glyph symbols. Each page gets
 * its own SVG with its slice of the view box and only the glyphs it uses.
 *
 * The file is read by its lines: Typst writes one element per line, indented four
 * spaces per level, so the root's children are the lines indented exactly four. That
 * is several times faster than parsing every tag of a 1.5 MB string on each keystroke;
 * the engine test checks every page against the PDF, so a change of layout in a new
 * Typst version fails there instead of drawing wrong pages.
 */
export function splitPages(svg: string): Page[] {
  const lines = svg.split("\n");
  const viewBox = /viewBox="([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+)"/.exec(lines[0]);
  if (!viewBox) throw new Error("Typst's SVG has no view box");
  const [width, total] = [Number(viewBox[3]), Number(viewBox[4])];
  const groups: { start: number; end: number; top: number }[] = [];
  const symbols = new Map<string, string>();
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (line.startsWith("    <g")) {
      const end = lines.indexOf("    </g>", i);
      groups.push({ start: i, end, top: Number(/matrix\(1 0 0 1 0 ([\d.]+)\)/.exec(line)?.[1] ?? 0) });
      i = end;
    } else if (line.startsWith("        <symbol ")) {
      const end = lines.indexOf("        </symbol>", i);
      symbols.set(/id="([^"]+)"/.exec(line)![1], compact(lines, i, end + 1));
      i = end;
    }
  }
  return groups.map((group, index) => {
    const height = (groups[index + 1]?.top ?? total) - group.top;
    const body = compact(lines, group.start, group.end + 1);
    const used = new Set(Array.from(body.matchAll(/xlink:href="#([^"]+)"/g), (m) => m[1]));
    const glyphs = [...used].map((id) => symbols.get(id) ?? "").join("");
    const page =
      `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 ${group.top} ${width} ${height}" width="${width}pt" height="${height}pt">` +
      `<rect x="0" y="${group.top}" width="${width}" height="${height}" fill="#ffffff"/>${body}<defs>${glyphs}</defs></svg>`;
    return { svg: page, hash: createHash("sha256").update(page).digest("hex").slice(0, 16), width, height };
  });
}

/** Lines `from` to `to` without Typst's indentation: a third of the bytes. */
function compact(lines: string[], from: number, to: number): string {
  let text = "";
  for (let i = from; i < to; i++) text += lines[i].trimStart();
  return text;
}
