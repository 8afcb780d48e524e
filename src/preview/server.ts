import { existsSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { watch, type FSWatcher } from "chokidar";
import { PACKAGE_ROOT } from "../workspace/index.js";
import { createPreviewBuilder, type PreviewBuilder, type PreviewState } from "./builder.js";
import { pageHtml, PREVIEW_CSS, RELOAD_SCRIPT } from "./page.js";

export interface PreviewOptions {
  document: string;
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** ISO day for documents without a date and for deadline warnings. */
  today?: string;
  /** Saves that come this close together make one rebuild. */
  debounceMs?: number;
  onRebuild?: (state: PreviewState) => void;
}

export interface PreviewServer {
  url: string;
  builder: PreviewBuilder;
  /** The latest build (the page serves exactly this). */
  state(): PreviewState;
  close(): Promise<void>;
}

/** No inline code at all: the reload script and the styles are files of this server. */
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * Serves the HTML rendering of one document on 127.0.0.1 and rebuilds it whenever a
 * block, the document, a template or a signatory file is saved; open pages reload
 * through Server-Sent Events.
 */
export async function startPreview(options: PreviewOptions): Promise<PreviewServer> {
  const builder = await createPreviewBuilder(options.document, { today: options.today });
  let state = await builder.rebuild();
  options.onRebuild?.(state);
  const clients = new Set<ServerResponse>();

  const server = createServer((request, response) => handle(request, response));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host ?? "127.0.0.1";
  // Only these Host headers: a page on another site cannot reach the preview by DNS rebinding.
  const allowedHosts = new Set([`${host}:${port}`, `localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`]);

  function handle(request: IncomingMessage, response: ServerResponse): void {
    if (!allowedHosts.has(request.headers.host ?? "")) return send(response, 403, "text/plain", "forbidden host\n");
    if (request.method !== "GET" && request.method !== "HEAD") return send(response, 405, "text/plain", "method not allowed\n");
    const pathname = new URL(request.url ?? "/", "http://localhost").pathname;
    if (pathname === "/") return send(response, 200, "text/html", pageHtml(state));
    if (pathname === "/preview.js") return send(response, 200, "text/javascript", RELOAD_SCRIPT);
    if (pathname === "/preview.css") return send(response, 200, "text/css", PREVIEW_CSS);
    if (pathname === "/events") return subscribe(response);
    // Browsers ask for an icon; "none" keeps the console free of 404s.
    if (pathname === "/favicon.ico") return send(response, 204, "text/plain", "");
    send(response, 404, "text/plain", "not found\n");
  }

  function subscribe(response: ServerResponse): void {
    response.writeHead(200, { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-store", Connection: "keep-alive", "X-Content-Type-Options": "nosniff" });
    response.write(`retry: 500\n\nevent: build\ndata: ${state.generation}\n\n`);
    clients.add(response);
    response.on("close", () => clients.delete(response));
  }

  // Rebuilds run one at a time; saves during a rebuild make one more afterwards.
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(run, options.debounceMs ?? 30);
  };
  const run = () => {
    if (running) {
      again = true;
      return;
    }
    running = builder
      .rebuild()
      .then((next) => {
        state = next;
        options.onRebuild?.(state);
        for (const client of clients) client.write(`event: build\ndata: ${state.generation}\n\n`);
      })
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          run();
        }
      });
  };

  // Dot files are editor swap files and the temp files of atomic saves.
  const watcher: FSWatcher = watch(watchedPaths(builder), { ignoreInitial: true, followSymlinks: false, ignored: (file) => path.basename(file).startsWith(".") });
  watcher.on("all", schedule);
  await new Promise<void>((resolve) => watcher.once("ready", () => resolve()));

  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}/`,
    builder,
    state: () => state,
    async close() {
      clearTimeout(timer);
      await watcher.close();
      for (const client of clients) client.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await running;
    },
  };
}

/** Everything a rebuild reads: the document's folder, blocks, templates (own and shipped), signatories. */
function watchedPaths(builder: PreviewBuilder): string[] {
  const candidates = [path.dirname(builder.document), ...["demands", "templates", "signatories"].map((dir) => path.join(builder.root, dir)), path.join(PACKAGE_ROOT, "templates")];
  return [...new Set(candidates)].filter((candidate) => existsSync(candidate));
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, {
    "Content-Type": `${type}; charset=utf-8`,
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
  });
  response.end(response.req.method === "HEAD" ? undefined : body);
}
