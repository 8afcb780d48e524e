import { NodeCompiler } from "@myriaddreamin/typst-ts-node-compiler";
import { TEMPLATE } from "/work/main/.tmp-pdfx/dist/render/pdf/template.js";
import fs from "fs";
const c = NodeCompiler.create({});
const data = fs.readFileSync("/tmp/pdfx/data.json", "utf8");
const lines = TEMPLATE.split("\n");
for (let cut = 10; cut <= lines.length; cut += 1) {
  const r = c.compile({ mainFileContent: lines.slice(0, cut).join("\n"), inputs: { doc: data } });
  if (lines[cut] !== undefined && !lines[cut].startsWith("#") && lines[cut] !== "") continue;
  if (r.hasError()) { console.log("fails at", cut, lines[cut-1]); break; }
}
