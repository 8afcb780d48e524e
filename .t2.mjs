import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import fs from "fs";
const data = new Uint8Array(fs.readFileSync(process.argv[2]));
const doc = await getDocument({ data, useSystemFonts: false }).promise;
for (let i=1;i<=doc.numPages;i++){ const p = await doc.getPage(i); const tc = await p.getTextContent(); console.log(tc.items.map(x=>x.str + (x.hasEOL?"\n":"")).join(""));
 const ops = await p.getOperatorList(); const fonts = new Set(); 
 for (const [k,v] of Object.entries(p.commonObjs._objs ?? {})) fonts.add(k);
}
console.log(await doc.getMarkInfo(), JSON.stringify(await doc.getMetadata()).slice(0,600));
const raw = Buffer.from(data).toString("latin1"); console.log([...raw.matchAll(/\/BaseFont\s*\/([^\s/]+)/g)].map(m=>m[1]));
