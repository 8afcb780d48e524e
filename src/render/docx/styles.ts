import { AlignmentType, BuilderElement, DocumentDefaults, LevelFormat, LineRuleType, StyleForCharacter, StyleForParagraph, UnderlineType, type IParagraphStyleOptions, type IStylesOptions, type NumberingDefinition } from "docx";
import type { AssembledDocument } from "../../assemble/types.js";
import { languageTag } from "../../i18n/index.js";

/** A4 with 2.5 cm margins, in twips; the text width places the footer's right tab. */
export const PAGE = { width: 11906, height: 16838, margin: 1417, footer: 567 } as const;
export const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;

/**
 * Style ids. The names written with them are Word's own built-in names where Word has
 * the style ("heading 1", "List Number", "footnote text"…), so Word and LibreOffice
 * treat them as their built-in styles, translated in their UI; the rest are letter
 * parts with names a secretary can find in the style list.
 */
/** The paragraph style of a heading of level 2 to 6. */
export const headingStyle = (level: number): string => STYLE.headings[Math.min(Math.max(level, 2), 6) - 2];

export const STYLE = {
  normal: "Normal",
  title: "Title",
  /** Levels 2 to 6 (render/headings.ts); the title is level 1. */
  headings: ["Heading2", "Heading3", "Heading4", "Heading5", "Heading6"],
  listNumber: ["ListNumber", "ListNumber2", "ListNumber3"],
  listBullet: ["ListBullet", "ListBullet2", "ListBullet3"],
  listContinue: ["ListContinue", "ListContinue2", "ListContinue3"],
  quote: "Quote",
  preformatted: "HTMLPreformatted",
  footnoteText: "FootnoteText",
  footnoteReference: "FootnoteReference",
  hyperlink: "Hyperlink",
  strong: "Strong",
  emphasis: "Emphasis",
  code: "HTMLCode",
  table: "TableGrid",
  tableHeading: "TableHeading",
  tableText: "TableText",
  bibliography: "Bibliography",
  footer: "Footer",
  letterhead: "Letterhead",
  recipient: "Recipient",
  referenceLine: "ReferenceLine",
  consultation: "Consultation",
  documentLabel: "DocumentLabel",
  closing: "Closing",
  signature: "Signature",
  signatory: "Signatory",
  signatoryCompact: "SignatoryCompact",
} as const;

const pt = (points: number) => Math.round(points * 2);

