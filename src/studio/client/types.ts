// The shapes the server sends (src/studio/state.ts and library.ts), seen from the browser.
export type { DocumentState, Problem } from "../state.js";
export type { LibraryBlock } from "../library.js";
export type { ColumnGuess } from "../../signatories/guess.js";
