import { execFile, spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { Element } from "hast";
import { fromHtml } from "hast-util-from-html";
import pg from "pg";
import { SMTPServer } from "smtp-server";
import { visit } from "unist-util-visit";
import type { AssembledDocument } from "../../src/assemble/types.js";
import { assembleDocuments } from "../../src/build/index.js";
import { createCollectServer, type CollectServerOptions } from "../../src/collect/server.js";
import { openStore } from "../../src/collect/open.js";
import type { SignatureStore } from "../../src/collect/store.js";
import { Reporter } from "../../src/report/index.js";

const run = promisify(execFile);
export const REPO = path.resolve(import.meta.dirname, "../..");
export const FIXTURE = path.join(REPO, "test/fixtures/collect-basic");
export const FIXTURE_DOC = path.join(FIXTURE, "documents/opprop-test.md");

export async function fixtureDocument(file = FIXTURE_DOC): Promise<AssembledDocument> {
  const reporter = new Reporter();
  const [doc] = await assembleDocuments([file], reporter, { skipSignatories: true, today: "2026-11-25" });
  if (!doc) throw new Error(`fixture did not assemble: ${JSON.stringify(reporter.messages)}`);
  return doc;
}

const hasPostgres = () => existsSync("/usr/lib/postgresql") && readdirSync("/usr/lib/postgresql").some((v) => existsSync(`/usr/lib/postgresql/${v}/bin/initdb`));

/** Skips PostgreSQL only when it is not installed and we are not in CI (CI has everything). */
export const postgresAvailable = hasPostgres() || Boolean(process.env.CI);

export interface PostgresCluster {
  url: string;
  /** A fresh, empty database on the cluster, so tests do not see each other's rows. */
  freshDatabase(): Promise<string>;
  stop(): Promise<void>;
}

/** A throwaway cluster from scripts/pg-test.sh, on 127.0.0.1 and a free port. */
export async function startPostgres(): Promise<PostgresCluster> {
  const { stdout } = await run(path.join(REPO, "scripts/pg-test.sh"), ["start"]);
  const [url, dir] = stdout.trim().split(" ");
  let n = 0;
  return {
    url,
    async freshDatabase() {
      const name = `t${process.pid}_${++n}_${Date.now()}`;
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`CREATE DATABASE ${name}`);
      await client.end();
      return url.replace(/\/postgres$/, `/${name}`);
    },
    stop: async () => void (await run(path.join(REPO, "scripts/pg-test.sh"), ["stop", dir])),
  };
}

export interface Backend {
  name: string;
  /** A fresh, empty store. */
  open(): Promise<SignatureStore>;
  /** A URL or path that `openStore` takes for the last store opened. */
  lastUrl?: string;
}

