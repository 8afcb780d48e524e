import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { NodeCompiler } from "@myriaddreamin/typst-ts-node-compiler";

/**
 * The fonts a PDF may use, declared here and nowhere else: every family with its Debian
 * package and files. The Typst compiler is given exactly these files (see
 * `compilerWithDeclaredFonts`), so the same inputs give the same bytes on every machine
 * that has the packages, whatever else is installed. `.ci/run` installs the packages and
 * the README names them.
 */
export interface DeclaredFamily {
  family: string;
  /** The Debian package that installs the files. */
  debian: string;
  /** Regular face first: the coverage check reads its character map. */
  files: string[];
}

const TRUETYPE = "/usr/share/fonts/truetype";
const faces = (dir: string, stem: string, styles: string[]) => styles.map((style) => `${TRUETYPE}/${dir}/${stem}-${style}.ttf`);
const FOUR = ["Regular", "Bold", "Italic", "BoldItalic"];
const noto = (family: string, styles = ["Regular", "Bold"]): DeclaredFamily => ({ family, debian: "fonts-noto-core", files: faces("noto", family.replace(/ /g, ""), styles) });
const fontFile = (dir: string, name: string) => `${TRUETYPE}/${dir}/${name}.ttf`;

/** Faces a template may name (through FONT_TWINS for the Office names). */
const TEMPLATE_FAMILIES: DeclaredFamily[] = [
  { family: "Carlito", debian: "fonts-crosextra-carlito", files: faces("crosextra", "Carlito", FOUR) },
  { family: "Liberation Sans", debian: "fonts-liberation2", files: faces("liberation2", "LiberationSans", FOUR) },
  { family: "Liberation Serif", debian: "fonts-liberation2", files: faces("liberation2", "LiberationSerif", FOUR) },
  { family: "Noto Sans", debian: "fonts-noto-core", files: faces("noto", "NotoSans", FOUR) },
  { family: "Noto Serif", debian: "fonts-noto-core", files: faces("noto", "NotoSerif", FOUR) },
];

/**
 * Tried in this order for a character the template's font lacks: Latin, Greek and Cyrillic
 * (Sámi included) in Noto Sans, then the scripts of names a Norwegian list can hold.
 */
const FALLBACK_FAMILIES: DeclaredFamily[] = [
  noto("Noto Sans Arabic"),
  noto("Noto Sans Hebrew"),
  noto("Noto Sans Ethiopic"),
  noto("Noto Sans Sinhala"),
  noto("Noto Sans Tamil"),
  noto("Noto Sans Devanagari"),
  noto("Noto Sans Bengali"),
  noto("Noto Sans Gurmukhi"),
  noto("Noto Sans Thai"),
  noto("Noto Sans Khmer"),
  noto("Noto Sans Myanmar"),
  noto("Noto Sans Georgian"),
  noto("Noto Sans Armenian"),
  noto("Noto Sans Tifinagh", ["Regular"]),
  noto("Noto Sans Symbols"),
  noto("Noto Sans Symbols2", ["Regular"]),
  noto("Noto Sans Math", ["Regular"]),
  { family: "Noto Sans CJK SC", debian: "fonts-noto-cjk", files: ["/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"] },
];

/** Code and URLs in code spans. */
export const MONO_FAMILY: DeclaredFamily = { family: "DejaVu Sans Mono", debian: "fonts-dejavu-core", files: [fontFile("dejavu", "DejaVuSansMono"), fontFile("dejavu", "DejaVuSansMono-Bold")] };

/** The sans-serif that stands in for a template font that is not declared. */
export const SANS_FALLBACK = "Noto Sans";

export const DECLARED_FAMILIES: readonly DeclaredFamily[] = [...TEMPLATE_FAMILIES, ...FALLBACK_FAMILIES, MONO_FAMILY];

/**
 * Office fonts mapped to their metric-compatible free twins, so line and page breaks
 * match the DOCX as Word and LibreOffice lay it out.
 */
const FONT_TWINS: Record<string, string> = {
  calibri: "Carlito",
  cambria: "Noto Serif",
  arial: "Liberation Sans",
  helvetica: "Liberation Sans",
  "times new roman": "Liberation Serif",
};

/** The declared family a template's font name stands for, or undefined when none is declared for it. */
export function declaredFamilyFor(font: string): string | undefined {
  const wanted = FONT_TWINS[font.toLowerCase()] ?? font;
  return TEMPLATE_FAMILIES.find((f) => f.family.toLowerCase() === wanted.toLowerCase())?.family;
}

/** The chain of families text is set in: the template's, then Noto Sans, then the scripts. */
export function textChain(family: string): DeclaredFamily[] {
  const first = DECLARED_FAMILIES.find((f) => f.family === family)!;
  const noto = TEMPLATE_FAMILIES.find((f) => f.family === SANS_FALLBACK)!;
  return [...new Set([first, noto, ...FALLBACK_FAMILIES])];
}

/** Declared files present on this machine (a missing package shows up in the coverage check). */
export const installedFontFiles = (families: readonly DeclaredFamily[] = DECLARED_FAMILIES): string[] => families.flatMap((f) => f.files).filter((file) => existsSync(file));

/**
 * A Typst compiler that knows only the declared files (of `families`, all by default). typst-ts always searches the
 * system's fonts through fontconfig's configuration; pointed (for the moment of creation)
 * at a configuration with one empty folder, it finds none, so no font is used by accident.
 * Typst's own embedded fonts remain, but the template never names them.
 */
export function compilerWithDeclaredFonts(families: readonly DeclaredFamily[] = DECLARED_FAMILIES): NodeCompiler {
  // A folder of this process's own: another process writing the same file could be read half-written.
  const folder = mkdtempSync(path.join(os.tmpdir(), "opprop-no-system-fonts-"));
  const config = path.join(folder, "fonts.conf");
  mkdirSync(path.join(folder, "empty"));
  writeFileSync(config, `<?xml version="1.0"?>\n<fontconfig><dir>${path.join(folder, "empty")}</dir></fontconfig>\n`);
  const before = process.env.FONTCONFIG_FILE;
  process.env.FONTCONFIG_FILE = config;
  try {
    return NodeCompiler.create({ fontArgs: [{ fontPaths: installedFontFiles(families) }] });
  } finally {
    if (before === undefined) delete process.env.FONTCONFIG_FILE;
    else process.env.FONTCONFIG_FILE = before;
    rmSync(folder, { recursive: true, force: true });
  }
}
