import { NodeCompiler } from "@myriaddreamin/typst-ts-node-compiler";
const c = NodeCompiler.create({ fontArgs: [{ fontPaths: ["/usr/share/fonts/truetype/crosextra"] }] });
const n = +process.argv[2], len = process.argv[3];
const names = Array.from({length: n}, (_, i) => len === "short" ? `Kari Nordmann ${i}` : `Person Nummer ${i} — sykepleier, Organisasjon ${i%100}, Oslo`);
const body = process.argv[4] ?? '#text(d.persons)';
const src = `#set text(font: "Carlito", lang: "nb", size: 9pt, hyphenate: false)
#let d = json(bytes(sys.inputs.doc))
${body}
`;
let t=performance.now(); const cpu0=process.cpuUsage();
const r = c.compile({ mainFileContent: src, inputs: { doc: JSON.stringify({persons: names.join("\n"), names, joined: names.join(" · ")}) } });
if (r.hasError()) r.printErrors();
const tc = performance.now()-t;
const pdf = c.pdf(r.result, { creationTimestamp: 1700000000 });
const cpu=process.cpuUsage(cpu0); console.log(process.argv.slice(2).join(" | "), "cpu", Math.round((cpu.user+cpu.system)/1000), "compile", Math.round(tc), "total", Math.round(performance.now()-t), r.result?.numOfPages, "maxrss", process.resourceUsage().maxRSS/1e3);
