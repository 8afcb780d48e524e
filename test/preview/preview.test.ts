import { cp, mkdtemp, readFile, rm, utimes, writeFile } from "node:fs/promises";
import { request } from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPreviewBuilder, startPreview, type PreviewServer } from "../../src/preview/index.js";
import { haveBrowser, launchChromium } from "../helpers/browser.js";

const fixture = path.resolve(import.meta.dirname, "../fixtures/preview-basic");

let tmp: string;
let servers: PreviewServer[] = [];

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "opprop-preview-"));
});
afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
  await rm(tmp, { recursive: true, force: true });
});

async function workspace(name: string): Promise<{ root: string; document: string; block: string }> {
  const root = path.join(tmp, name);
  await cp(fixture, root, { recursive: true });
  return { root, document: path.join(root, "documents/brev.md"), block: path.join(root, "demands/krav/behold.md") };
}

async function serve(document: string): Promise<PreviewServer> {
  const server = await startPreview({ document, port: 0, today: "2026-11-25", debounceMs: 20 });
  servers.push(server);
  return server;
}

/** A GET with a chosen Host header (fetch does not let a test set it). */
function get(url: string, headers: Record<string, string> = {}, method = "GET"): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

/** A Server-Sent Events stream read one event at a time. */
async function openEvents(url: string): Promise<{ next: (timeoutMs?: number) => Promise<string>; close: () => void }> {
  const controller = new AbortController();
  const response = await fetch(url, { signal: controller.signal });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  const next = async (timeoutMs = 5000): Promise<string> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const end = buffer.indexOf("\n\n");
      if (end >= 0) {
        const event = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (event.includes("event:")) return event;
        continue;
      }
      const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error("no event in time")), Math.max(0, deadline - Date.now())));
      const { value, done } = await Promise.race([reader.read(), timeout]);
      if (done) throw new Error("the event stream ended");
      buffer += decoder.decode(value, { stream: true });
    }
  };
  return { next, close: () => controller.abort() };
}

describe("createPreviewBuilder", () => {
  it("re-parses only the block whose file changed", async () => {
    const { document, block } = await workspace("incremental");
    const builder = await createPreviewBuilder(document, { today: "2026-11-25" });
    const first = await builder.rebuild();
    expect(first.errors).toBe(0);
    expect(builder.parsedLastTime()).toBe(3);
    await builder.rebuild();
    expect(builder.parsedLastTime()).toBe(0);

    const later = new Date(Date.now() + 5000);
    await utimes(path.join(path.dirname(block), "../fakta/forekomst.md"), later, later);
    await builder.rebuild();
    expect(builder.parsedLastTime()).toBe(1);

    await writeFile(block, (await readFile(block, "utf8")).replace("i regionen", "i hele regionen"));
    const changed = await builder.rebuild();
    expect(builder.parsedLastTime()).toBe(1);
    expect(changed.generation).toBe(first.generation + 3);
    expect(JSON.stringify(changed.article)).toContain("Å beholde smertetilbudet i hele regionen.");
  });
});