/** The SQLite backend always; the PostgreSQL one when a server can be started. Call from beforeAll. */
export function backends(): { list: Backend[]; setup(): Promise<void>; teardown(): Promise<void> } {
  let dir = "";
  let cluster: PostgresCluster | undefined;
  let n = 0;
  const sqlite: Backend = {
    name: "sqlite",
    async open() {
      sqlite.lastUrl = path.join(dir, `store-${++n}.sqlite`);
      return openStore(sqlite.lastUrl);
    },
  };
  const postgres: Backend = {
    name: "postgres",
    async open() {
      postgres.lastUrl = await cluster!.freshDatabase();
      return openStore(postgres.lastUrl);
    },
  };
  return {
    list: postgresAvailable ? [sqlite, postgres] : [sqlite],
    async setup() {
      dir = await mkdtemp(path.join(tmpdir(), "opprop-collect-"));
      if (postgresAvailable) cluster = await startPostgres();
    },
    async teardown() {
      await cluster?.stop();
      if (dir) await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A running server on 127.0.0.1, a random port. */
export async function listen(options: CollectServerOptions) {
  const app = await createCollectServer(options);
  const address = await app.listen({ port: 0, host: "127.0.0.1" });
  return { app, url: address };
}

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
}

/** A visitor with a cookie jar, as a browser without JavaScript would behave. */
export class Visitor {
  private cookies = new Map<string, string>();
  constructor(
    readonly base: string,
    private readonly extraHeaders: Record<string, string> = {},
  ) {}

  async request(pathname: string, init: RequestInit = {}): Promise<Answer> {
    const headers = new Headers(init.headers);
    for (const [k, v] of Object.entries(this.extraHeaders)) if (!headers.has(k)) headers.set(k, v);
    if (this.cookies.size) headers.set("cookie", [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    const response = await fetch(this.base + pathname, { ...init, headers, redirect: "manual" });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const at = pair.indexOf("=");
      this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return { status: response.status, headers: response.headers, text: await response.text() };
  }

  get(pathname: string): Promise<Answer> {
    return this.request(pathname);
  }

  /**
   * The CSRF token of the form on `pathname` (the cookie that goes with it lands in
   * the jar). The consent version on the page is kept for `signFields`.
   */
  async csrf(pathname = "/"): Promise<string> {
    const page = await this.get(pathname);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.text)?.[1];
    if (!token) throw new Error(`no CSRF token on ${pathname}: ${page.status}`);
    lastConsentVersion = /name="consent_version" value="([^"]+)"/.exec(page.text)?.[1] ?? lastConsentVersion;
    return token;
  }

  /** Opens a confirm or withdraw link as a person does: the page, then its button (a POST with CSRF). */
  async pressLink(link: string): Promise<Answer> {
    const pathname = link.startsWith("http") ? new URL(link).pathname : link;
    return this.post(pathname, { _csrf: await this.csrf(pathname) });
  }

  post(pathname: string, fields: Record<string, string> | string, headers: Record<string, string> = {}): Promise<Answer> {
    const body = typeof fields === "string" ? fields : new URLSearchParams(fields).toString();
    return this.request(pathname, { method: "POST", body, headers: { "content-type": "application/x-www-form-urlencoded", ...headers } });
  }
}

/** The consent version on the last form a Visitor read (the server's fingerprint of its consent text). */
let lastConsentVersion = "";

/** A valid sign-on; override what a test is about. */
export function signFields(doc: AssembledDocument, csrf: string, fields: Record<string, string> = {}): Record<string, string> {
  return {
    _csrf: csrf,
    version: doc.fingerprint,
    consent_version: lastConsentVersion,
    type: "person",
    name: "Kari Nordmann",
    place: "Bergen",
    email: "kari@example.no",
    publish: "ja",
    consent: "ja",
    website: "",
    ...fields,
  };
}

export const ADMIN_TOKEN = "admin-secret-for-tests-0123456789abcdef";

/** Approves every pending sign-on through /admin, as the administrator would. */
export async function approveAll(url: string, store: SignatureStore, document: string, token = ADMIN_TOKEN): Promise<number> {
  const admin = new Visitor(url, { authorization: `Bearer ${token}` });
  const pending = await store.list("pending", document);
  const csrf = pending.length ? await admin.csrf("/admin") : "";
  for (const s of pending) {
    const answer = await admin.post(`/admin/approve/${s.id}`, { _csrf: csrf });
    if (answer.status !== 303) throw new Error(`approve ${s.id}: ${answer.status}`);
  }
  return pending.length;
}

/** Every element of a page, parsed as a browser would (parse5 via hast-util-from-html). */
export function elements(html: string): Element[] {
  const found: Element[] = [];
  visit(fromHtml(html), "element", (node) => void found.push(node));
  return found;
}

/** The page's visible text, whitespace collapsed. */
export function pageText(html: string): string {
  let text = "";
  visit(fromHtml(html), "text", (node) => void (text += ` ${node.value}`));
  return text.replace(/\s+/g, " ");
}

export interface Mail {
  to: string[];
  subject: string;
  text: string;
}

/** Decodes a single-part text mail as nodemailer writes it (quoted-printable or base64). */
function decodeMail(raw: string): { subject: string; text: string } {
  const split = raw.indexOf("\r\n\r\n");
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, " ");
  const body = raw.slice(split + 4);
  const encoding = /^content-transfer-encoding:\s*(\S+)/im.exec(head)?.[1].toLowerCase();
  const subject = /^subject:\s*(.*)$/im.exec(head)?.[1] ?? "";
  if (encoding === "base64") return { subject, text: Buffer.from(body, "base64").toString("utf8") };
  if (encoding !== "quoted-printable") return { subject, text: body };
  const bytes: number[] = [];
  const unfolded = body.replace(/=\r?\n/g, "");
  for (let i = 0; i < unfolded.length; i++) {
    const hex = unfolded[i] === "=" ? /^[0-9A-F]{2}/i.exec(unfolded.slice(i + 1, i + 3)) : null;
    if (hex) {
      bytes.push(parseInt(hex[0], 16));
      i += 2;
    } else bytes.push(...Buffer.from(unfolded[i], "utf8"));
  }
  return { subject, text: Buffer.from(bytes).toString("utf8") };
}

