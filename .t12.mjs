import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import fs from "fs";
const data = new Uint8Array(fs.readFileSync(process.argv[2]));
const doc = await getDocument({ data }).promise;
const roles = (n, acc = new Set()) => { if (n.role) acc.add(n.role); for (const c of n.children ?? []) roles(c, acc); return acc; };
const p = await doc.getPage(1);
console.log([...roles(await p.getStructTree())]);
console.log((await doc.getOutline())?.map(o => [o.title, o.items.map(i=>i.title)]));
const md = await doc.getMetadata(); console.log(md.metadata?.getRaw?.().slice(0, 1500), md.metadata?.get?.("pdfaid:part"));
