/** opprop as a library: load a workspace, assemble a document, render it. */
export { loadWorkspace, findWorkspaceRoot, type Workspace, type Block } from "./workspace/index.js";
export { initWorkspace } from "./workspace/init.js";
export { assemble, type AssembleOptions } from "./assemble/index.js";
export type { AssembledDocument, DocumentMeta, Footnote, NumberedSource, Citation } from "./assemble/types.js";
export { render, FORMATS, type Format, type RenderOptions } from "./render/index.js";
export { buildDocuments, assembleDocuments, type BuildOptions, type BuiltFile } from "./build/index.js";
export { writeFileAtomic } from "./build/write.js";
export { Reporter, formatMessage, type Message, type Severity } from "./report/index.js";
export { LABELS, formatDate, languageTag, type Labels } from "./i18n/index.js";
export { main } from "./cli/main.js";
export type { Signatory, SignatoryList } from "./signatories/types.js";
export { mergeSignatoryFiles, loadSignatories, writeSignatories, checkOrgnr } from "./signatories/index.js";
export { startPreview, type PreviewServer } from "./preview/index.js";
export { importDocx } from "./import/index.js";
export { readOutline } from "./consultation/outline.js";
export { scaffoldHoringssvar } from "./consultation/scaffold.js";
export { createCollectServer, openStore, exportSignatures } from "./collect/index.js";
