import { NodeCompiler } from "@myriaddreamin/typst-ts-node-compiler";
const c = NodeCompiler.create({});
const per = +process.argv[2], cols = +process.argv[3], tags = process.argv[4] !== "notags";
const P = ["Oslo","Bergen","Ålesund"];
const names = Array.from({length: 95000}, (_, i) => `Kari Nordmann ${i}${i%10===0?" — sykepleier, ":" — "}${P[i%3]}`);
const runs = []; for (let i=0;i<names.length;i+=per) runs.push(names.slice(i,i+per).join("\n"));
const body = process.argv[5] ?? `#columns(${cols}, gutter: 1.5em, { set text(size: 0.9em, hyphenate: false); set par(spacing: 0.6em); for run in d.runs { text(run); parbreak() } })`;
const src = `#set text(font: "Carlito", lang: "nb", size: 11pt, hyphenate: true)
#set page(paper: "a4", margin: (x: 2.5cm, top: 2.2cm, bottom: 2.5cm), footer: context { str(counter(page).get().first()) })
#let d = json(bytes(sys.inputs.doc))
${body}
`;
const cpu0=process.cpuUsage(); let t = performance.now();
const r = c.compile({ mainFileContent: src, inputs: { doc: JSON.stringify({runs}) } });
if (r.hasError()) r.printErrors();
const cpuc=process.cpuUsage(cpu0); const tc = performance.now() - t;
const pdf = c.pdf(r.result, { creationTimestamp: 1700000000, pdfTags: tags });
const cpu=process.cpuUsage(cpu0);
console.log(process.argv.slice(2).join(" | "), "compile cpu", Math.round((cpuc.user+cpuc.system)/1000), "wall", Math.round(tc), "| total cpu", Math.round((cpu.user+cpu.system)/1000), "wall", Math.round(performance.now()-t), "pages", r.result?.numOfPages, "maxrss", process.resourceUsage().maxRSS/1e3);
