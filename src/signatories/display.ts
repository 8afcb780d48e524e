/** How messages name a signatory file: relative to the display root when inside it, else absolute. */
import path from "node:path";

export function displayName(root: string, absolute: string): string {
  const relative = path.relative(root, absolute);
  return relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative.split(path.sep).join("/") : absolute;
}
