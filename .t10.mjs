import { assembleDocuments } from "/work/main/.tmp-pdfx/dist/build/index.js";
import { documentData } from "/work/main/.tmp-pdfx/dist/render/pdf/data.js";
import { Reporter } from "/work/main/.tmp-pdfx/dist/report/index.js";
import fs from "fs";
const rep = new Reporter();
const [doc] = await assembleDocuments([process.argv[2] ?? "documents/stotteerklaering-smertebehandling.md"], rep, {});
fs.writeFileSync("/tmp/pdfx/data.json", JSON.stringify(documentData(doc, {reporter: rep}), null, 1));
