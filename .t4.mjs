import { NodeCompiler } from "@myriaddreamin/typst-ts-node-compiler";
const c = NodeCompiler.create({ fontArgs: [{ fontPaths: ["/usr/share/fonts/truetype/crosextra"] }] });
const names = Array.from({length: 100000}, (_, i) => `Person Nummer ${i} — sykepleier, Organisasjon ${i%100}, Oslo`);
const [body, textset, tags] = [process.argv[2], process.argv[3] ?? "", process.argv[4] !== "notags"];
const src = `#set text(font: "Carlito", lang: "nb", size: 9pt ${textset})
#let d = json(bytes(sys.inputs.doc))
= Undertegnet
${body}
`;
const chunks = []; for (let i=0;i<names.length;i+=500) chunks.push(names.slice(i,i+500).join("\n"));
let t=performance.now();
const r = c.compile({ mainFileContent: src, inputs: { doc: JSON.stringify({persons: names.join("\n"), chunks, names}) } });
if (r.hasError()) r.printErrors();
const tc = performance.now()-t;
const pdf = c.pdf(r.result, { creationTimestamp: 1700000000, pdfTags: tags });
console.log(process.argv.slice(2).join(" | "), "compile", Math.round(tc), "total", Math.round(performance.now()-t), r.result?.numOfPages, "maxrss", process.resourceUsage().maxRSS/1e3);
