export { createPreviewBuilder, type PreviewBuilder, type PreviewState } from "./builder.js";
export { pageHtml } from "./page.js";
export { startPreview, type PreviewOptions, type PreviewServer } from "./server.js";
