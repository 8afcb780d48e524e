/**
 * With a Norwegian locale every word opprop itself writes is bokmål: messages
 * with their places, counts, --help and the preview page. (The process-level
 * choice from LANG/LC_ALL is tested through bin/opprop.js in test/cli/process.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setLocale } from "../../src/i18n/locale.js";
import { pageHtml } from "../../src/preview/page.js";
import { runCli } from "../helpers/cli.js";
import { letter, makeWorkspace } from "../helpers/workspace.js";

beforeAll(() => setLocale("nb"));
afterAll(() => setLocale("en"));

describe("bokmål", () => {
  it("reports document, block and signatory problems in bokmål, zod's words included", async () => {
    const root = makeWorkspace({
      "demands/krav.md": "---\ntitle: Krav\nkind: ønske\n---\nTekst.\n",
      "signatories/liste.csv": "navn;orgnr;Kommune\nFeil forening;123456789;Bergen\n",
      "documents/doc.md": letter("tittel: x\n"),
      "documents/liste.md": letter("signatories:\n  - ../signatories/liste.csv\n  - ../signatories/borte.csv\n", "{{> krav/stanse}}\n\n{{ukjent}}"),
      "documents/type.md": letter("lang: 7\n"),
    });
    const run = await runCli(["check", "documents/doc.md", "documents/liste.md", "documents/type.md"], root);
    expect(run.code).toBe(1);
    const lines = run.stderr.trim().split("\n");
    expect(lines).toEqual([
      'demands/krav.md:3:7  advarsel  "kind": kind må være en av demand, argument, concern, fact, context, closing, other (eller på norsk: krav, argument, bekymring, fakta, kontekst, avslutning, annet)  (blokka kan ikke brukes før dette er rettet)',
      'documents/doc.md:7:1  feil  ukjent felt «tittel»  (mente du «title»?)',
      'documents/liste.md:11:1  feil  ukjent blokk «krav/stanse»',
      'documents/liste.md:13:1  feil  ukjent variabel «ukjent»: gi den en verdi under vars: i frontmatter (en linje «vars:», så «  ukjent: …» under den)',
      "signatories/liste.csv:2:1  feil  organisasjonsnummeret 123456789 består ikke MOD11-kontrollen",
      'signatories/liste.csv:1:1  advarsel  opprop vet ikke hva «Kommune» betyr, og bruker ikke innholdet; hvis en kolonne er et av feltene, si det med --map "Kommune=felt" (eller map: i dokumentets signatories-oppføring)',
      'documents/liste.md:9:5  feil  underskriverlista «../signatories/borte.csv» finnes ikke (så etter signatories/borte.csv)',
      'documents/type.md:7:7  feil  "lang": Ugyldig valg: forventet en av "nb"|"nn"|"en"',
      "6 feil, 2 advarsler",
    ]);
  });

  it("says in bokmål which duplicates a merge joined, also for a person it may not name", async () => {
    const root = makeWorkspace({
      "a.csv": "navn;sted;samtykke\nKari Nordmann;Oslo;ja\nOla Nordmann;Bergen;nei\n",
      "b.csv": "navn;sted;samtykke\nKari Nordmann;Oslo;ja\nOla Nordmann;Bergen;nei\n",
    });
    const run = await runCli(["signatories", "merge", "a.csv", "b.csv", "--out", "samlet.csv"], root);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('b.csv:2:1  info  "Kari Nordmann" står også i a.csv:2; slått sammen');
    expect(run.stderr).toContain("b.csv:3:1  info  en person uten samtykke til publisering står også i a.csv:3; slått sammen");
    expect(run.stderr).not.toMatch(/is also at|merged|without publish consent/);
  });

  it("writes --help and usage errors in bokmål", async () => {
    const root = makeWorkspace({});
    const help = await runCli(["import", "--help"], root);
    expect(help.stdout).toContain("Gjør et Word-utkast (.docx) om til argumentblokker, én per overskrift");
    expect(help.stdout).toContain("  --force      skriv over blokkfiler som finnes");
    const usage = await runCli(["import", "x.docx"], root);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/^--out må oppgis\n/);
  });

  it("writes the --help of collect, its subcommands and studio in bokmål too", async () => {
    const root = makeWorkspace({});
    for (const args of [["collect", "--help"], ["collect", "export", "--help"], ["collect", "purge", "--help"], ["studio", "--help"]]) {
      const help = await runCli(args, root);
      expect(help.code, args.join(" ")).toBe(0);
      // English words of the old help texts; the option names themselves (--retain-days) stay as they are.
      expect(help.stdout.match(/.*\b(the|a|of|on|Serve|Write|After|default|port on|sign-ons?)\b.*/g), args.join(" ")).toBeNull();
    }
    expect((await runCli(["collect", "--help"], root)).stdout).toContain("Vis en underskriftsside for et dokument på 127.0.0.1");
  });

  it("words the preview page's message summary in bokmål, marked as such", () => {
    const page = pageHtml({ lang: "nb", title: "Støtte", generation: 1, errors: 2, messages: ["a", "b"], article: undefined } as never);
    expect(page).toContain('<section class="preview-messages has-errors" role="alert" lang="nb"><p><strong>2 feil</strong>');
    const warned = pageHtml({ lang: "nb", title: "Støtte", generation: 1, errors: 0, messages: ["a"], article: undefined } as never);
    expect(warned).toContain("<strong>1 advarsel</strong>");
  });
  it("names a Microsoft Forms export's second time column in bokmål, at its header line", async () => {
    const form = "ID;Starttidspunkt;Fullføringstidspunkt;Navn;Samtykke\r\n1;20.11.2026 09:58;20.11.2026 10:00;Øyvind Ærø;Ja\r\n";
    const root = makeWorkspace({
      "signatories/msforms.csv": Buffer.from(form, "latin1"),
      "documents/doc.md": letter("signatories:\n  - ../signatories/msforms.csv\n"),
    });
    const run = await runCli(["check", "documents/doc.md"], root);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('signatories/msforms.csv:1:1  info  kolonnen «Starttidspunkt» betyr også signert; bruker «Fullføringstidspunkt» (velg med --map "Starttidspunkt=signert")');
    expect(run.stderr).toContain("signatories/msforms.csv:1:1  advarsel  opprop vet ikke hva «ID» betyr");
  });
});
