/**
 * `opprop studio`: the browser app over one workspace. Fastify with the same
 * safety as `collect` and `preview`: 127.0.0.1 only, a Host-header check against
 * DNS rebinding, a strict CSP (no inline code), a CSRF token on every write, and
 * every file access confined to the workspace (files.ts).
 */
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import fastifyCookie from "@fastify/cookie";
import fastifyCsrf from "@fastify/csrf-protection";
import { watch, type FSWatcher } from "chokidar";
import Fastify, { type FastifyReply, type FastifyRequest } from "fastify";
import { writeFileAtomic } from "../build/write.js";
import { readOutline } from "../consultation/outline.js";
import { scaffoldHoringssvar } from "../consultation/scaffold.js";
import { Engine, type ExportFormat } from "../engine/index.js";
import type { Page } from "../engine/pages.js";
import { t } from "../i18n/catalogue.js";
import type { UiLocale } from "../i18n/locale.js";
import { slug } from "../import/index.js";
import { LANGS, type Lang } from "../schema/common.js";
import { guessColumns, SIGNATORY_FIELDS } from "../signatories/index.js";
import { PACKAGE_ROOT } from "../workspace/index.js";
import { joinDocument, splitDocument } from "./document.js";
import { StudioError, WorkspaceFiles, hashOf } from "./files.js";
import { blockDetail, libraryOf } from "./library.js";
import { studioLocale } from "./locale.js";
import { shellHtml } from "./page.js";
import { STARTER_TEMPLATES, starterDocument, type StarterTemplate } from "./starters.js";
import { documentState, type DocumentState } from "./state.js";

export interface StudioOptions {
  root: string;
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** ISO day for documents without a date and for deadline warnings. */
  today?: string;
  /** Largest upload in bytes (default 5 MiB). */
  uploadLimit?: number;
}

export interface StudioServer {
  url: string;
  engine: Engine;
  close(): Promise<void>;
}

const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

