export { createPreviewBuilder, type PreviewBuilder, type PreviewState } from "./builder.js";
export { WorkspaceCache } from "./cache.js";
export { pageHtml } from "./page.js";
export { startPreview, type PreviewOptions, type PreviewServer } from "./server.js";
