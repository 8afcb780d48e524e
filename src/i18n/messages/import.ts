import { messages } from "./types.js";

/** Words of the import concern, bokmål and English. */
export const importer = messages({});