describe("opprop preview server", () => {
  it("serves the page on 127.0.0.1 under a CSP without inline code, and refuses other hosts and methods", async () => {
    const { document } = await workspace("http");
    const server = await serve(document);
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await get(server.url);
    expect(page.status).toBe(200);
    const csp = String(page.headers["content-security-policy"]);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    expect(page.body).toContain('<script src="/preview.js" defer></script>');
    expect(page.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(page.body).not.toContain("<style");
    expect(page.body).toContain("Å beholde smertetilbudet i regionen.");
    expect(page.body).toContain("Agder smertelag");

    const script = await get(new URL("/preview.js", server.url).href);
    expect(script.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect(script.body).toContain('new EventSource("/events")');
    expect((await get(server.url, { Host: "evil.example:80" })).status).toBe(403);
    expect((await get(server.url, {}, "POST")).status).toBe(405);
    expect((await get(new URL("/../etc/passwd", server.url).href)).status).toBe(404);
  });

  it("pushes a build event within a second of saving a block, a document, a template or a signatory file", async () => {
    const { root, document, block } = await workspace("events");
    await cp(path.resolve(import.meta.dirname, "../../templates/stotteerklaering"), path.join(root, "templates/stotteerklaering"), { recursive: true });
    const server = await serve(document);
    const events = new URL("/events", server.url).href;
    const edits: [string, (text: string) => string, string][] = [
      [block, (t) => t.replace("i regionen", "i Agder"), "Å beholde smertetilbudet i Agder."],
      [document, (t) => t.replace("Vi ber om at dere vil:", "Vi krever at dere vil:"), "Vi krever at dere vil:"],
      [path.join(root, "templates/stotteerklaering/template.yaml"), (t) => t.replace(/nb: "[^"]*"/, 'nb: "Felles brev"'), "Felles brev"],
      [path.join(root, "signatories/organisasjoner.csv"), (t) => `${t}Vestlandets smertelag;organisation;Bergen\n`, "Vestlandets smertelag"],
    ];
    for (const [file, edit, expected] of edits) {
      const stream = await openEvents(events);
      try {
        // On connecting, the server names its current build; the save must bring the next one.
        const before = server.state().generation;
        expect(await stream.next()).toBe(`event: build\ndata: ${before}`);
        const saved = performance.now();
        await writeFile(file, edit(await readFile(file, "utf8")));
        expect(await stream.next()).toBe(`event: build\ndata: ${before + 1}`);
        expect(performance.now() - saved, `rebuild after saving ${path.relative(root, file)}`).toBeLessThan(1000);
        expect((await get(server.url)).body).toContain(expected);
      } finally {
        stream.close();
      }
    }
  });

  it("shows errors with file:line above the last good version", async () => {
    const { document } = await workspace("errors");
    const server = await serve(document);
    const source = await readFile(document, "utf8");
    const before = server.state().generation;
    await writeFile(document, source.replace("{{> krav/behold}}", "{{> krav/beholde}}"));
    await expect.poll(() => server.state().generation, { timeout: 5000 }).toBeGreaterThan(before);
    const page = (await get(server.url)).body;
    const line = source.split("\n").findIndex((l) => l.includes("krav/behold")) + 1;
    expect(page).toContain(`documents/brev.md:${line}:4  error  unknown block "krav/beholde"  (did you mean "krav/behold"?)`);
    expect(page).toContain("1 error: showing the last version that built");
    expect(page).toContain("Å beholde smertetilbudet i regionen.");
  });
});

describe.skipIf(!haveBrowser)("preview in a real browser", () => {
  it("edits a block and sees the page change without touching the browser, with no CSP violations", async () => {
    const { block, document } = await workspace("browser");
    const server = await serve(document);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on("console", (message) => message.type() === "error" && problems.push(message.text()));
      page.on("pageerror", (error) => problems.push(error.message));
      await page.goto(server.url);
      await page.waitForFunction(() => document.body.innerText.includes("Å beholde smertetilbudet i regionen."));
      // The reload script is connected once the server counts the page as a client.
      await page.waitForTimeout(300);

      const saved = Date.now();
      await writeFile(block, (await readFile(block, "utf8")).replace("Å beholde smertetilbudet i regionen.", "Å styrke smertetilbudet i hele landet."));
      await page.waitForFunction(() => document.body.innerText.includes("Å styrke smertetilbudet i hele landet."), undefined, { timeout: 5000 });
      const ms = Date.now() - saved;
      expect(ms).toBeLessThan(1500);
      expect(await page.locator("ol li").first().innerText()).toBe("Å styrke smertetilbudet i hele landet.");

      // A broken block the document uses: its problem shows on the page with file:line, and the include is an error.
      await writeFile(block, "---\ntitle: Behold\nkind: ønske\n---\n\nTekst.\n");
      await page.waitForSelector(".preview-messages.has-errors", { timeout: 5000 });
      const messages = await page.locator(".preview-messages").innerText();
      expect(messages).toContain("demands/krav/behold.md:3:7  warning");
      expect(messages).toContain('block "krav/behold" cannot be used until its file is fixed: demands/krav/behold.md:3:7');
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
