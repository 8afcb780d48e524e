/**
 * What the docx package writes differently from Word, corrected in the package's XML
 * before zipping (pack.ts). Each fix is a plain string edit of one part, so each is
 * small and can be checked on the unzipped file.
 */

/** Word's separator footnotes hold only the separator: docx adds a footnote reference run there, which Word "repairs". */
function separatorsOnly(footnotes: string): string {
  return footnotes.replace(/(<w:footnote w:type="(?:separator|continuationSeparator)"[^>]*>[\s\S]*?<\/w:footnote>)/g, (note) =>
    note.replace(/<w:r><w:rPr><w:rStyle w:val="FootnoteReference"\/><\/w:rPr><w:footnoteRef\/><\/w:r>/g, ""),
  );
}

/** A space between a footnote's number and its text, as Word's own footnotes have. */
function spaceAfterFootnoteNumber(footnotes: string): string {
  return footnotes.replace(/(<w:footnote w:id="\d+">(?:(?!<\/w:footnote>)[\s\S])*?<w:footnoteRef\/><\/w:r>)/g, '$1<w:r><w:t xml:space="preserve"> </w:t></w:r>');
}

/**
 * PAGE and NUMPAGES with a cached result ("1"), as Word saves them: a reader that does
 * not lay out pages (a previewer, a mail client) shows a number instead of nothing.
 * Word and LibreOffice recompute both on opening.
 */
function cachedPageFields(footer: string): string {
  return footer.replace(/(<w:instrText xml:space="preserve">(?:PAGE|NUMPAGES)<\/w:instrText><\/w:r><w:r><w:fldChar w:fldCharType="separate"\/><\/w:r>)/g, "$1<w:r><w:t>1</w:t></w:r>");
}

/** The document's language in the core properties, where archives and search look for it. */
function coreLanguage(core: string, languageTag: string): string {
  return core.includes("<dc:language>") ? core : core.replace("</cp:coreProperties>", `<dc:language>${languageTag}</dc:language></cp:coreProperties>`);
}

/** Applies every fix to the parts it concerns. */
export function fixPart(name: string, text: string, languageTag: string): string {
  if (name === "word/footnotes.xml") return spaceAfterFootnoteNumber(separatorsOnly(text));
  if (/^word\/footer\d*\.xml$/.test(name)) return cachedPageFields(text);
  if (name === "docProps/core.xml") return coreLanguage(text, languageTag);
  return text;
}
