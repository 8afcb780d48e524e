import { NodeCompiler } from "@myriaddreamin/typst-ts-node-compiler";
const c = NodeCompiler.create({ fontArgs: [{ fontPaths: ["/usr/share/fonts/truetype/crosextra"] }] });
const names = Array.from({length: 100000}, (_, i) => `Person Nummer ${i} — sykepleier, Organisasjon ${i%100}, Oslo`);
const variant = process.argv[2];
const src = `#set text(font: "Carlito", lang: "nb", hyphenate: true, size: 9pt)
#set page(footer: context [Side #counter(page).display() av #counter(page).final().first()])
#let d = json(bytes(sys.inputs.doc))
= Undertegnet
${variant === "a" ? `#columns(3, gutter: 1em, text(d.persons))` : ""}
${variant === "b" ? `#columns(3, gutter: 1em)[#for chunk in d.chunks { par(chunk) }]` : ""}
${variant === "c" ? `#columns(3, gutter: 1em)[#for chunk in d.chunks { text(chunk); parbreak() }]` : ""}
`;
const chunks = []; for (let i=0;i<names.length;i+=500) chunks.push(names.slice(i,i+500).join("\n"));
const rss0 = process.memoryUsage().rss; let peak = rss0; const iv = setInterval(()=>{peak=Math.max(peak,process.memoryUsage().rss)},5);
let t=performance.now();
const r = c.compile({ mainFileContent: src, inputs: { doc: JSON.stringify({persons: names.join("\n"), chunks}) } });
if (r.hasError()) r.printErrors();
console.log("compile", performance.now()-t, r.result?.numOfPages);
const pdf = c.pdf(r.result, { creationTimestamp: 1700000000 });
console.log("total", performance.now()-t, pdf.length, "rss", process.memoryUsage().rss/1e6, process.resourceUsage().maxRSS/1e3);
clearInterval(iv);
import fs from "fs"; fs.writeFileSync("/tmp/pdfx/t3.pdf", pdf);