/** Named styles carry all formatting; paragraphs only pick a style. */
export function stylesFor(doc: AssembledDocument): IStylesOptions {
  const { font, fontSize, headingColor } = doc.template.style;
  const color = headingColor.slice(1).toUpperCase();
  const size = pt(fontSize);
  const heading = (id: string, name: string, points: number, paragraph: IParagraphStyleOptions["paragraph"], extra: IParagraphStyleOptions["run"] = {}): IParagraphStyleOptions => ({
    id,
    name,
    basedOn: STYLE.normal,
    next: STYLE.normal,
    quickFormat: true,
    run: { bold: true, color, size: pt(points), ...extra },
    paragraph: { keepNext: true, keepLines: true, ...paragraph },
  });
  const section = (level: number) => ({ spacing: { before: 240, after: 80 }, outlineLevel: level });
  const based = (id: string, name: string, rest: Omit<IParagraphStyleOptions, "id" | "name"> = {}): IParagraphStyleOptions => ({ id, name, basedOn: STYLE.normal, ...rest });
  const listStyles = (ids: readonly string[], name: string) => ids.map((id, level) => based(id, level ? `${name} ${level + 1}` : name, { paragraph: { spacing: { after: 60 } } }));

  const paragraphStyles: IParagraphStyleOptions[] = [
    { id: STYLE.normal, name: "Normal", quickFormat: true },
    // The title is the document's one level-1 heading (outline level 0), body headings start at "heading 2".
    heading(STYLE.title, "Title", fontSize + 9, { spacing: { before: 120, after: 240 }, outlineLevel: 0 }),
    heading(STYLE.headings[0], "heading 2", fontSize + 3, section(1)),
    heading(STYLE.headings[1], "heading 3", fontSize + 1, section(2)),
    ...STYLE.headings.slice(2).map((id, i) => heading(id, `heading ${i + 4}`, fontSize, section(i + 3), { italics: true })),
    ...listStyles(STYLE.listNumber, "List Number"),
    ...listStyles(STYLE.listBullet, "List Bullet"),
    ...STYLE.listContinue.map((id, level) => based(id, level ? `List Continue ${level + 1}` : "List Continue", { paragraph: { indent: { left: LIST_INDENT * (level + 1) } } })),
    based(STYLE.quote, "Quote", { run: { italics: true }, paragraph: { indent: { left: 567, right: 567 } } }),
    based(STYLE.preformatted, "HTML Preformatted", { run: { font: "Courier New", size: size - 2 }, paragraph: { spacing: { after: 0, line: 240, lineRule: LineRuleType.AUTO } } }),
    based(STYLE.footnoteText, "footnote text", { run: { size: size - 3 }, paragraph: { spacing: { after: 0, line: 240, lineRule: LineRuleType.AUTO } } }),
    based(STYLE.tableText, "Table Text", { paragraph: { spacing: { before: 40, after: 40 } } }),
    based(STYLE.tableHeading, "Table Heading", { basedOn: STYLE.tableText, run: { bold: true }, paragraph: { keepNext: true } }),
    based(STYLE.bibliography, "Bibliography", { run: { size: size - 2 }, paragraph: { indent: { left: 567, hanging: 567 }, spacing: { after: 60 }, leftTabStop: 567 } }),
    based(STYLE.footer, "footer", { run: { size: size - 3 }, paragraph: { spacing: { after: 0 }, rightTabStop: TEXT_WIDTH } }),
    based(STYLE.letterhead, "Letterhead", { paragraph: { spacing: { after: 240 } } }),
    based(STYLE.recipient, "Recipient", { paragraph: { spacing: { after: 120 } } }),
    based(STYLE.referenceLine, "Reference Line", { run: { size: size - 2 }, paragraph: { spacing: { before: 240, after: 240 }, leftTabStop: 3402, rightTabStop: TEXT_WIDTH } }),
    based(STYLE.consultation, "Consultation Info", { paragraph: { spacing: { after: 0 } } }),
    based(STYLE.documentLabel, "Document Label", { next: STYLE.title, run: { smallCaps: true, color, characterSpacing: 20 }, paragraph: { spacing: { before: 480, after: 0 }, keepNext: true } }),
    based(STYLE.closing, "Closing", { paragraph: { spacing: { before: 360, after: 120 }, keepNext: true } }),
    based(STYLE.signature, "Signature", { paragraph: { spacing: { before: 480, after: 0 }, keepLines: true } }),
    // A wrapped entry's further lines hang under its first, so it cannot be read as two signatories.
    based(STYLE.signatory, "Signatory", { paragraph: { spacing: { after: 0 }, indent: { left: 283, hanging: 283 } } }),
    based(STYLE.signatoryCompact, "Signatory List", { run: { size: size - 3 }, paragraph: { spacing: { after: 80 } } }),
  ];
  const characterStyles = [
    { id: STYLE.hyperlink, name: "Hyperlink", basedOn: "DefaultParagraphFont", run: { color: "0563C1", underline: { type: UnderlineType.SINGLE } } },
    { id: STYLE.footnoteReference, name: "footnote reference", basedOn: "DefaultParagraphFont", run: { superScript: true } },
    { id: STYLE.strong, name: "Strong", basedOn: "DefaultParagraphFont", quickFormat: true, run: { bold: true } },
    { id: STYLE.emphasis, name: "Emphasis", basedOn: "DefaultParagraphFont", quickFormat: true, run: { italics: true } },
    { id: STYLE.code, name: "HTML Code", basedOn: "DefaultParagraphFont", run: { font: "Courier New", size: size - 2 } },
  ];
  return {
    // All styles are ours, so docx's default set (with its own colours and sizes) is replaced as a whole.
    importedStyles: [
      new DocumentDefaults({
        run: { font: { ascii: font, hAnsi: font, cs: font, eastAsia: font }, size, language: { value: languageTag(doc.meta.lang) } },
        // Widow and orphan control stated, not left to the application's default.
        paragraph: { spacing: { after: 120, line: 264, lineRule: LineRuleType.AUTO }, widowControl: true } as IParagraphStyleOptions["paragraph"],
      }),
      characterStyleNamed("DefaultParagraphFont", "Default Paragraph Font"),
      tableStyleNormal(),
      tableStyleGrid(),
      ...paragraphStyles.map((options) => new StyleForParagraph(options)),
      ...characterStyles.map((options) => new StyleForCharacter(options)),
    ],
  };
}

