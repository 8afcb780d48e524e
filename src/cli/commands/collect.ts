import { isIP } from "node:net";
import path from "node:path";
import { defineCommand, type ArgsDef } from "citty";
import { assembleDocuments } from "../../build/index.js";
import { makeDirectory } from "../../build/write.js";
import { createCollectServer, exportSignatures, MissingStoreError, openStore, type SignatureStore } from "../../collect/index.js";
import { t } from "../../i18n/catalogue.js";
import { Reporter } from "../../report/index.js";
import { WRITABLE_EXTENSIONS } from "../../signatories/index.js";
import { finish, UsageError, type CliContext } from "../context.js";
import { documentArgs, positionalFiles } from "../documents.js";

/** Shorter admin tokens can be guessed or are typed by hand; 32 hex characters are 128 bits. */
const MIN_ADMIN_TOKEN = 32;

/** A relative SQLite path is relative to where the command runs; a URL stays as it is. */
const resolveDb = (db: string, ctx: CliContext) => (/^[a-z][a-z0-9+.-]*:\/\//i.test(db) ? db : path.resolve(ctx.cwd, db));

/** The database shown to a person: a file relative to here, a URL without its password. */
function showDb(db: string, ctx: CliContext): string {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(db)) return path.relative(ctx.cwd, db) || db;
  const url = new URL(db);
  if (url.password) url.password = "***";
  return url.toString();
}

/** A sign-on database that must exist already: export and purge never create an empty one. */
async function openExisting(db: string, ctx: CliContext): Promise<SignatureStore> {
  try {
    return await openStore(resolveDb(db, ctx), { existing: true });
  } catch (error) {
    if (error instanceof MissingStoreError) throw new UsageError(t("collect.cliNoDatabase", { db: showDb(resolveDb(db, ctx), ctx) }));
    throw error;
  }
}

const exportArgs = {
  db: { type: "string", description: t("cli.collectDb"), required: true },
  out: { type: "string", description: t("cli.collectOut", { extensions: WRITABLE_EXTENSIONS.join(", ") }), required: true },
  document: { type: "string", description: t("cli.collectDocument") },
} satisfies ArgsDef;

const exportCommand = defineCommand({
  meta: { name: "export", description: t("cli.collectExportHelp") },
  args: exportArgs,
  async run({ args, data }) {
    const ctx = data as CliContext;
    const out = path.resolve(ctx.cwd, String(args.out));
    if (!WRITABLE_EXTENSIONS.includes(path.extname(out).toLowerCase())) throw new UsageError(t("collect.cliOutExtension", { extensions: WRITABLE_EXTENSIONS.join(", ") }));
    const store = await openExisting(String(args.db), ctx);
    try {
      makeDirectory(path.dirname(out));
      const n = await exportSignatures(store, out, args.document as string | undefined);
      ctx.out(t("collect.cliExported", { file: path.relative(ctx.cwd, out), n }));
      return 0;
    } finally {
      await store.close();
    }
  },
});

const purgeCommand = defineCommand({
  meta: { name: "purge", description: t("cli.collectPurgeHelp") },
  args: { db: exportArgs.db, document: exportArgs.document },
  async run({ args, data }) {
    const ctx = data as CliContext;
    const store = await openExisting(String(args.db), ctx);
    try {
      ctx.out(t("collect.cliPurged", { n: await store.purge(args.document as string | undefined) }));
      return 0;
    } finally {
      await store.close();
    }
  },
});

/** `--trust-proxy` alone is one proxy; a number is that many; otherwise a list of addresses (or CIDR ranges). */
export function parseTrustProxy(value: string | boolean | undefined): number | string[] | undefined {
  if (value === undefined || value === false) return undefined;
  if (value === true || value === "") return 1;
  if (/^\d+$/.test(value) && Number(value) >= 1) return Number(value);
  const addresses = value.split(",").map((a) => a.trim());
  const valid = (a: string) => {
    const [ip, bits, ...rest] = a.split("/");
    return !rest.length && isIP(ip) !== 0 && (bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (isIP(ip) === 4 ? 32 : 128)));
  };
  if (!addresses.every(valid)) throw new UsageError(t("collect.cliTrustProxy", { value }));
  return addresses;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function wholeNumber(flag: string, value: unknown): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(t("collect.cliWholeNumber", { flag, value: String(value) }));
  return n;
}

