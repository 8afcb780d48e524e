import { describe, expect, it } from "vitest";
import { allMessageKeys, t } from "../../src/i18n/catalogue.js";
import { localeFromAcceptLanguage, localeFromEnv } from "../../src/i18n/locale.js";

describe("message catalogue", () => {
  it("chooses bokmål for Norwegian locales and English otherwise", () => {
    expect(localeFromEnv({ LANG: "nb_NO.UTF-8" })).toBe("nb");
    expect(localeFromEnv({ LANG: "nn_NO.UTF-8" })).toBe("nb");
    expect(localeFromEnv({ LANG: "no_NO" })).toBe("nb");
    expect(localeFromEnv({ LANG: "en_GB.UTF-8", LC_ALL: "nb_NO.UTF-8" })).toBe("nb");
    expect(localeFromEnv({ LANG: "nb_NO.UTF-8", LC_ALL: "C" })).toBe("en");
    expect(localeFromEnv({ LANG: "de_DE.UTF-8" })).toBe("en");
    expect(localeFromEnv({})).toBe("en");
  });

  it("reads a browser's Accept-Language by preference", () => {
    expect(localeFromAcceptLanguage("nb-NO,nb;q=0.9,en;q=0.8")).toBe("nb");
    expect(localeFromAcceptLanguage("en-US,en;q=0.9,nb;q=0.8")).toBe("en");
    expect(localeFromAcceptLanguage("de;q=1,nn;q=0.5")).toBe("nb");
    expect(localeFromAcceptLanguage(undefined)).toBe("en");
  });

  it("has every message in both languages, and they differ in grammar where counts do", () => {
    for (const key of allMessageKeys()) {
      for (const locale of ["nb", "en"] as const) {
        const text = (t as (k: string, p: unknown, l: string) => string)(key, new Proxy({}, { get: () => 1 }), locale);
        expect(text, `${key} in ${locale}`).toMatch(/\S/);
      }
    }
    expect(t("cli.summary", { errors: 1, warnings: 2 }, "en")).toBe("1 error, 2 warnings");
    expect(t("cli.summary", { errors: 1, warnings: 1 }, "nb")).toBe("1 feil, 1 advarsel");
  });
});
