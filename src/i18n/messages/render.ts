import { messages } from "./types.js";

/** Words of the render concern, bokmål and English. */
export const render = messages({});
