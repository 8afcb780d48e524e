import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assembleDocuments } from "../../src/build/index.js";
import { formatDate, LABELS, languageTag } from "../../src/i18n/index.js";
import { formatNumber } from "../../src/i18n/messages/types.js";
import { parseMarkdown } from "../../src/parse/markdown.js";
import { render } from "../../src/render/index.js";
import { formatMessage, Reporter } from "../../src/report/index.js";
import type { Lang } from "../../src/schema/common.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const statement = (lang: Lang) => path.join(ROOT, `documents/stotteerklaering-smertebehandling${lang === "nb" ? "" : `.${lang}`}.md`);

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "opprop-i18n-"));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe("labels", () => {
  it("has the letter words of each language", () => {
    const pick = (lang: Lang) => {
      const l = LABELS[lang];
      return [l.to, l.from, l.yourRef, l.ourRef, l.closing, l.sources, l.signatories, l.summary, l.consultation, l.deadline, l.issuer, l.pageOf("X", "Y"), l.hiddenPersons(1), l.hiddenPersons(1200)];
    };
    expect(pick("nb")).toEqual(["Til", "Fra", "Deres ref.", "Vår ref.", "Med vennlig hilsen", "Kilder", "Undertegnet av", "Sammendrag", "Høring", "Høringsfrist", "Sendt på høring av", "Side X av Y", "og 1 privatperson", "og 1\u00a0200 privatpersoner"]);
    expect(pick("nn")).toEqual(["Til", "Frå", "Dykkar ref.", "Vår ref.", "Med venleg helsing", "Kjelder", "Underteikna av", "Samandrag", "Høyring", "Høyringsfrist", "Sendt på høyring av", "Side X av Y", "og 1 privatperson", "og 1\u00a0200 privatpersonar"]);
    expect(pick("en")).toEqual(["To", "From", "Your ref.", "Our ref.", "Yours sincerely", "Sources", "Signed by", "Summary", "Consultation", "Deadline", "Issued by", "Page X of Y", "and 1 individual", "and 1,200 individuals"]);
  });

  it("has every label in every language, none empty", () => {
    for (const lang of ["nb", "nn", "en"] as const) {
      expect(Object.keys(LABELS[lang]).sort()).toEqual(Object.keys(LABELS.nb).sort());
      for (const [key, value] of Object.entries(LABELS[lang])) if (typeof value === "string") expect(value, `${lang}.${key}`).not.toBe("");
    }
  });

  it("writes numbers as ICU does in both locales, also those it writes without ICU (0–999)", () => {
    const numbers = [...Array.from({ length: 1001 }, (_, n) => n), -0, -1, 0.5, 999.5, 1234, 12345, 1e6, 100_000];
    for (const [locale, tag] of [["nb", "nb-NO"], ["en", "en-GB"]] as const) {
      const icu = new Intl.NumberFormat(tag);
      for (const n of numbers) expect(formatNumber(n, locale), `${locale} ${n}`).toBe(icu.format(n));
    }
    expect(formatNumber(12345, "nb")).toBe("12\u00a0345");
    expect(LABELS.nn.hiddenPersons(1000)).toBe("og 1\u00a0000 privatpersonar");
  });

  it("writes dates the local way and tags languages for Word, PDF and HTML", () => {
    expect(formatDate("2026-11-22", "nb")).toBe("22. november 2026");
    expect(formatDate("2027-01-01", "nn")).toBe("1. januar 2027");
    expect(formatDate("2026-05-17", "en")).toBe("17 May 2026");
    expect([languageTag("nb"), languageTag("nn"), languageTag("en")]).toEqual(["nb-NO", "nn-NO", "en-GB"]);
  });
});

describe("the example statement in nb, nn and en", () => {
  const html = async (lang: Lang) => {
    const reporter = new Reporter();
    const [doc] = await assembleDocuments([statement(lang)], reporter, { today: "2026-11-25" });
    const problems = reporter.messages.filter((m) => m.severity !== "info").map((m) => formatMessage(m));
    return { doc, problems, html: new TextDecoder().decode(await render(doc, "html", { reporter })) };
  };
  const blockText = async (file: string) => {
    const { tree } = parseMarkdown(await readFile(path.join(ROOT, "demands", file), "utf8"));
    return tree.children.map((node) => (node.type === "paragraph" ? (node.children[0] as { value: string }).value : "")).join("");
  };

  it("assembles without errors or language fallbacks", async () => {
    for (const lang of ["nb", "nn", "en"] as const) {
      const { doc, problems } = await html(lang);
      expect(problems, lang).toEqual([]);
      expect(doc.meta.lang).toBe(lang);
      expect(doc.blocks.length).toBeGreaterThan(10);
    }
  });

  it("uses each language's block variants, labels and dates", async () => {
    const nn = await html("nn");
    expect(nn.html).toContain('<html lang="nn-NO">');
    expect(nn.html).toContain(await blockText("krav/bredt-behandlingstilbud.nn.md"));
    expect(nn.html).not.toContain(await blockText("krav/bredt-behandlingstilbud.md"));
    for (const label of ["Med venleg helsing", "Kjelder", "Underteikna av", "Organisasjonar", "Fotnotar", "22. november 2026"]) expect(nn.html).toContain(label);

    const en = await html("en");
    expect(en.html).toContain('<html lang="en-GB">');
    expect(en.html).toContain(await blockText("krav/bredt-behandlingstilbud.en.md"));
    for (const label of ["Yours sincerely", "Sources", "Signed by", "Organisations", "Individuals", "22 November 2026", "<dt>Our ref.</dt>"]) expect(en.html).toContain(label);
    expect(en.html).not.toContain("Med vennlig hilsen");
  });

  it("sorts signatories the Norwegian way (Æ, Ø, Å last) in every language", async () => {
    for (const lang of ["nb", "en"] as const) {
      const { doc } = await html(lang);
      const initials = doc.signatories.organisations.map((s) => s.name[0]);
      const tail = initials.filter((c) => "ÆØÅ".includes(c));
      expect(tail.length).toBeGreaterThan(2);
      expect(initials.slice(-tail.length)).toEqual(tail);
      expect([...tail].sort((a, b) => "ÆØÅ".indexOf(a) - "ÆØÅ".indexOf(b))).toEqual(tail);
    }
  });
});

describe("block language variants", () => {
  it("picks x.en.md for an English document and warns, with file:line, when a block has no variant", async () => {
    const root = path.join(tmp, "variants");
    await cp(path.resolve(import.meta.dirname, "../fixtures/preview-basic"), root, { recursive: true });
    const source = await readFile(path.join(root, "documents/brev.md"), "utf8");
    await writeFile(path.join(root, "documents/letter.md"), source.replace("date: 2026-11-22", "date: 2026-11-22\nlang: en"));
    const reporter = new Reporter();
    const [doc] = await assembleDocuments([path.join(root, "documents/letter.md")], reporter, { today: "2026-11-25" });
    const line = source.split("\n").findIndex((l) => l.includes("fakta/forekomst")) + 2;
    expect(reporter.messages.map((m) => formatMessage(m))).toEqual([`documents/letter.md:${line}:1  warning  block "fakta/forekomst" has no en variant; using nb`]);
    const text = new TextDecoder().decode(await render(doc, "md", { reporter }));
    expect(text).toContain("1. Keep the pain service in the region.");
    expect(text).toContain("Nær 30 prosent av voksne har langvarige smerter.");
    expect(text).toContain("Yours sincerely");
  });
});
