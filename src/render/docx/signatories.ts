import { Paragraph } from "docx";
import type { AssembledDocument } from "../../assemble/types.js";
import { compactParagraphs, describeSignatory, ONE_PER_LINE_UP_TO, personsInOrder } from "../../signatories/describe.js";
import type { Signatory } from "../../signatories/types.js";
import { headingStyle, STYLE } from "./styles.js";
import { textRuns } from "./text.js";

/** The signatory section: organisations, then named persons, then the count of unnamed ones. */
export function signatoryBlocks(doc: AssembledDocument): Paragraph[] {
  const { signatories, labels } = doc;
  if (!doc.template.signatories || !signatories.total) return [];
  const heading = (level: 2 | 3, text: string) => new Paragraph({ style: headingStyle(level), children: textRuns(text) });
  const blocks = [heading(2, labels.signatories)];
  if (signatories.organisations.length) blocks.push(heading(3, labels.organisations), ...nameParagraphs(signatories.organisations));
  if (signatories.persons.length || signatories.hiddenPersons) blocks.push(heading(3, labels.persons), ...nameParagraphs(personsInOrder(signatories.persons, doc.meta.personOrder)));
  if (signatories.hiddenPersons) blocks.push(new Paragraph({ style: STYLE.signatory, children: textRuns(labels.hiddenPersons(signatories.hiddenPersons)) }));
  return blocks;
}

function nameParagraphs(list: readonly Signatory[]): Paragraph[] {
  if (list.length <= ONE_PER_LINE_UP_TO) return list.map((s) => new Paragraph({ style: STYLE.signatory, children: textRuns(describeSignatory(s)) }));
  return compactParagraphs(list.map(describeSignatory)).map((text) => new Paragraph({ style: STYLE.signatoryCompact, children: textRuns(text) }));
}
