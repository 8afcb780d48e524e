import { messages } from "./types.js";

/** Words of the collect concern, bokmål and English. */
export const collect = messages({});
