import { mkdir } from "node:fs/promises";
import path from "node:path";
import { defineCommand, type ArgsDef } from "citty";
import { assembleDocuments } from "../../build/index.js";
import { createCollectServer, exportSignatures, openStore } from "../../collect/index.js";
import { Reporter } from "../../report/index.js";
import { WRITABLE_EXTENSIONS } from "../../signatories/index.js";
import { finish, UsageError, type CliContext } from "../context.js";
import { documentArgs, positionalFiles } from "../documents.js";

const DB_HELP = "a SQLite file, or a postgres:// URL for a PostgreSQL server";

/** A relative SQLite path is relative to where the command runs; a URL stays as it is. */
const resolveDb = (db: string, ctx: CliContext) => (/^[a-z][a-z0-9+.-]*:\/\//i.test(db) ? db : path.resolve(ctx.cwd, db));

const exportArgs = {
  db: { type: "string", description: DB_HELP, required: true },
  out: { type: "string", description: `the signatory file to write (${WRITABLE_EXTENSIONS.join(", ")})`, required: true },
  document: { type: "string", description: "only this document's sign-ons (its file name without .md)" },
} satisfies ArgsDef;

const exportCommand = defineCommand({
  meta: { name: "export", description: "Write the confirmed and approved sign-ons as a signatory file that build reads" },
  args: exportArgs,
  async run({ args, data }) {
    const ctx = data as CliContext;
    const out = path.resolve(ctx.cwd, String(args.out));
    if (!WRITABLE_EXTENSIONS.includes(path.extname(out).toLowerCase())) throw new UsageError(`--out must end in ${WRITABLE_EXTENSIONS.join(", ")}`);
    const store = await openStore(resolveDb(String(args.db), ctx));
    try {
      await mkdir(path.dirname(out), { recursive: true });
      const n = await exportSignatures(store, out, args.document as string | undefined);
      ctx.out(`wrote ${path.relative(ctx.cwd, out)}  (${n} signator${n === 1 ? "y" : "ies"})`);
      return 0;
    } finally {
      await store.close();
    }
  },
});

const args = {
  ...documentArgs,
  port: { type: "string", description: "port on 127.0.0.1 (0 = any free port)", default: "8080" },
  db: { type: "string", description: `${DB_HELP} (default: <document>.signatures.sqlite)` },
  publicUrl: { type: "string", description: "the address people reach the page at, for links in e-mails (behind a reverse proxy)" },
  rateLimit: { type: "string", description: "sign-ons per minute from one address (raise it for a crowd behind one address)", default: "10" },
  trustProxy: { type: "boolean", description: "take the client address from X-Forwarded-For (only behind a reverse proxy)" },
} satisfies ArgsDef;

export default defineCommand({
  meta: {
    name: "collect",
    description:
      "Serve a sign-on page for a document on 127.0.0.1. Environment: OPPROP_ADMIN_TOKEN (enables /admin), OPPROP_SMTP_URL (e-mail confirmation), OPPROP_MAIL_FROM",
  },
  args,
  subCommands: { export: exportCommand },
  async run({ args: values, rawArgs, data }) {
    const ctx = data as CliContext;
    const documents = positionalFiles(rawArgs, ctx, args);
    if (documents.length !== 1) throw new UsageError("collect serves one document at a time");
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port takes a number from 0 to 65535, not "${values.port}"`);
    const rateLimit = Number(values.rateLimit);
    if (!Number.isInteger(rateLimit) || rateLimit < 1) throw new UsageError(`--rate-limit takes a whole number above 0, not "${values.rateLimit}"`);
    const reporter = new Reporter();
    // The page shows the sign-ons from the database, not the document's signatory files.
    const [doc] = await assembleDocuments(documents, reporter, { skipSignatories: true });
    if (!doc) return finish(ctx, reporter);
    const db = resolveDb(values.db ? String(values.db) : `${doc.name}.signatures.sqlite`, ctx);
    const store = await openStore(db);
    const app = await createCollectServer({
      doc,
      store,
      adminToken: process.env.OPPROP_ADMIN_TOKEN || undefined,
      smtpUrl: process.env.OPPROP_SMTP_URL || undefined,
      publicUrl: values.publicUrl as string | undefined,
      trustProxy: Boolean(values.trustProxy),
      rateLimit: { max: rateLimit, timeWindow: "1 minute" },
    });
    try {
      const address = await app.listen({ port, host: "127.0.0.1" });
      ctx.out(`sign-on page for ${doc.name} (version ${doc.fingerprint}): ${address}/`);
      ctx.out(process.env.OPPROP_ADMIN_TOKEN ? `approve organisations at ${address}/admin` : "no OPPROP_ADMIN_TOKEN: organisations cannot be approved until it is set");
      if (!process.env.OPPROP_SMTP_URL) ctx.out("no OPPROP_SMTP_URL: sign-ons count without e-mail confirmation");
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
