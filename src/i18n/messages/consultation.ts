import { messages } from "./types.js";

/** Words of the consultation concern, bokmål and English. */
export const consultation = messages({});
