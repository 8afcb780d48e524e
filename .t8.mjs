import { NodeCompiler } from "@myriaddreamin/typst-ts-node-compiler";
const c = NodeCompiler.create({});
const src = `#set document(title: "T")
#set text(lang: "nb")
Hei#[#footnote[Fotnote én]#label("fn-a")] og igjen#footnote(label("fn-a")) see #link(label("source-1"))[[1]]
#pagebreak()
#enum(numbering: "[1]", enum.item([#metadata(none)#label("source-1")Kilde én]))
#let s = "x\\u{E000}y"
#s.replace("\\u{E000}", "Z")
`;
const r = c.compile({ mainFileContent: src });
if (r.hasError()) { r.printErrors(); process.exit(1) }
const w = r.takeWarnings(); if (w) console.log(JSON.stringify(w.shortDiagnostics));
for (const std of [undefined, "ua-1", "a-2b"]) { try { const pdf = c.pdf(r.result, { creationTimestamp: 1700000000, pdfStandard: std }); require; } catch (e) { console.log(std, "ERR", e.message); } }
const pdf = c.pdf(r.result, { creationTimestamp: 1700000000 });
import fs from "fs"; fs.writeFileSync("/tmp/pdfx/t8.pdf", pdf);
