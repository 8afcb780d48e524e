/**
 * A soft line break in Markdown (an editor's wrap of a long paragraph) is a space; only a
 * hard break (a `break` node) breaks the line. DOCX and PDF text keeps line feeds literally,
 * so both renderers pass body text through this.
 */
export const softBreaks = (value: string): string => value.replace(/[ \t]*\r?\n[ \t]*/g, " ");
