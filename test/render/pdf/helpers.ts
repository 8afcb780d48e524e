import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

export async function openPdf(bytes: Uint8Array) {
  return getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
}

/** The text of each page, one string per page, lines as pdf.js reports them. */
export async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const pdf = await openPdf(bytes);
  const pages: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str + (item.hasEOL ? "\n" : "") : "")).join(""));
  }
  return pages;
}

export const pdfText = async (bytes: Uint8Array) => (await pdfPages(bytes)).join("\n");

/** A node of pdf.js's structure tree: a role with children, or marked content. */
export interface StructNode {
  role?: string;
  lang?: string;
  children?: StructNode[];
  type?: string;
  id?: string;
}

/** Every structure element of every page, depth first, with the text of its marked content. */
export async function pdfTags(bytes: Uint8Array): Promise<{ role: string; lang?: string; text: string }[]> {
  const pdf = await openPdf(bytes);
  const tags: { role: string; lang?: string; text: string }[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const page = await pdf.getPage(i);
    const content = await page.getTextContent({ includeMarkedContent: true });
    // Text of each marked-content id, in stream order.
    const textOf = new Map<string, string>();
    let open: string[] = [];
    for (const item of content.items) {
      if ("type" in item && item.type === "beginMarkedContentProps" && item.id) open.push(item.id);
      else if ("type" in item && item.type === "endMarkedContent") open = open.slice(0, -1);
      else if ("str" in item && open.length) textOf.set(open[open.length - 1], (textOf.get(open[open.length - 1]) ?? "") + item.str);
    }
    const walk = (node: StructNode): string => {
      if (node.type === "content" && node.id) return textOf.get(node.id) ?? "";
      const at = tags.length;
      if (node.role) tags.push({ role: node.role, lang: node.lang, text: "" });
      const text = (node.children ?? []).map(walk).join("");
      if (node.role) tags[at].text = text;
      return text;
    };
    walk(((await page.getStructTree()) ?? {}) as StructNode);
  }
  return tags;
}
