import { count, messages } from "./types.js";

/** Words of the command line itself (messages and --help), bokmål and English. */
export const cli = messages({
  unknownCommand: {
    nb: (p: { name: string }) => `ukjent kommando «${p.name}»`,
    en: (p: { name: string }) => `unknown command "${p.name}"`,
  },
  unknownOption: {
    nb: (p: { flag: string }) => `ukjent valg «${p.flag}»`,
    en: (p: { flag: string }) => `unknown option "${p.flag}"`,
  },
  missingOption: {
    nb: (p: { flag: string }) => `${p.flag} må oppgis`,
    en: (p: { flag: string }) => `${p.flag} is required`,
  },
  missingArgument: {
    nb: (p: { name: string }) => `${p.name} må oppgis`,
    en: (p: { name: string }) => `${p.name} is required`,
  },
  optionNeedsValue: {
    nb: (p: { flag: string }) => `${p.flag} trenger en verdi`,
    en: (p: { flag: string }) => `${p.flag} needs a value`,
  },
  severityError: { nb: "feil", en: "error" },
  severityWarning: { nb: "advarsel", en: "warning" },
  severityInfo: { nb: "info", en: "info" },
  summary: {
    nb: (p: { errors: number; warnings: number }) => `${count(p.errors, "feil", "feil", "nb")}, ${count(p.warnings, "advarsel", "advarsler", "nb")}`,
    en: (p: { errors: number; warnings: number }) => `${count(p.errors, "error", "errors", "en")}, ${count(p.warnings, "warning", "warnings", "en")}`,
  },
  nameFiles: {
    nb: (p: { what: "document" | "signatory" }) => `oppgi minst én ${p.what === "document" ? "dokumentfil" : "underskriverliste"}`,
    en: (p: { what: "document" | "signatory" }) => `name at least one ${p.what} file`,
  },
  // --help
  topIntro: {
    nb: "opprop — felles uttalelser og høringssvar fra Markdown-blokker",
    en: "opprop — joint statements and consultation responses from Markdown blocks",
  },
  topUsage: {
    nb: "Bruk: opprop <kommando> [valg]    (opprop <kommando> --help for mer)",
    en: "Usage: opprop <command> [options]    (opprop <command> --help for more)",
  },
  usageHeading: { nb: "Bruk", en: "Usage" },
  usageOptions: { nb: "[valg]", en: "[options]" },
  usageCommands: { nb: "Kommandoer", en: "Commands" },
  usageArguments: { nb: "Argumenter", en: "Arguments" },
  usageOptionsHeading: { nb: "Valg", en: "Options" },
  usageDefault: { nb: "standard", en: "default" },
  usageRequired: { nb: "må oppgis", en: "required" },
  usageHelp: { nb: "vis denne hjelpen", en: "show this help" },
  cmdInit: { nb: "lag et nytt arbeidsområde", en: "create a new workspace" },
  cmdBuild: { nb: "bygg dokumenter til docx, pdf, html, md", en: "build documents to docx, pdf, html, md" },
  cmdCheck: { nb: "sjekk dokumenter uten å skrive noe", en: "check documents without writing anything" },
  cmdBlocks: { nb: "list argumentblokkene", en: "list the argument blocks" },
  cmdSignatories: { nb: "slå sammen og sjekk underskriverlister", en: "merge and check signatory lists" },
  cmdPreview: { nb: "direkte HTML-forhåndsvisning som lastes på nytt når du lagrer", en: "live HTML preview that reloads on save" },
  cmdCollect: { nb: "nettside for å samle underskrifter", en: "sign-on web page" },
  cmdImport: { nb: "gjør et Word-utkast om til blokker", en: "turn a Word draft into blocks" },
  cmdStudio: { nb: "skriv, sett sammen og eksporter i nettleseren", en: "write, assemble and export in the browser" },
  argDocuments: { nb: "dokumentfiler (DOK.md …)", en: "document files (DOC.md …)" },
  // build
  buildAbout: { nb: "Bygg dokumenter i out/ som docx, pdf, html eller md", en: "Build documents into out/ as docx, pdf, html or md" },
  buildFormat: {
    nb: (p: { formats: string }) => `formater, kommaseparert (${p.formats})`,
    en: (p: { formats: string }) => `formats, comma-separated (${p.formats})`,
  },
  buildOutDir: { nb: "hvor filene skrives", en: "where to write" },
  buildPdfStandard: {
    nb: (p: { standards: string }) => `PDF-standard: ${p.standards} (a-2a er arkivformat og tilgjengelig; tagget uansett)`,
    en: (p: { standards: string }) => `PDF standard: ${p.standards} (a-2a is archival and accessible; tagged in every case)`,
  },
  unknownFormat: {
    nb: (p: { format: string; formats: string }) => `ukjent format «${p.format}»; velg blant ${p.formats}`,
    en: (p: { format: string; formats: string }) => `unknown format "${p.format}"; choose from ${p.formats}`,
  },
  badPdfStandard: {
    nb: (p: { value: string; standards: string }) => `--pdf-standard tar ${p.standards}, ikke «${p.value}»`,
    en: (p: { value: string; standards: string }) => `--pdf-standard takes ${p.standards}, not "${p.value}"`,
  },
  building: { nb: (p: { step: string }) => `bygger ${p.step}…`, en: (p: { step: string }) => `building ${p.step}…` },
  wrote: {
    nb: (p: { file: string; kb: string; ms: number }) => `skrev ${p.file}  (${p.kb} kB, ${p.ms} ms)`,
    en: (p: { file: string; kb: string; ms: number }) => `wrote ${p.file}  (${p.kb} kB, ${p.ms} ms)`,
  },
  // check
  checkAbout: { nb: "Sjekk dokumenter, blokkene og underskriverne deres; skriv ingenting", en: "Check documents, their blocks and signatories; write nothing" },
  checkOk: {
    nb: (p: { name: string; fingerprint: string; blocks: number; signatories: number }) =>
      `ok  ${p.name}  versjon ${p.fingerprint}  ${count(p.blocks, "blokk", "blokker", "nb")}, ${count(p.signatories, "underskriver", "underskrivere", "nb")}`,
    en: (p: { name: string; fingerprint: string; blocks: number; signatories: number }) =>
      `ok  ${p.name}  version ${p.fingerprint}  ${count(p.blocks, "block", "blocks", "en")}, ${count(p.signatories, "signatory", "signatories", "en")}`,
  },
  // blocks
  blocksAbout: { nb: "List argumentblokkene i arbeidsområdet", en: "List the argument blocks of the workspace" },
  blocksKind: {
    nb: "bare blokker av denne typen (demand/krav, argument, concern/bekymring, fact/fakta, context/kontekst, closing/avslutning, other/annet)",
    en: "only blocks of this kind (demand/krav, argument, concern/bekymring, fact/fakta, context/kontekst, closing/avslutning, other/annet)",
  },
  blocksTag: { nb: "bare blokker med denne taggen", en: "only blocks with this tag" },
  blocksJson: { nb: "skriv JSON", en: "print JSON" },
  noBlocksMatch: { nb: "ingen blokker passer", en: "no blocks match" },
  // init
  initAbout: {
    nb: "Lag et nytt arbeidsområde med de medfølgende blokkene, malene og ett eksempel (eller et høringssvar å fylle ut)",
    en: "Create a new workspace with the shipped blocks, templates and one example (or a høringssvar to fill in)",
  },
  initDir: { nb: "mappa som lages (må være ny eller tom)", en: "folder to create (must be new or empty)" },
  initHoringssvar: {
    nb: "start et høringssvar til dette dokumentet (FRA.md eller FRA.docx), én del per kapittel",
    en: "start a høringssvar answering this document (FROM.md or FROM.docx), one section per chapter",
  },
  initIssuer: { nb: "med --horingssvar: hvem som sendte saken på høring", en: "with --horingssvar: who issued the consultation" },
  initDeadline: { nb: "med --horingssvar: høringsfristen (ÅÅÅÅ-MM-DD)", en: "with --horingssvar: the consultation deadline (YYYY-MM-DD)" },
  initLang: {
    nb: (p: { langs: string }) => `med --horingssvar: språket i svaret (${p.langs}; standard nb)`,
    en: (p: { langs: string }) => `with --horingssvar: language of the answer (${p.langs}; default nb)`,
  },
  initNeedsHoringssvar: { nb: "--issuer, --deadline og --lang hører sammen med --horingssvar FRA", en: "--issuer, --deadline and --lang go with --horingssvar FROM" },
  badDeadline: {
    nb: (p: { value: string }) => `--deadline tar en dato som 2026-12-15, ikke «${p.value}»`,
    en: (p: { value: string }) => `--deadline takes a date like 2026-12-15, not "${p.value}"`,
  },
  badLang: {
    nb: (p: { langs: string; value: string }) => `--lang tar ${p.langs}, ikke «${p.value}»`,
    en: (p: { langs: string; value: string }) => `--lang takes ${p.langs}, not "${p.value}"`,
  },
  created: {
    nb: (p: { where: string; cd: string; files: number; next: string }) => `laget ${p.where} med ${count(p.files, "fil", "filer", "nb")}\nneste: cd ${p.cd} && opprop build ${p.next}`,
    en: (p: { where: string; cd: string; files: number; next: string }) => `created ${p.where} with ${count(p.files, "file", "files", "en")}\nnext: cd ${p.cd} && opprop build ${p.next}`,
  },
  // import
  importAbout: { nb: "Gjør et Word-utkast (.docx) om til argumentblokker, én per overskrift", en: "Turn a Word draft (.docx) into argument blocks, one per heading section" },
  importFile: { nb: "Word-fila (FIL.docx)", en: "the Word file (FILE.docx)" },
  importOut: { nb: "mappe for blokkene, f.eks. demands/utkast", en: "folder for the blocks, e.g. demands/utkast" },
  importLang: {
    nb: (p: { langs: string }) => `språket i blokkene (${p.langs}); gjettes fra teksten når det mangler`,
    en: (p: { langs: string }) => `language of the blocks (${p.langs}); guessed from the text when left out`,
  },
  importForce: { nb: "skriv over blokkfiler som finnes", en: "overwrite block files that exist" },
  importWrote: {
    nb: (p: { file: string; kind: string; lang: string; title: string }) => `skrev ${p.file}  ${p.kind}  ${p.lang}  ${p.title}`,
    en: (p: { file: string; kind: string; lang: string; title: string }) => `wrote ${p.file}  ${p.kind}  ${p.lang}  ${p.title}`,
  },
  // preview
  previewAbout: {
    nb: "Vis dokumentet som HTML på 127.0.0.1 og last det på nytt når en blokk, dokumentet, en mal eller en underskriverliste lagres",
    en: "Serve the document as HTML on 127.0.0.1 and reload it whenever a block, the document, a template or a signatory file is saved",
  },
  previewDocument: { nb: "dokumentet (DOK.md)", en: "the document (DOC.md)" },
  previewPort: {
    nb: (p: { port: number }) => `port på 127.0.0.1 (standard ${p.port}; 0 velger en ledig)`,
    en: (p: { port: number }) => `port on 127.0.0.1 (default ${p.port}; 0 picks a free one)`,
  },
  badPort: {
    nb: (p: { value: string }) => `--port tar et tall fra 0 til 65535, ikke «${p.value}»`,
    en: (p: { value: string }) => `--port takes a number from 0 to 65535, not "${p.value}"`,
  },
  portInUse: {
    nb: (p: { port: number }) => `port ${p.port} er i bruk; velg en annen med --port`,
    en: (p: { port: number }) => `port ${p.port} is in use; choose another with --port`,
  },
  previewRebuilt: {
    nb: (p: { time: string; ms: number }) => `${p.time}  bygget på ${p.ms} ms`,
    en: (p: { time: string; ms: number }) => `${p.time}  built in ${p.ms} ms`,
  },
  previewServing: {
    nb: (p: { file: string; url: string }) => `forhåndsvisning av ${p.file} på ${p.url}  (Ctrl+C stopper)`,
    en: (p: { file: string; url: string }) => `preview of ${p.file} on ${p.url}  (Ctrl+C stops it)`,
  },
  // signatories
  signatoriesAbout: { nb: "Slå sammen og sjekk underskriverlister", en: "Merge and check signatory lists" },
  signatoriesFiles: { nb: "underskriverlister (csv, tsv, txt, xlsx, yaml, json)", en: "signatory lists (csv, tsv, txt, xlsx, yaml, json)" },
  signatoriesMap: {
    nb: "hva kolonnene betyr, utover de innebygde navnene: «Kolonne=felt,…» (felt på engelsk eller norsk: Kommune=sted)",
    en: 'column meanings beyond the built-in aliases: "Column=field,…" (field in English or Norwegian: Kommune=sted)',
  },
  signatoriesOut: {
    nb: (p: { extensions: string }) => `hvor den sammenslåtte lista skrives (${p.extensions})`,
    en: (p: { extensions: string }) => `where to write the merged list (${p.extensions})`,
  },
  mergeAbout: { nb: "Slå sammen underskriverlister til én, uten duplikater, i norsk rekkefølge", en: "Merge signatory lists into one, without duplicates, in Norwegian order" },
  signatoriesCheckAbout: { nb: "Sjekk underskriverlister; skriv ingenting", en: "Check signatory lists; write nothing" },
  outExtension: {
    nb: (p: { extensions: string }) => `--out må slutte på ${p.extensions}`,
    en: (p: { extensions: string }) => `--out must end in ${p.extensions}`,
  },
  reading: { nb: (p: { file: string }) => `leser ${p.file}…`, en: (p: { file: string }) => `reading ${p.file}…` },
  cannotWrite: { nb: (p: { reason: string }) => `kan ikke skrive: ${p.reason}`, en: (p: { reason: string }) => `cannot write: ${p.reason}` },
  signatoriesSummary: {
    nb: (p: { total: number; organisations: number; named: number; counted: number }) =>
      `${count(p.total, "underskriver", "underskrivere", "nb")}: ${count(p.organisations, "organisasjon", "organisasjoner", "nb")}, ${count(p.named, "person", "personer", "nb")} med navn, ${p.counted} talt uten navn`,
    en: (p: { total: number; organisations: number; named: number; counted: number }) =>
      `${count(p.total, "signatory", "signatories", "en")}: ${count(p.organisations, "organisation", "organisations", "en")}, ${count(p.named, "person", "persons", "en")} named, ${p.counted} counted without name`,
  },
  mergeWrote: {
    nb: (p: { file: string; summary: string }) => `skrev ${p.file}  (${p.summary})`,
    en: (p: { file: string; summary: string }) => `wrote ${p.file}  (${p.summary})`,
  },
  subcommandRequired: {
    nb: (p: { name: string; subs: string }) => `«opprop ${p.name}» trenger en underkommando: ${p.subs}`,
    en: (p: { name: string; subs: string }) => `"opprop ${p.name}" needs a subcommand: ${p.subs}`,
  },
  previewWarnings: {
    nb: (p: { n: number }) => count(p.n, "advarsel", "advarsler", "nb"),
    en: (p: { n: number }) => count(p.n, "warning", "warnings", "en"),
  },
  previewErrors: {
    nb: (p: { n: number }) => count(p.n, "feil", "feil", "nb"),
    en: (p: { n: number }) => count(p.n, "error", "errors", "en"),
  },
  previewErrorsLastBuild: {
    nb: (p: { n: number }) => `${count(p.n, "feil", "feil", "nb")}: viser siste versjon som lot seg bygge`,
    en: (p: { n: number }) => `${count(p.n, "error", "errors", "en")}: showing the last version that built`,
  },
  collectHelp: {
    nb: "Vis en underskriftsside for et dokument på 127.0.0.1. Miljøvariabler: OPPROP_ADMIN_TOKEN (slår på /admin, minst 32 tegn), OPPROP_SMTP_URL (bekreftelse på e-post), OPPROP_MAIL_FROM",
    en: "Serve a sign-on page for a document on 127.0.0.1. Environment: OPPROP_ADMIN_TOKEN (enables /admin, at least 32 characters), OPPROP_SMTP_URL (e-mail confirmation), OPPROP_MAIL_FROM",
  },
  collectExportHelp: {
    nb: "Skriv de bekreftede og godkjente underskriftene som en underskriverliste som build leser",
    en: "Write the confirmed and approved sign-ons as a signatory file that build reads",
  },
  collectPurgeHelp: {
    nb: "Etter en kampanje: slett personopplysninger, behold bare det det sendte dokumentet viser",
    en: "After a campaign: erase personal data, keep only what the sent document shows",
  },
  collectDb: {
    nb: "en SQLite-fil, eller en postgres://-adresse til en PostgreSQL-server",
    en: "a SQLite file, or a postgres:// URL for a PostgreSQL server",
  },
  collectDbDefault: {
    nb: "en SQLite-fil, eller en postgres://-adresse til en PostgreSQL-server (standard: <dokumentnavn>.signatures.sqlite her)",
    en: "a SQLite file, or a postgres:// URL for a PostgreSQL server (default: <document name>.signatures.sqlite here)",
  },
  collectOut: {
    nb: (p: { extensions: string }) => `underskriverlista som skrives (${p.extensions})`,
    en: (p: { extensions: string }) => `the signatory file to write (${p.extensions})`,
  },
  collectDocument: {
    nb: "bare underskriftene til dette dokumentet (filnavnet uten .md)",
    en: "only this document's sign-ons (its file name without .md)",
  },
  collectPort: { nb: "port på 127.0.0.1 (0 = en ledig port)", en: "port on 127.0.0.1 (0 = any free port)" },
  collectPublicUrl: {
    nb: "adressen folk når siden på, for lenker i e-post (må oppgis med OPPROP_SMTP_URL)",
    en: "the address people reach the page at, for links in e-mails (required with OPPROP_SMTP_URL)",
  },
  collectRateLimit: {
    nb: "underskrifter per minutt fra én adresse (øk den når mange deler én adresse)",
    en: "sign-ons per minute from one address (raise it for a crowd behind one address)",
  },
  collectTrustProxy: {
    nb: "bak omvendte mellomtjenere (proxy): hvor mange (uten verdi = 1) eller adressene deres, kommaseparert; klientens adresse er den nærmeste betrodde mellomtjener la til i X-Forwarded-For",
    en: "behind reverse proxies: how many (bare = 1) or their addresses, comma-separated; the client address is the one the nearest trusted proxy added to X-Forwarded-For",
  },
  collectCloses: {
    nb: "siste dag for å skrive under, ÅÅÅÅ-MM-DD; etterpå viser siden ikke skjemaet",
    en: "the last day of signing, YYYY-MM-DD; afterwards the page shows no form",
  },
  collectRetainDays: {
    nb: "dager etter --closes før personopplysninger slettes automatisk",
    en: "days after --closes that personal data are erased automatically",
  },
  collectConfirmDays: {
    nb: "dager en bekreftelseslenke i e-post virker; ubekreftede underskrifter slettes da",
    en: "days a confirm link in an e-mail works; unconfirmed sign-ons are deleted then",
  },
  studioHelp: {
    nb: "Skriv, sett sammen og eksporter i nettleseren: viser arbeidsområdet på 127.0.0.1 og åpner det",
    en: "Write, assemble and export in the browser: serves the workspace on 127.0.0.1 and opens it",
  },
  studioDir: {
    nb: "arbeidsområdet (standard: det den nåværende mappa ligger i)",
    en: "the workspace (default: the one the current folder is in)",
  },
  studioPort: {
    nb: (p: { port: number }) => `port på 127.0.0.1 (standard ${p.port}; 0 velger en ledig)`,
    en: (p: { port: number }) => `port on 127.0.0.1 (default ${p.port}; 0 picks a free one)`,
  },
  studioOpen: { nb: "åpne nettleseren (--no-open: ikke åpne)", en: "open the browser (--no-open: do not)" },
  writeFailed: {
    nb: (p: { reason: string }) => `kunne ikke skrive fila: ${p.reason}`,
    en: (p: { reason: string }) => `could not write the file: ${p.reason}`,
  },
  pathPartIsFile: {
    nb: "en del av stien er en fil, ikke en mappe (velg en annen --out-dir)",
    en: "a part of its path is a file, not a folder (choose another --out-dir)",
  },
  folderCannotBeMade: {
    nb: "mappa kan ikke lages der (velg en annen --out-dir)",
    en: "the folder cannot be made there (choose another --out-dir)",
  },
  renderFailed: {
    nb: (p: { format: string; reason: string }) => `kunne ikke lage ${p.format}: ${p.reason}`,
    en: (p: { format: string; reason: string }) => `could not render ${p.format}: ${p.reason}`,
  },
});
