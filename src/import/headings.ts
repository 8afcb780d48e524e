/**
 * Which heading level divides a document into its parts. When the top level is used
 * once, by the first heading, with deeper headings below, that heading is the
 * document's title and the next level down holds the parts (a Word file of our own
 * `build` output, or a guideline with an H1 title and H2 chapters).
 */
export function partDepth(depths: number[]): { depth: number; titleIndex?: number } | undefined {
  if (!depths.length) return undefined;
  const top = Math.min(...depths);
  const atTop = depths.filter((d) => d === top).length;
  const deeper = depths.filter((d) => d > top);
  if (atTop === 1 && depths[0] === top && deeper.length) return { depth: Math.min(...deeper), titleIndex: 0 };
  return { depth: top };
}
