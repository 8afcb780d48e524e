import { existsSync } from "node:fs";
import type { NodeCompiler } from "@myriaddreamin/typst-ts-node-compiler";
import { charactersOf } from "./check.js";
import { familiesShowing } from "./coverage.js";
import { compilerWithDeclaredFonts, MONO_FAMILY, type DeclaredFamily } from "./fonts.js";
import { TEMPLATE } from "./template.js";

/**
 * Text Typst makes itself rather than taking from the data or the template: list markers
 * of the nesting levels, the hyphen of a broken word, an ellipsis. Counted so that the
 * family that would show them is loaded.
 */
const TYPST_MADE = "•‣–‐…";
let templateChars: Set<string> | undefined;

/**
 * Creating a compiler loads its fonts, and the declared fonts are many (the CJK files
 * alone take 30–40 ms), while most letters need two or three families. So a document
 * gets the families of its chain that can show one of its characters (coverage.ts): those
 * of the data it hands to Typst (`dataChars`, check.ts), of the template, and of what
 * Typst makes. Typst takes each glyph from the first family of the chain that has it,
 * and the others are never reached, so the PDF is the same byte for byte as with every
 * declared font (test/render/pdf/font-set.test.ts).
 */
export function fontSetFor(dataChars: ReadonlySet<string>, chain: readonly DeclaredFamily[]): DeclaredFamily[] {
  templateChars ??= charactersOf(TEMPLATE + TYPST_MADE);
  return familiesShowing(new Set([...dataChars, ...templateChars]), chain, existsSync);
}

/** What the template reads as `sys.inputs.fonts`: the text chain, and code's chain (mono first). */
export function fontsInput(families: readonly DeclaredFamily[]): string {
  const text = families.map((f) => f.family);
  return JSON.stringify({ text, mono: [MONO_FAMILY.family, ...text] });
}

/**
 * A few compilers kept for the process, one per font set, the most recently used last: a
 * long-lived process (preview, studio, collect) that sees documents in many scripts
 * holds at most this many sets of fonts.
 */
const KEPT = 4;
const compilers = new Map<string, NodeCompiler>();

/** The compiler that knows the families (and code's font), created on first use. */
export function compilerFor(families: readonly DeclaredFamily[]): NodeCompiler {
  const key = families.map((f) => f.family).join("\n");
  const compiler = compilers.get(key) ?? compilerWithDeclaredFonts([...families, MONO_FAMILY]);
  compilers.delete(key);
  compilers.set(key, compiler);
  if (compilers.size > KEPT) compilers.delete(compilers.keys().next().value!);
  return compiler;
}
