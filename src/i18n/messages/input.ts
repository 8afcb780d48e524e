import { messages } from "./types.js";

/** Words of the input concern, bokmål and English. */
export const input = messages({});
