import { describe, expect, it } from "vitest";
import { checkOrgnr, describeIssues, signatoryRowSchema } from "../../src/signatories/index.js";

describe("checkOrgnr", () => {
  it("accepts real organisation numbers", () => {
    for (const orgnr of ["974760673", "923609016", "983887457", "123456785"]) expect(checkOrgnr(orgnr)).toBe(true);
  });
  it("rejects a wrong check digit, wrong length and letters", () => {
    for (const orgnr of ["123456789", "974760674", "97476067", "9747606730", "97476067x"]) expect(checkOrgnr(orgnr)).toBe(false);
  });
});

describe("signatoryRowSchema", () => {
  const parse = (row: Record<string, string>) => signatoryRowSchema.safeParse(row);

  it("normalises text: NFC, collapsed whitespace, no control characters", () => {
    const result = parse({ name: "  A\u030Ase \t Ødegård\u0007 ", organisation: "Foreningen\u00a0for  smerte" });
    expect(result.success && result.data).toMatchObject({ name: "Åse Ødegård", organisation: "Foreningen for smerte" });
  });

  it("makes a row with orgnr an organisation, which always publishes", () => {
    const result = parse({ name: "Norsk Smerteforening", orgnr: "974 760 673", publish: "nei" });
    expect(result.success && result.data).toMatchObject({ type: "organisation", orgnr: "974760673", publish: true });
  });

  it("names a person only with consent, read from yes/ja/x or a ticked form label", () => {
    const publish = (value?: string) => {
      const result = parse(value === undefined ? { name: "Kari" } : { name: "Kari", publish: value });
      return result.success ? result.data.publish : "error";
    };
    expect([publish("ja"), publish("Yes"), publish("x"), publish("1"), publish("Ja, navnet mitt kan vises")]).toEqual([true, true, true, true, true]);
    expect([publish(undefined), publish(""), publish("nei"), publish("0"), publish("False")]).toEqual([false, false, false, false, false]);
    expect(publish("kanskje")).toBe("error");
  });

  it("keeps phone and unknown columns in extra", () => {
    const result = signatoryRowSchema.safeParse({ name: "Kari", phone: "+47 912 34 567", extra: { Kommentar: "hei" } });
    expect(result.success && result.data.extra).toEqual({ Kommentar: "hei", phone: "+47 912 34 567" });
  });

  it("reads ISO and Norwegian date-times", () => {
    const signed = (value: string) => {
      const result = parse({ name: "Kari", signed_at: value });
      return result.success ? result.data.signedAt : "error";
    };
    expect(signed("2026-11-22T10:15:00Z")).toBe("2026-11-22T10:15:00Z");
    expect(signed("2026-11-22 10:15")).toBe("2026-11-22T10:15");
    expect(signed("22.11.2026 10:15")).toBe("2026-11-22T10:15");
    expect(signed("1.2.2026")).toBe("2026-02-01");
    expect(signed("2026-02-29")).toBe("error");
    expect(signed("2024-02-29")).toBe("2024-02-29");
    expect(signed("i går")).toBe("error");
  });

  it("keeps a formula-neutralising apostrophe literally", () => {
    const result = parse({ name: "'=SUM(A1)" });
    expect(result.success && result.data.name).toBe("'=SUM(A1)");
  });

  it("says what is wrong with each field", () => {
    const result = parse({ name: " ", type: "gruppe", orgnr: "123456789", publish: "kanskje", signed_at: "2026-13-01" });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(describeIssues(result.error)).toEqual([
      "name is missing",
      'type must be organisation or person, got "gruppe"',
      "orgnr 123456789 fails the MOD11 check",
      'publish must be yes or no (ja/nei), got "kanskje"',
      'signed_at "2026-13-01" is not a time opprop can read (use 2026-11-22T10:15 or 22.11.2026 10:15)',
    ]);
    expect(result.error.issues.map((issue) => issue.path[0])).toEqual(["name", "type", "orgnr", "publish", "signed_at"]);
  });

  it("reports orgnr that is not 9 digits, and non-text input from a form", () => {
    const short = parse({ name: "X", orgnr: "12345" });
    expect(!short.success && describeIssues(short.error)).toEqual(["orgnr 12345 is not 9 digits"]);
    const typed = signatoryRowSchema.safeParse({ name: 42 });
    expect(!typed.success && describeIssues(typed.error)[0]).toMatch(/^name: /);
  });
});
