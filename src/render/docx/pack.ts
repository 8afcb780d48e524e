import { Packer, type Document } from "docx";
import { fixPart } from "./fixups.js";
import { cachedDeflate } from "./part-cache.js";
import { zipParts, type ZipPart } from "./zip.js";

type Parts = Map<string, string | Uint8Array>;

/**
 * fflate, loaded when first needed: its module builds its tables when it loads (~5 ms at a
 * cold start), and a build whose parts all come from the CLI's cache compresses nothing.
 */
const fflate = () => import("fflate");

/**
 * The package's parts as docx writes them, before zipping. docx's compiler is not public
 * API, but taking the parts from it and zipping once (in `pack`) saves the two DEFLATE
 * passes of zip → unzip → zip, about half the time for 100,000 signatories. If a docx
 * release moves it, the public route gives the very same parts.
 */
async function packageParts(file: Document): Promise<Parts> {
  const compiler = (Packer as unknown as { compiler?: { compile?: (file: Document) => Parts } }).compiler;
  if (typeof compiler?.compile === "function") return compiler.compile(file);
  return new Map(Object.entries((await fflate()).unzipSync(await Packer.pack(file, "uint8array"))));
}

/**
 * Zips the document byte-for-byte reproducibly. docx writes three things that change from
 * run to run: random relationship ids (nanoid, for hyperlinks and for the footnotes and
 * numbering parts), the time of writing in the core properties, and the time of writing
 * on every zip entry. They become ids numbered in order of appearance, the document's own
 * date, and that date at noon (local time, which is what zip stores, so the bytes do not
 * depend on the time zone). fflate compresses in JavaScript, so the bytes do not depend
 * on the zlib build of the machine either; a part compressed in an earlier build comes
 * from the CLI's cache (part-cache.ts) as the very same bytes.
 */
export async function pack(file: Document, isoDay: string, languageTag: string): Promise<Uint8Array> {
  const parts = await packageParts(file);
  const texts = new Map<string, string>();
  for (const [name, data] of parts) if (/\.(xml|rels)$/.test(name)) texts.set(name, typeof data === "string" ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString("utf8"));

  const renamed = new Map<string, string>();
  for (const [name, text] of texts) {
    if (!name.endsWith(".rels")) continue;
    for (const [, id] of text.matchAll(/ Id="([^"]+)"/g)) if (!/^rId\d+$/.test(id) && !renamed.has(id)) renamed.set(id, `rIdL${renamed.size + 1}`);
  }
  const randomId = renamed.size ? new RegExp(`"(${[...renamed.keys()].map((id) => id.replace(/[^\w]/g, "\\$&")).join("|")})"`, "g") : undefined;
  const timestamp = `${isoDay}T00:00:00Z`;

  const [year, month, day] = isoDay.split("-").map(Number);
  // Zip cannot store a time before 1980.
  const mtime = new Date(Math.max(year, 1980), month - 1, day, 12);
  // [Content_Types].xml first, as Office writes it; the rest keep docx's (stable) order.
  const names = [...parts.keys()];
  const ordered = [...names.filter((name) => name === "[Content_Types].xml"), ...names.filter((name) => name !== "[Content_Types].xml")];
  const zipped: ZipPart[] = [];
  for (const name of ordered) {
    let text = texts.get(name);
    if (text !== undefined) {
      if (randomId) text = text.replace(randomId, (_, id: string) => `"${renamed.get(id)}"`);
      text = fixPart(name, text, languageTag);
      if (name === "docProps/core.xml") text = text.replace(/(<dcterms:(?:created|modified)\b[^>]*>)[^<]*/g, `$1${timestamp}`);
    }
    const data = text === undefined ? (parts.get(name) as Uint8Array) : Buffer.from(text, "utf8");
    zipped.push({ name, data, deflated: await cachedDeflate(data, async (part) => (await fflate()).deflateSync(part)) });
  }
  return zipParts(zipped, mtime);
}
