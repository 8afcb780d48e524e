export { createCollectServer, type CollectServerOptions } from "./server.js";
export { exportSignatures, toSignatories } from "./export.js";
export { openStore } from "./open.js";
export { MissingStoreError, type NewSignature, type Selection, type SignatureStore, type StoredSignature } from "./store.js";
