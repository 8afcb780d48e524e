import type { Signatory } from "./types.js";

/**
 * A signatory as every format prints it: "Name — role, organisation, place".
 * Only these fields: e-mail, phone and any other column a list brings along are
 * for contact and never reach a document. Runs once per name, so kept cheap.
 */
export function describeSignatory(s: Signatory): string {
  const details = [s.role, s.organisation, s.place].filter(Boolean).join(", ");
  return details ? `${s.name} — ${details}` : s.name;
}
