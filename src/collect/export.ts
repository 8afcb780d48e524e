import { sortSignatories, writeSignatories, type Signatory } from "../signatories/index.js";
import type { SignatureStore, StoredSignature } from "./store.js";

/** Stored sign-ons as the signatories every renderer and writer takes. */
export function toSignatories(signatures: readonly StoredSignature[]): Signatory[] {
  return signatures.map((s, i) => ({
    type: s.type,
    name: s.name,
    organisation: s.organisation,
    role: s.role,
    orgnr: s.orgnr,
    place: s.place,
    email: s.email,
    publish: s.publish,
    signedAt: s.signedAt,
    version: s.version,
    source: { file: `sign-on:${s.document}`, line: i + 1 },
    extra: {},
  }));
}

/**
 * Writes the confirmed and approved sign-ons as a signatory file (SPEC §4; csv,
 * tsv, json or yaml by extension) that `build` reads. Returns how many it wrote.
 */
export async function exportSignatures(store: SignatureStore, file: string, document?: string): Promise<number> {
  const list = sortSignatories(toSignatories(await store.list("accepted", document)));
  await writeSignatories(list, file);
  return list.length;
}
