import { NodeCompiler } from "@myriaddreamin/typst-ts-node-compiler";
const c = NodeCompiler.create({ fontArgs: [{ fontPaths: ["/usr/share/fonts/truetype/crosextra"] }] });
const [n, unit, sep] = [+process.argv[2], process.argv[3], process.argv[4]];
const names = Array.from({length: n}, (_, i) => unit.replace("I", i));
const chunks = []; for (let i=0;i<names.length;i+=1000) chunks.push(names.slice(i,i+1000).join(sep === "nl" ? "\n" : sep));
const body = process.argv[5] ?? '#columns(3, for c in d.chunks { text(c); parbreak() })';
const src = `#set text(font: "Carlito", lang: "nb", size: 9pt, hyphenate: false)
#let d = json(bytes(sys.inputs.doc))
${body}
`;
let t=performance.now(); const cpu0=process.cpuUsage();
const r = c.compile({ mainFileContent: src, inputs: { doc: JSON.stringify({chunks}) } });
if (r.hasError()) r.printErrors();
const tc = performance.now()-t; const cpuc=process.cpuUsage(cpu0);
const pdf = c.pdf(r.result, { creationTimestamp: 1700000000 });
const cpu=process.cpuUsage(cpu0); console.log(process.argv.slice(2).join(" | "), "cpu", Math.round((cpuc.user+cpuc.system)/1000), Math.round((cpu.user+cpu.system)/1000), "compile", Math.round(tc), "total", Math.round(performance.now()-t), r.result?.numOfPages, "maxrss", process.resourceUsage().maxRSS/1e3);
