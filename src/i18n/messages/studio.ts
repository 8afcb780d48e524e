import { messages } from "./types.js";

/** Words of the studio concern, bokmål and English. */
export const studio = messages({});