/** The default character style every character style is based on, as Word writes it. */
function characterStyleNamed(id: string, name: string): BuilderElement {
  return new BuilderElement({
    name: "w:style",
    attributes: { type: { key: "w:type", value: "character" }, default: { key: "w:default", value: "1" }, styleId: { key: "w:styleId", value: id } },
    children: [valueElement("w:name", name), valueElement("w:uiPriority", "1"), new BuilderElement({ name: "w:semiHidden" }), new BuilderElement({ name: "w:unhideWhenUsed" })],
  });
}

/** docx has no table styles, so Word's "Normal Table" and "Table Grid" are written as elements. */
function tableStyleNormal(): BuilderElement {
  return new BuilderElement({
    name: "w:style",
    attributes: { type: { key: "w:type", value: "table" }, default: { key: "w:default", value: "1" }, styleId: { key: "w:styleId", value: "TableNormal" } },
    children: [
      valueElement("w:name", "Normal Table"),
      valueElement("w:uiPriority", "99"),
      new BuilderElement({ name: "w:semiHidden" }),
      new BuilderElement({ name: "w:unhideWhenUsed" }),
      new BuilderElement({ name: "w:tblPr", children: [widthElement("w:tblInd", 0), new BuilderElement({ name: "w:tblCellMar", children: [widthElement("w:top", 0), widthElement("w:left", 108), widthElement("w:bottom", 0), widthElement("w:right", 108)] })] }),
    ],
  });
}

function tableStyleGrid(): BuilderElement {
  const border = (side: string) => new BuilderElement({ name: side, attributes: { val: { key: "w:val", value: "single" }, sz: { key: "w:sz", value: 4 }, space: { key: "w:space", value: 0 }, color: { key: "w:color", value: "808080" } } });
  return new BuilderElement({
    name: "w:style",
    attributes: { type: { key: "w:type", value: "table" }, styleId: { key: "w:styleId", value: STYLE.table } },
    children: [
      valueElement("w:name", "Table Grid"),
      valueElement("w:basedOn", "TableNormal"),
      valueElement("w:uiPriority", "39"),
      new BuilderElement({ name: "w:pPr", children: [new BuilderElement({ name: "w:spacing", attributes: { after: { key: "w:after", value: 0 }, line: { key: "w:line", value: 240 }, lineRule: { key: "w:lineRule", value: "auto" } } })] }),
      new BuilderElement({
        name: "w:tblPr",
        children: [
          new BuilderElement({ name: "w:tblBorders", children: ["w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"].map(border) }),
          new BuilderElement({ name: "w:tblCellMar", children: [widthElement("w:left", 108), widthElement("w:right", 108)] }),
        ],
      }),
    ],
  });
}

const valueElement = (name: string, value: string) => new BuilderElement({ name, attributes: { val: { key: "w:val", value } } });
const widthElement = (name: string, twips: number) => new BuilderElement({ name, attributes: { w: { key: "w:w", value: twips }, type: { key: "w:type", value: "dxa" } } });

/** Indent per list level, in twips; the number hangs in the first 0.7 cm. */
const LIST_INDENT = 567;
const HANGING = 397;
const BULLETS = ["•", "–", "▪"];

function levels(format: (level: number) => { format: (typeof LevelFormat)[keyof typeof LevelFormat]; text: string }, start = 1) {
  return Array.from({ length: 9 }, (_, level) => ({
    level,
    ...format(level),
    start: level === 0 ? start : 1,
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: LIST_INDENT * (level + 1), hanging: HANGING } } },
  }));
}

/**
 * One definition per kind of list (and per start number of an ordered list). Each list in
 * the text is its own instance of it, so numbering restarts with every list instead of
 * running on from the one before.
 */
export function listDefinition(ordered: boolean, start = 1): NumberingDefinition {
  return ordered
    ? { reference: `ordered-from-${start}`, levels: levels((level) => ({ format: LevelFormat.DECIMAL, text: `%${level + 1}.` }), start) }
    : { reference: "bullet", levels: levels((level) => ({ format: LevelFormat.BULLET, text: BULLETS[level % BULLETS.length] })) };
}