/** The client bundle (scripts/bundle.mjs), beside the CLI bundle in the package. */
const CLIENT_DIR = path.join(PACKAGE_ROOT, "dist/studio-client");
const EXPORTS: Record<ExportFormat, { extension: string; type: string }> = {
  docx: { extension: ".docx", type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
  pdf: { extension: ".pdf", type: "application/pdf" },
  pdfa: { extension: ".arkiv.pdf", type: "application/pdf" },
  html: { extension: ".html", type: "text/html; charset=utf-8" },
  md: { extension: ".md", type: "text/markdown; charset=utf-8" },
};
/** First bytes of the uploads we take: a workbook or Word file is a zip, an image has its signature. */
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const IMAGES = [[0x89, 0x50, 0x4e, 0x47], [0xff, 0xd8, 0xff], [0x47, 0x49, 0x46, 0x38]];
const startsWith = (data: Buffer, signature: number[]) => signature.every((byte, i) => data[i] === byte);
/** Pages kept for the browser to fetch (≈ 0.4 MB each): the current ones and a few generations before. */
const PAGES_KEPT = 48;

export async function startStudio(options: StudioOptions): Promise<StudioServer> {
  const files = await WorkspaceFiles.open(options.root);
  const root = files.root;
  const engine = new Engine(root, { today: options.today });
  const uploadLimit = options.uploadLimit ?? 5 * 1024 * 1024;
  const host = options.host ?? "127.0.0.1";
  const app = Fastify({ bodyLimit: 2 * 1024 * 1024, logger: false });
  const pages = new Map<string, string>();
  /** Hash of what the studio itself last wrote per file: a watcher event with another hash is an outside edit. */
  const written = new Map<string, string>();
  const lastGoodPages = new Map<string, Page[]>();
  const clients = new Set<FastifyReply>();
  let allowedHosts = new Set<string>();
  // Builds run one at a time: the engine's caches are shared.
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  await app.register(fastifyCookie);
  await app.register(fastifyCsrf, { cookieOpts: { path: "/", sameSite: "strict", httpOnly: true } });
  app.addContentTypeParser(["application/octet-stream", "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"], { parseAs: "buffer", bodyLimit: uploadLimit }, (_request, body, done) => done(null, body));

  // Only these Host headers: a page on another site cannot reach the studio by DNS rebinding.
  app.addHook("onRequest", async (request, reply) => {
    reply.header("content-security-policy", CSP).header("x-content-type-options", "nosniff").header("referrer-policy", "no-referrer").header("cache-control", "no-store");
    if (!allowedHosts.has(request.headers.host ?? "")) throw new StudioError(403, "studio.forbiddenHost");
  });
  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, request, reply) => {
    const locale = localeOf(request);
    if (error instanceof StudioError) return reply.code(error.status).send({ error: t(error.key, error.params as never, locale), code: error.key });
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    const key = status === 403 ? "studio.csrf" : status === 413 ? "studio.tooLarge" : status === 415 ? "studio.wrongType" : status === 500 ? "studio.internal" : "studio.badRequest";
    return reply.code(status).send({ error: t(key, status === 413 ? ({ limit: megabytes(uploadLimit) } as never) : (undefined as never), locale), code: key, detail: status === 500 ? error.message : undefined });
  });
  app.setNotFoundHandler((request, reply) => reply.code(404).send({ error: t("studio.notFound", undefined, localeOf(request)) }));
  const write = { preHandler: app.csrfProtection };

  app.get("/", async (request, reply) => reply.type("text/html; charset=utf-8").send(shellHtml(localeOf(request), reply.generateCsrf())));
  app.get("/favicon.ico", async (_request, reply) => reply.code(204).send());
  for (const [name, type] of [["studio.js", "text/javascript"], ["studio.css", "text/css"]] as const) {
    app.get(`/${name}`, async (request, reply) => {
      const file = path.join(CLIENT_DIR, name);
      if (!existsSync(file)) throw new StudioError(500, "studio.notBuilt");
      return reply.type(`${type}; charset=utf-8`).header("cache-control", "no-cache").send(await readFile(file));
    });
  }

  app.get("/api/documents", async () => serially(() => listDocuments()));

  app.post("/api/documents", write, async (request) => {
    const { template, title } = (request.body ?? {}) as { template?: string; title?: string };
    if (!STARTER_TEMPLATES.includes(template as StarterTemplate) || typeof title !== "string" || !title.trim()) throw new StudioError(400, "studio.badRequest");
    const { meta, body } = starterDocument(template as StarterTemplate, title.trim());
    return { path: await createDocument(slug(title) || "dokument", joinDocument(meta, body)) };
  });

  // A høringssvar from the consulted document (Word or Markdown), as `init --horingssvar` does.
  app.post("/api/documents/horingssvar", write, async (request) => {
    const { name, issuer, deadline, lang } = request.query as { name?: string; issuer?: string; deadline?: string; lang?: string };
    const data = uploaded(request);
    const extension = path.extname(String(name ?? "")).toLowerCase();
    if (extension === ".docx" ? !startsWith(data, ZIP) : extension !== ".md" || data.includes(0)) throw new StudioError(415, "studio.wrongType");
    if (deadline && !/^\d{4}-\d{2}-\d{2}$/.test(deadline)) throw new StudioError(400, "studio.badRequest");
    const dir = await mkdtemp(path.join(tmpdir(), "opprop-studio-"));
    try {
      const file = path.join(dir, `upload${extension}`);
      await writeFile(file, data);
      const outline = await readOutline(file).catch(() => {
        throw new StudioError(400, "studio.noHeadings");
      });
      const text = scaffoldHoringssvar(outline, { issuer: issuer || undefined, deadline: deadline || undefined, lang: LANGS.includes(lang as Lang) ? (lang as Lang) : undefined });
      return { path: await createDocument(`horingssvar-${slug(outline.title) || "dokument"}`, text) };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  app.get("/api/document", async (request) => serially(() => stateOf(String((request.query as { path?: string }).path))));

  app.put("/api/document", write, async (request) => {
    const { path: relative, baseHash, body, meta } = (request.body ?? {}) as { path?: string; baseHash?: string; body?: unknown; meta?: unknown };
    if (typeof relative !== "string" || typeof baseHash !== "string" || (body !== undefined && typeof body !== "string") || (meta !== undefined && (!meta || typeof meta !== "object" || Array.isArray(meta)))) {
      throw new StudioError(400, "studio.badRequest");
    }
    return serially(async () => {
      const current = splitDocument((await files.read(relative)).text);
      // The form shows nothing of frontmatter it cannot read; saving it would erase that frontmatter.
      if (meta !== undefined && current.yamlError) throw new StudioError(422, "studio.frontmatterUnreadable", { path: relative });
      const text = meta === undefined ? current.frontmatter + (body ?? current.body) : joinDocument(meta as Record<string, unknown>, (body as string | undefined) ?? current.body);
      await saveFile(relative, text, baseHash);
      return stateOf(relative);
    });
  });

  app.get<{ Params: { hash: string } }>("/api/pages/:hash", async (request, reply) => {
    const svg = pages.get(request.params.hash.replace(/\.svg$/, ""));
    if (!svg) throw new StudioError(404, "studio.notFound");
    // A page's name is the hash of its content: it never changes, so it may be kept.
    return reply.type("image/svg+xml").header("cache-control", "private, max-age=3600, immutable").send(svg);
  });

  app.get("/api/blocks", async () => serially(async () => libraryOf(await engine.workspace())));
  app.get("/api/block", async (request) => serially(async () => blockDetail(await engine.workspace(), String((request.query as { id?: string }).id), files)));

  // Blocks: saved whole (frontmatter and text), over the version the browser last saw; none for a new block.
  app.put("/api/file", write, async (request) => {
    const { path: relative, baseHash, text } = (request.body ?? {}) as { path?: string; baseHash?: string; text?: string };
    if (typeof relative !== "string" || !relative.startsWith("demands/") || typeof text !== "string" || (baseHash !== undefined && typeof baseHash !== "string")) throw new StudioError(400, "studio.badRequest");
    return serially(async () => ({ path: relative, hash: await saveFile(relative, text, baseHash) }));
  });

  // Signatory lists and logos: raw bytes, size-limited, checked by extension and content; never over an existing file.
  app.post("/api/upload", write, async (request) => {
    const { name } = request.query as { name?: string };
    const data = uploaded(request);
    const extension = path.extname(String(name ?? "")).toLowerCase();
    const folder = [".png", ".jpg", ".jpeg", ".gif"].includes(extension) ? "logos" : "signatories";
    const fine = folder === "logos" ? IMAGES.some((signature) => startsWith(data, signature)) : extension === ".xlsx" ? startsWith(data, ZIP) : [".csv", ".tsv", ".txt", ".yaml", ".yml", ".json"].includes(extension) && !data.includes(0);
    if (!fine) throw new StudioError(415, "studio.wrongType");
    const base = slug(path.basename(String(name), extension)) || "liste";
    return serially(async () => {
      let relative = `${folder}/${base}${extension}`;
      for (let n = 2; existsSync(await files.resolve(relative)); n++) relative = `${folder}/${base}-${n}${extension}`;
      await saveFile(relative, data, undefined);
      return { path: relative, columns: folder === "signatories" ? await guessColumns(await files.resolve(relative)) : [], fields: SIGNATORY_FIELDS };
    });
  });

  app.get("/api/columns", async (request) => {
    const file = await files.resolve(String((request.query as { path?: string }).path));
    if (!file.startsWith(path.join(root, "signatories"))) throw new StudioError(403, "studio.outsideWorkspace", { path: files.relative(file) });
    return { columns: await guessColumns(file).catch(() => []), fields: SIGNATORY_FIELDS };
  });

  app.post("/api/export", write, async (request, reply) => {
    const { path: relative, format } = (request.body ?? {}) as { path?: string; format?: ExportFormat };
    if (!format || !Object.hasOwn(EXPORTS, format) || typeof relative !== "string" || !relative.startsWith("documents/")) throw new StudioError(400, "studio.badRequest");
    const { bytes, name } = await serially(async () => {
      const build = await engine.build(await files.resolve(relative));
      if (!build.doc) throw new StudioError(422, "studio.exportHasErrors", { errors: build.errors });
      return { bytes: await engine.export(build.doc, format), name: `${build.doc.name}${EXPORTS[format].extension}` };
    });
    // Also written where `opprop build` writes, so the files are there after the browser is closed.
    await writeFileAtomic(path.join(root, "out", name), bytes);
    return reply.type(EXPORTS[format].type).header("content-disposition", `attachment; filename="${name}"`).send(Buffer.from(bytes));
  });

  // Server-Sent Events: outside edits of a file, and workspace changes that call for a rebuild.
  app.get("/api/events", (request, reply) => {
    reply.hijack();
    reply.raw.writeHead(200, { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-store", "x-content-type-options": "nosniff", connection: "keep-alive" });
    reply.raw.write("retry: 1000\n\n");
    clients.add(reply);
    request.raw.on("close", () => clients.delete(reply));
  });
  const broadcast = (event: string, data: unknown) => {
    for (const client of clients) client.raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };

  function localeOf(request: FastifyRequest): UiLocale {
    return studioLocale(request.headers["accept-language"]);
  }

  function uploaded(request: FastifyRequest): Buffer {
    if (!Buffer.isBuffer(request.body)) throw new StudioError(415, "studio.wrongType");
    return request.body;
  }

  async function saveFile(relative: string, data: string | Uint8Array, baseHash: string | undefined): Promise<string> {
    const hash = hashOf(data);
    // Set before the write: the watcher may report the rename before the save returns.
    written.set(relative, hash);
    return files.save(relative, data, baseHash);
  }

  async function createDocument(base: string, text: string): Promise<string> {
    return serially(async () => {
      let relative = `documents/${base}.md`;
      for (let n = 2; existsSync(await files.resolve(relative)); n++) relative = `documents/${base}-${n}.md`;
      await saveFile(relative, text, undefined);
      return relative;
    });
  }

  async function listDocuments() {
    const dir = path.join(root, "documents");
    const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith(".md") && !n.startsWith(".")).sort();
    const documents = [];
    for (const name of names) {
      const build = await engine.build(path.join(dir, name));
      const { meta } = splitDocument(await readFile(path.join(dir, name), "utf8"));
      documents.push({
        path: `documents/${name}`,
        title: typeof meta.title === "string" ? meta.title : name,
        template: typeof meta.template === "string" ? meta.template : "",
        errors: build.errors,
        warnings: build.messages.length - build.errors,
      });
    }
    return { documents };
  }

  async function stateOf(relative: string): Promise<DocumentState> {
    const started = performance.now();
    const absolute = await files.resolve(relative);
    if (!relative.startsWith("documents/")) throw new StudioError(403, "studio.outsideWorkspace", { path: relative });
    const { text, hash } = await files.read(relative);
    const build = await engine.build(absolute);
    let current = lastGoodPages.get(relative) ?? [];
    if (build.doc) {
      current = await engine.pages(build.doc).catch((error: Error) => {
        build.messages.push({ file: relative, severity: "error", text: error.message, rule: "pages" });
        return current;
      });
      lastGoodPages.set(relative, current);
      for (const page of current) {
        pages.delete(page.hash);
        pages.set(page.hash, page.svg);
      }
      while (pages.size > PAGES_KEPT) pages.delete(pages.keys().next().value!);
    }
    return { ...documentState(relative, hash, splitDocument(text), build, current, !build.doc), ms: performance.now() - started };
  }

  await new Promise<void>((resolve, reject) => {
    app.server.once("error", reject);
    app.listen({ port: options.port ?? 0, host }).then(() => resolve(), reject);
  });
  const { port } = app.server.address() as AddressInfo;
  allowedHosts = new Set([`${host}:${port}`, `localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`]);

  // Dot files are editor swap files and the temp files of atomic saves. Symbolic links are
  // not followed: one pointing out of the workspace would have the studio watch that tree.
  const watched = [...["documents", "demands", "signatories", "templates"].map((dir) => path.join(root, dir)), path.join(PACKAGE_ROOT, "templates")].filter((dir) => existsSync(dir));
  const watcher: FSWatcher = watch([...new Set(watched)], { ignoreInitial: true, followSymlinks: false, ignored: (file) => path.basename(file).startsWith(".") });
  watcher.on("all", async (event, file) => {
    const relative = files.relative(file);
    const hash = event === "unlink" ? "gone" : await readFile(file).then(hashOf, () => "gone");
    if (written.get(relative) === hash) return;
    written.delete(relative);
    broadcast(relative.startsWith("documents/") ? "changed" : "workspace", { path: relative, hash });
  });
  await new Promise<void>((resolve) => watcher.once("ready", () => resolve()));

  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}/`,
    engine,
    async close() {
      await watcher.close();
      for (const client of clients) client.raw.end();
      await app.close();
    },
  };
}

const megabytes = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
