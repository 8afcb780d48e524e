import { Document } from "docx";
import type { AssembledDocument } from "../../assemble/types.js";
import type { RenderOptions } from "../types.js";
import { bodyContext, footnotesOf } from "./body.js";
import { footer, letterBlocks } from "./letter.js";
import { languageTag } from "../../i18n/index.js";
import { pack } from "./pack.js";
import { PAGE, stylesFor } from "./styles.js";
import { xmlSafe } from "./text.js";

/**
 * The AssembledDocument as a Word document a secretary can send as it is and still edit:
 * every paragraph in a named style, real numbering, footnotes and page fields, the
 * document language set, and the same bytes for the same inputs and date.
 */
export async function render(doc: AssembledDocument, options: RenderOptions): Promise<Uint8Array> {
  const ctx = bodyContext(doc, options);
  const children = await letterBlocks(doc, ctx, options);
  const senders = xmlSafe(doc.meta.from.map((sender) => sender.name).join(", "));
  const file = new Document({
    title: xmlSafe(doc.meta.title),
    creator: senders,
    lastModifiedBy: senders,
    subject: xmlSafe(doc.template.label[doc.meta.lang] ?? doc.template.name),
    description: `${doc.labels.version} ${doc.fingerprint}`,
    styles: stylesFor(doc),
    // Off, as in the PDF: LibreOffice without hyphenation dictionaries cannot hyphenate, so only "off" lays out alike everywhere.
    hyphenation: { autoHyphenation: false },
    footnotes: footnotesOf(ctx),
    sections: [
      {
        properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: { top: PAGE.margin, right: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, header: PAGE.footer, footer: PAGE.footer } } },
        footers: { default: footer(doc) },
        children,
      },
    ],
  });
  return pack(file, doc.meta.date, languageTag(doc.meta.lang));
}
