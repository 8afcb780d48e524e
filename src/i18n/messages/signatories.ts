import { messages } from "./types.js";

/** Words of the signatories concern, bokmål and English. */
export const signatories = messages({});