const args = {
  ...documentArgs,
  port: { type: "string", description: t("cli.collectPort"), default: "8080" },
  db: { type: "string", description: t("cli.collectDbDefault") },
  publicUrl: { type: "string", description: t("cli.collectPublicUrl") },
  rateLimit: { type: "string", description: t("cli.collectRateLimit"), default: "10" },
  trustProxy: { type: "string", description: t("cli.collectTrustProxy") },
  closes: { type: "string", description: t("cli.collectCloses") },
  retainDays: { type: "string", description: t("cli.collectRetainDays"), default: "90" },
  confirmDays: { type: "string", description: t("cli.collectConfirmDays"), default: "7" },
} satisfies ArgsDef;

export default defineCommand({
  meta: {
    name: "collect",
    description: t("cli.collectHelp"),
  },
  args,
  subCommands: { export: exportCommand, purge: purgeCommand },
  async run({ args: values, rawArgs, data }) {
    const ctx = data as CliContext;
    const documents = positionalFiles(rawArgs, ctx, args);
    if (documents.length !== 1) throw new UsageError(t("collect.cliOneDocument"));
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(t("collect.cliPort", { value: String(values.port) }));
    const rateLimit = wholeNumber("--rate-limit", values.rateLimit);
    const retainDays = wholeNumber("--retain-days", values.retainDays);
    const confirmDays = wholeNumber("--confirm-days", values.confirmDays);
    const closes = values.closes as string | undefined;
    if (closes !== undefined && (!ISO_DAY.test(closes) || Number.isNaN(Date.parse(closes)))) throw new UsageError(t("collect.cliDate", { flag: "--closes", value: closes }));
    // A bare `--trust-proxy` comes as "" or true depending on what follows it.
    const trustProxy = parseTrustProxy(rawArgs.includes("--trust-proxy") && (values.trustProxy === undefined || values.trustProxy === "") ? true : (values.trustProxy as string | undefined));
    const adminToken = process.env.OPPROP_ADMIN_TOKEN || undefined;
    if (adminToken !== undefined && adminToken.length < MIN_ADMIN_TOKEN) throw new UsageError(t("collect.cliShortToken", { length: adminToken.length }));
    const smtpUrl = process.env.OPPROP_SMTP_URL || undefined;
    const publicUrl = values.publicUrl as string | undefined;
    if (smtpUrl && !publicUrl) throw new UsageError(t("collect.cliSmtpNeedsPublicUrl"));
    const reporter = new Reporter();
    // The page shows the sign-ons from the database, not the document's signatory files.
    const [doc] = await assembleDocuments(documents, reporter, { skipSignatories: true });
    if (!doc) return finish(ctx, reporter);
    const db = resolveDb(values.db ? String(values.db) : `${doc.name}.signatures.sqlite`, ctx);
    const store = await openStore(db);
    const app = await createCollectServer({
      doc,
      store,
      adminToken,
      smtpUrl,
      publicUrl,
      trustProxy,
      rateLimit: { max: rateLimit, timeWindow: "1 minute" },
      closes,
      retainDays,
      confirmDays,
      log: ctx.err,
    }).catch(async (error) => {
      await store.close();
      throw error;
    });
    try {
      const address = await app.listen({ port, host: "127.0.0.1" });
      ctx.out(t("collect.cliStarted", { name: doc.name, version: doc.fingerprint, address }));
      ctx.out(t("collect.cliDatabase", { db: showDb(db, ctx) }));
      ctx.out(adminToken ? t("collect.cliAdmin", { address }) : t("collect.cliNoAdmin"));
      if (!smtpUrl) ctx.out(t("collect.cliNoSmtp"));
      await new Promise<void>((resolve) => {
        process.once("SIGINT", resolve);
        process.once("SIGTERM", resolve);
      });
      return finish(ctx, reporter);
    } finally {
      await app.close();
      await store.close();
    }
  },
});