/** A local SMTP server that keeps every message: the test's inbox. */
export async function smtpSink() {
  const mails: Mail[] = [];
  let wake: (() => void) | undefined;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), ...decodeMail(Buffer.concat(chunks).toString("latin1")) });
        wake?.();
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  let read = 0;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    /** The next message not yet read; fails after `ms`. */
    async next(ms = 10_000): Promise<Mail> {
      const deadline = Date.now() + ms;
      while (mails.length <= read) {
        if (Date.now() > deadline) throw new Error("no mail arrived");
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, 50);
        });
      }
      return mails[read++];
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The links in a confirmation mail. */
export function mailLinks(mail: Mail): { confirm: string; withdraw: string } {
  const confirm = /https?:\/\/\S+\/confirm\/[A-Za-z0-9_-]+/.exec(mail.text)?.[0];
  const withdraw = /https?:\/\/\S+\/withdraw\/[A-Za-z0-9_-]+/.exec(mail.text)?.[0];
  if (!confirm || !withdraw) throw new Error(`no links in mail:\n${mail.text}`);
  return { confirm, withdraw };
}

/**
 * The CLI as one ESM file, built from src with esbuild, so a test can run
 * `opprop …` as a real child process (and SIGKILL it) without a prior `npm run build`.
 * Modules another engineer has not written yet (a renderer) are left out.
 */
export async function bundleCli(): Promise<{ file: string; remove(): Promise<void> }> {
  const { build } = await import("esbuild");
  // Two folders below the repository, like dist/cli/main.js: the shipped templates are found from there.
  const outfile = path.join(REPO, ".tmp", `cli-${process.pid}-${Date.now()}`, "opprop.mjs");
  await mkdir(path.dirname(outfile), { recursive: true });
  await build({
    stdin: { contents: 'import { main } from "./src/cli/main.ts";\nprocess.exitCode = await main(process.argv.slice(2));\n', resolveDir: REPO, loader: "ts" },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    outfile,
    logLevel: "silent",
    plugins: [
      {
        name: "missing-as-external",
        setup(b) {
          b.onResolve({ filter: /^\.\.?\// }, (args) => {
            const file = path.resolve(args.resolveDir, args.path.replace(/\.js$/, ".ts"));
            return args.kind === "dynamic-import" && !existsSync(file) ? { path: args.path, external: true } : undefined;
          });
        },
      },
    ],
  });
  return { file: outfile, remove: () => rm(path.dirname(outfile), { recursive: true, force: true }) };
}

/**
 * `opprop collect` (the bundle `cli`) as a real process; resolves once it listens.
 * `args` come after the document (no `--db` when `db` is undefined); the environment
 * is this one without OPPROP_*, plus `env`.
 */
export async function startCollect(
  cli: string,
  db: string | undefined,
  args: string[] = ["--rate-limit", "100000"],
  env: Record<string, string> = {},
  cwd = REPO,
): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const environment = { ...process.env };
  for (const key of Object.keys(environment)) if (key.startsWith("OPPROP_")) delete environment[key];
  const child = spawn(process.execPath, [cli, "collect", FIXTURE_DOC, "--port", "0", ...(db === undefined ? [] : ["--db", db]), ...args], { cwd, env: { ...environment, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`collect did not start:\n${output}`)), 30_000);
    child.stdout!.on("data", () => {
      const match = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on("exit", (code) => reject(new Error(`collect exited with ${code}:\n${output}`)));
  });
  return { child, url, output: () => output };
}

export const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => (child.exitCode !== null || child.signalCode ? resolve(child.exitCode) : child.once("exit", (code) => resolve(code))));

export { haveBrowser, launchChromium } from "../helpers/browser.js";
