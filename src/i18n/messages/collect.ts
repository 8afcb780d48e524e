import { count, messages } from "./types.js";

/** What the consent text needs to say; see `collect.consentText`. */
export interface ConsentParams {
  /** The document's sender(s): the controller. */
  controller: string;
  title: string;
  /** The day the form closes (ISO), if set. */
  closes?: string;
  retainDays: number;
  confirmDays: number;
  /** Whether a withdraw link comes by e-mail; otherwise the signer asks the controller. */
  byEmail: boolean;
}

/** Words of the sign-on pages, their mails and `collect`, bokmål and English. */
export const collect = messages({
  skipToForm: { nb: "Signer", en: "Sign" },
  signHeading: { nb: "Signer", en: "Sign" },
  count: {
    nb: (p: { n: number }) => count(p.n, "underskrift", "underskrifter", "nb"),
    en: (p: { n: number }) => count(p.n, "signature", "signatures", "en"),
  },
  versionLabel: { nb: "Versjon av teksten du signerer: ", en: "Version of the text you sign: " },
  errorsHeading: { nb: "Skjemaet må rettes", en: "Please correct the form" },
  typeLegend: { nb: "Jeg signerer", en: "I sign" },
  typeOrganisation: { nb: " på vegne av en organisasjon", en: " on behalf of an organisation" },
  typePerson: { nb: " som privatperson", en: " as a private person" },
  labelName: { nb: "Navn", en: "Name" },
  hintName: { nb: "Organisasjonens navn, eller ditt fulle navn.", en: "The organisation's name, or your full name." },
  labelOrganisation: { nb: "Organisasjon eller arbeidssted (privatpersoner)", en: "Organisation or workplace (private persons)" },
  labelRole: { nb: "Rolle eller tittel", en: "Role or title" },
  hintRole: { nb: "For eksempel «styreleder».", en: "For example “chair”." },
  labelOrgnr: { nb: "Organisasjonsnummer (organisasjoner)", en: "Organisation number (organisations)" },
  hintOrgnr: { nb: "Ni siffer, fra Brønnøysundregistrene.", en: "Nine digits, from the Brønnøysund Register Centre." },
  labelPlace: { nb: "Sted", en: "Place" },
  labelEmail: { nb: "E-post", en: "E-mail" },
  hintEmailConfirm: {
    nb: "Vi sender deg en lenke for å bekrefte underskriften. Adressen vises aldri offentlig.",
    en: "We send you a link to confirm your signature. The address is never shown publicly.",
  },
  hintEmailContact: { nb: "Bare for kontakt om underskriften. Adressen vises aldri offentlig.", en: "Only to contact you about the signature. The address is never shown publicly." },
  honeypot: { nb: "Ikke fyll ut dette feltet", en: "Leave this field empty" },
  publishLabel: {
    nb: " Navnet mitt kan vises på den offentlige listen over underskrivere. (Organisasjoner vises alltid. Privatpersoner som ikke krysser av, telles med, men navnet vises ikke.)",
    en: " My name may be shown on the public list of signatories. (Organisations are always shown. Private persons who do not tick this are counted, but their name is not shown.)",
  },
  consentLegend: { nb: "Samtykke", en: "Consent" },
  consentText: {
    nb: (p: ConsentParams) =>
      [
        `Behandlingsansvarlig er ${p.controller}, som sender uttalelsen «${p.title}». Når du signerer, kan det si noe om helsen din, for eksempel at du selv eller noen nær deg lever med sykdommen uttalelsen handler om. Slike helseopplysninger er særlig vernet.`,
        `Formål: vi lagrer navn, organisasjon, rolle, organisasjonsnummer, sted, e-postadresse, tidspunktet og hvilken versjon av teksten og dette samtykket du godtok, bare for å samle og vise underskriftene på denne uttalelsen og sende den med underskriftene. E-postadressen brukes bare til å kontakte deg om underskriften.`,
        `Rettslig grunnlag: ditt uttrykkelige samtykke (personvernforordningen artikkel 6 nr. 1 bokstav a og artikkel 9 nr. 2 bokstav a).`,
        `Lagring: en underskrift som ikke er bekreftet, slettes etter ${p.confirmDays} dager. ${p.closes ? `Innsamlingen stenger ${p.closes}.` : "Innsamlingen stenger når uttalelsen sendes."} ${p.retainDays} dager etter at den er stengt, slettes e-postadressene og alt annet enn det den sendte uttalelsen viser (navnene som skal vises, og antallet andre).`,
        `Rettigheter: du kan få innsyn i opplysningene om deg, få dem rettet, trekke samtykket tilbake og få dem slettet når som helst, ${p.byEmail ? "med lenken i e-posten du får, eller ved å kontakte oss" : `ved å kontakte ${p.controller}`}. Du kan klage til Datatilsynet (datatilsynet.no).`,
      ].join(" "),
    en: (p: ConsentParams) =>
      [
        `The controller is ${p.controller}, who sends the statement “${p.title}”. Signing it can say something about your health, for example that you or someone close to you lives with the illness the statement is about. Such health data are specially protected.`,
        `Purpose: we store your name, organisation, role, organisation number, place, e-mail address, the time and which version of the text and of this consent you accepted, only to collect and show the signatures on this statement and to send it with them. The e-mail address is used only to contact you about your signature.`,
        `Legal basis: your explicit consent (GDPR Article 6(1)(a) and Article 9(2)(a)).`,
        `Retention: a signature that is not confirmed is deleted after ${p.confirmDays} days. ${p.closes ? `Collection closes on ${p.closes}.` : "Collection closes when the statement is sent."} ${p.retainDays} days after it closes, the e-mail addresses and everything but what the sent statement shows (the names to be shown and the number of others) are deleted.`,
        `Your rights: you can see the data about you, have them corrected, withdraw your consent and have them erased at any time, ${p.byEmail ? "with the link in the e-mail you receive, or by contacting us" : `by contacting ${p.controller}`}. You can complain to the Norwegian Data Protection Authority, Datatilsynet (datatilsynet.no).`,
      ].join(" "),
  },
  consentLabel: { nb: " Jeg samtykker til at opplysningene mine behandles slik som beskrevet over.", en: " I consent to my data being processed as described above." },
  submit: { nb: "Signer", en: "Sign" },
  closedText: {
    nb: (p: { closes: string }) => `Innsamlingen av underskrifter stengte ${p.closes}. Takk til alle som signerte.`,
    en: (p: { closes: string }) => `Collecting signatures closed on ${p.closes}. Thank you to everyone who signed.`,
  },
  listHeading: { nb: "Underskrivere", en: "Signatories" },
  listSummary: {
    nb: (p: { total: number; named: number }) => `${count(p.total, "underskrift", "underskrifter", "nb")}, ${count(p.named, "navn", "navn", "nb")} vises.`,
    en: (p: { total: number; named: number }) => `${count(p.total, "signature", "signatures", "en")}, ${count(p.named, "name", "names", "en")} shown.`,
  },
  listLatest: { nb: "Nyeste først", en: "Newest first" },
  listAlphabetical: { nb: "Alfabetisk", en: "Alphabetical" },
  listAll: { nb: "Hele listen", en: "The whole list" },
  listPage: {
    nb: (p: { page: number; pages: number }) => `Side ${p.page} av ${p.pages}`,
    en: (p: { page: number; pages: number }) => `Page ${p.page} of ${p.pages}`,
  },
  listPrevious: { nb: "Forrige side", en: "Previous page" },
  listNext: { nb: "Neste side", en: "Next page" },
  listNone: { nb: "Ingen navn vises ennå.", en: "No names are shown yet." },
  listPagesLabel: { nb: "Sider i listen", en: "Pages of the list" },
  backLink: { nb: "Tilbake til uttalelsen", en: "Back to the statement" },
  thanksTitle: { nb: "Takk!", en: "Thank you!" },
  thanksMail: {
    nb: "Har ikke adressen signert før, har vi sendt en e-post til den. Underskriften teller når du har åpnet lenken i e-posten og trykket på knappen.",
    en: "Unless the address signed before, we have sent it an e-mail. Your signature counts once you have opened the link in it and pressed the button.",
  },
  thanksApproval: {
    nb: "Underskriften er mottatt. Den telles og vises når vi har gått gjennom den.",
    en: "Your signature has been received. It is counted and shown once we have reviewed it.",
  },
  thanksOrganisations: { nb: "Organisasjoner vises på listen når vi har godkjent dem.", en: "Organisations appear on the list once we have approved them." },
  mailFailedTitle: { nb: "E-posten kunne ikke sendes", en: "The e-mail could not be sent" },
  mailFailedText: {
    nb: "Vi fikk ikke sendt e-posten med bekreftelseslenken, så underskriften er ikke registrert. Prøv igjen om litt.",
    en: "We could not send the e-mail with the confirmation link, so your signature was not recorded. Please try again later.",
  },
  confirmTitle: { nb: "Bekreft underskriften", en: "Confirm your signature" },
  confirmText: { nb: "Trykk på knappen for å bekrefte e-postadressen og underskriften din.", en: "Press the button to confirm your e-mail address and your signature." },
  confirmButton: { nb: "Bekreft underskriften", en: "Confirm my signature" },
  confirmedTitle: { nb: "E-postadressen er bekreftet", en: "Your e-mail address is confirmed" },
  confirmedText: {
    nb: "Takk! Underskriften din er registrert. Organisasjoner vises på listen når vi har godkjent dem.",
    en: "Thank you! Your signature is recorded. Organisations appear on the list once we have approved them.",
  },
  withdrawTitle: { nb: "Trekk underskriften", en: "Withdraw your signature" },
  withdrawHeading: { nb: "Trekk underskriften tilbake", en: "Withdraw your signature" },
  withdrawText: {
    nb: "Når du trekker underskriften, slettes navnet ditt, e-postadressen og de andre opplysningene du ga oss.",
    en: "When you withdraw your signature, your name, e-mail address and the other data you gave us are erased.",
  },
  withdrawButton: { nb: "Trekk underskriften og slett opplysningene", en: "Withdraw my signature and erase my data" },
  withdrawnTitle: { nb: "Underskriften er trukket tilbake", en: "Your signature is withdrawn" },
  withdrawnText: { nb: "Opplysningene om deg er slettet.", en: "The data about you are erased." },
  error400Title: { nb: "Ugyldig innsending", en: "Invalid submission" },
  error400Text: { nb: "Skjemaet inneholdt tegn eller data vi ikke kan ta imot. Gå tilbake og prøv igjen.", en: "The form held characters or data we cannot accept. Go back and try again." },
  error401Title: { nb: "Ingen tilgang", en: "No access" },
  error401Text: { nb: "Denne siden krever innlogging.", en: "This page needs a login." },
  error403Title: { nb: "Skjemaet er utløpt", en: "The form has expired" },
  error403Text: { nb: "Last siden på nytt og send skjemaet en gang til.", en: "Reload the page and send the form again." },
  error404Title: { nb: "Fant ikke siden", en: "Page not found" },
  error404Text: { nb: "Lenken gjelder ikke (lenger).", en: "The link is not (or no longer) valid." },
  error409Title: { nb: "Teksten er endret", en: "The text has changed" },
  error409Text: { nb: "Teksten ble endret etter at du åpnet siden. Les den nye teksten og signer på nytt.", en: "The text changed after you opened the page. Read the new text and sign again." },
  error410Title: { nb: "Innsamlingen er stengt", en: "Collection has closed" },
  error410Text: { nb: "Det tas ikke imot flere underskrifter.", en: "No more signatures are accepted." },
  error413Title: { nb: "For mye data", en: "Too much data" },
  error413Text: { nb: "Skjemaet var større enn vi tar imot.", en: "The form was larger than we accept." },
  error415Title: { nb: "Ugyldig innsending", en: "Invalid submission" },
  error415Text: { nb: "Send skjemaet fra siden.", en: "Send the form from the page." },
  error429Title: { nb: "For mange forsøk", en: "Too many attempts" },
  error429Text: { nb: "Det har kommet mange innsendinger fra din adresse. Vent litt og prøv igjen.", en: "Many submissions came from your address. Wait a little and try again." },
  error500Title: { nb: "Noe gikk galt", en: "Something went wrong" },
  error500Text: { nb: "Prøv igjen om litt.", en: "Please try again later." },
  formType: { nb: "Velg om du signerer for en organisasjon eller som privatperson.", en: "Choose whether you sign for an organisation or as a private person." },
  formName: { nb: "Skriv navnet på organisasjonen eller ditt fulle navn.", en: "Write the organisation's name or your full name." },
  formNameLong: { nb: "Navnet er lengre enn 200 tegn.", en: "The name is longer than 200 characters." },
  formFieldLong: {
    nb: (p: { max: number }) => `Et felt er lengre enn ${p.max} tegn.`,
    en: (p: { max: number }) => `A field is longer than ${p.max} characters.`,
  },
  formEmail: { nb: "Skriv en gyldig e-postadresse.", en: "Write a valid e-mail address." },
  formConsent: { nb: "Du må samtykke til at opplysningene behandles for å kunne signere.", en: "You must consent to the processing of your data to sign." },
  adminTitle: { nb: (p: { title: string }) => `Godkjenning – ${p.title}`, en: (p: { title: string }) => `Approval – ${p.title}` },
  adminHeading: { nb: "Underskrifter som venter på godkjenning", en: "Signatures waiting for approval" },
  adminAccepted: {
    nb: (p: { n: number }) => `${count(p.n, "underskrift", "underskrifter", "nb")} er godkjent. Teksten har versjon `,
    en: (p: { n: number }) => `${count(p.n, "signature", "signatures", "en")} approved. The text has version `,
  },
  adminColumns: { nb: "Navn|Type|Org.nr.|Rolle|Sted|E-post|Signert|Versjon|", en: "Name|Type|Org. no.|Role|Place|E-mail|Signed|Version|" },
  adminOrganisation: { nb: "organisasjon", en: "organisation" },
  adminPerson: { nb: "person", en: "person" },
  adminOlder: { nb: " (eldre versjon)", en: " (older version)" },
  adminApprove: { nb: "Godkjenn", en: "Approve" },
  adminReject: { nb: "Avvis", en: "Reject" },
  adminNone: { nb: "Ingen venter.", en: "Nobody is waiting." },
  mailSubject: { nb: "Bekreft underskriften din", en: "Confirm your signature" },
  mailBody: {
    nb: (p: { title: string; confirmUrl: string; withdrawUrl: string; days: number }) =>
      [
        `Takk for at du vil signere «${p.title}».`,
        "",
        `Bekreft underskriften med denne lenken (den virker i ${p.days} dager). Underskriften teller først når den er bekreftet:`,
        p.confirmUrl,
        "",
        "Vil du trekke underskriften tilbake senere, bruker du denne lenken. Da slettes opplysningene om deg:",
        p.withdrawUrl,
        "",
        "Har du ikke signert selv, kan du se bort fra denne e-posten.",
      ].join("\n"),
    en: (p: { title: string; confirmUrl: string; withdrawUrl: string; days: number }) =>
      [
        `Thank you for signing “${p.title}”.`,
        "",
        `Confirm your signature with this link (it works for ${p.days} days). Your signature counts only once it is confirmed:`,
        p.confirmUrl,
        "",
        "To withdraw your signature later, use this link. The data about you are then erased:",
        p.withdrawUrl,
        "",
        "If you did not sign yourself, you can ignore this e-mail.",
      ].join("\n"),
  },
  mailFailedLog: {
    nb: (p: { error: string }) => `kunne ikke sende bekreftelses-e-posten: ${p.error}`,
    en: (p: { error: string }) => `could not send the confirmation e-mail: ${p.error}`,
  },
  // The CLI's words for `collect`.
  cliStarted: {
    nb: (p: { name: string; version: string; address: string }) => `signeringsside for ${p.name} (versjon ${p.version}): ${p.address}/`,
    en: (p: { name: string; version: string; address: string }) => `sign-on page for ${p.name} (version ${p.version}): ${p.address}/`,
  },
  cliDatabase: { nb: (p: { db: string }) => `database: ${p.db}`, en: (p: { db: string }) => `database: ${p.db}` },
  cliAdmin: { nb: (p: { address: string }) => `godkjenn underskrifter på ${p.address}/admin`, en: (p: { address: string }) => `approve sign-ons at ${p.address}/admin` },
  cliNoAdmin: {
    nb: "ingen OPPROP_ADMIN_TOKEN: underskrifter kan ikke godkjennes før den er satt",
    en: "no OPPROP_ADMIN_TOKEN: sign-ons cannot be approved until it is set",
  },
  cliNoSmtp: {
    nb: "ingen OPPROP_SMTP_URL: ingen e-postbekreftelse, så også privatpersoner venter på godkjenning på /admin",
    en: "no OPPROP_SMTP_URL: no e-mail confirmation, so private persons too wait for approval at /admin",
  },
  cliShortToken: {
    nb: (p: { length: number }) =>
      `OPPROP_ADMIN_TOKEN har ${p.length} tegn; den må ha minst 32. Lag en med: openssl rand -hex 32   (eller: node -e "console.log(require('crypto').randomBytes(32).toString('hex'))")`,
    en: (p: { length: number }) =>
      `OPPROP_ADMIN_TOKEN has ${p.length} characters; it needs at least 32. Make one with: openssl rand -hex 32   (or: node -e "console.log(require('crypto').randomBytes(32).toString('hex'))")`,
  },
  cliSmtpNeedsPublicUrl: {
    nb: "med OPPROP_SMTP_URL trengs --public-url https://… (adressen folk når siden på), ellers peker lenkene i e-postene til 127.0.0.1",
    en: "with OPPROP_SMTP_URL, --public-url https://… (the address people reach the page at) is required, or the links in the e-mails point to 127.0.0.1",
  },
  cliOneDocument: { nb: "collect viser ett dokument om gangen", en: "collect serves one document at a time" },
  cliPort: {
    nb: (p: { value: string }) => `--port tar et tall fra 0 til 65535, ikke "${p.value}"`,
    en: (p: { value: string }) => `--port takes a number from 0 to 65535, not "${p.value}"`,
  },
  cliOutExtension: {
    nb: (p: { extensions: string }) => `--out må slutte på ${p.extensions}`,
    en: (p: { extensions: string }) => `--out must end in ${p.extensions}`,
  },
  cliTrustProxy: {
    nb: (p: { value: string }) => `--trust-proxy tar antallet proxyer foran (for eksempel 1) eller adressene deres (10.0.0.2,10.0.0.3), ikke "${p.value}"`,
    en: (p: { value: string }) => `--trust-proxy takes the number of proxies in front (for example 1) or their addresses (10.0.0.2,10.0.0.3), not "${p.value}"`,
  },
  cliDate: {
    nb: (p: { flag: string; value: string }) => `${p.flag} tar en dato som 2026-12-31, ikke "${p.value}"`,
    en: (p: { flag: string; value: string }) => `${p.flag} takes a date such as 2026-12-31, not "${p.value}"`,
  },
  cliWholeNumber: {
    nb: (p: { flag: string; value: string }) => `${p.flag} tar et helt tall over 0, ikke "${p.value}"`,
    en: (p: { flag: string; value: string }) => `${p.flag} takes a whole number above 0, not "${p.value}"`,
  },
  cliNoDatabase: {
    nb: (p: { db: string }) => `fant ingen underskriftsdatabase i ${p.db}; sjekk --db (collect skriver hvor databasen er når den starter)`,
    en: (p: { db: string }) => `no sign-on database at ${p.db}; check --db (collect prints where its database is when it starts)`,
  },
  cliExported: {
    nb: (p: { file: string; n: number }) => `skrev ${p.file}  (${count(p.n, "underskriver", "underskrivere", "nb")})`,
    en: (p: { file: string; n: number }) => `wrote ${p.file}  (${count(p.n, "signatory", "signatories", "en")})`,
  },
  cliPurged: {
    nb: (p: { n: number }) => `personopplysninger slettet; beholdt det den sendte uttalelsen viser for ${count(p.n, "underskrift", "underskrifter", "nb")}`,
    en: (p: { n: number }) => `personal data erased; kept what the sent statement shows for ${count(p.n, "signature", "signatures", "en")}`,
  },
  cliAutoPurged: {
    nb: (p: { n: number; date: string }) => `oppbevaringstiden gikk ut ${p.date}: personopplysninger slettet, ${count(p.n, "underskrift", "underskrifter", "nb")} beholdt slik uttalelsen viser dem`,
    en: (p: { n: number; date: string }) => `the retention period ended on ${p.date}: personal data erased, ${count(p.n, "signature", "signatures", "en")} kept as the statement shows them`,
  },
});
