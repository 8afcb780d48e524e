/**
 * The studio server's guards, over plain HTTP: Host header, CSRF token, files only
 * inside the workspace's folders, upload size and type, saves only over the version
 * last seen, and the CSP on every answer.
 */
import { mkdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startStudio, type StudioServer } from "../../src/studio/server.js";
import { workspaceCopy } from "./helpers.js";

let root: string;
let studio: StudioServer;
let session: { cookie: string; token: string };
const outsideFile = path.join(tmpdir(), `opprop-outside-${process.pid}.md`);

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request with any Host header and body (fetch does not let a test set Host). */
function send(method: string, url: string, options: { headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(url, studio.url), { method, headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
    });
    req.on("error", reject);
    req.end(options.body);
  });
}

const writing = (extra: Record<string, string> = {}) => ({ cookie: session.cookie, "x-csrf-token": session.token, ...extra });
const json = (body: unknown) => ({ headers: writing({ "content-type": "application/json" }), body: JSON.stringify(body) });

beforeAll(async () => {
  root = await workspaceCopy({ documents: true });
  studio = await startStudio({ root, port: 0, today: "2026-11-25", uploadLimit: 64 * 1024 });
  const page = await send("GET", "/");
  const token = /name="opprop-csrf" content="([^"]+)"/.exec(page.body)![1];
  const cookie = [page.headers["set-cookie"]].flat().map((c) => c!.split(";")[0]).join("; ");
  session = { cookie, token };
  await writeFile(outsideFile, "---\ntitle: x\n---\nsecret\n");
});
afterAll(async () => {
  await studio?.close();
  await rm(root, { recursive: true, force: true });
  await rm(outsideFile, { force: true });
});

describe("who may talk to the studio", () => {
  test("a Host header other than the studio's own address is refused (DNS rebinding)", async () => {
    const port = new URL(studio.url).port;
    expect((await send("GET", "/", { headers: { host: `evil.example:${port}` } })).status).toBe(403);
    expect((await send("GET", "/api/documents", { headers: { host: "127.0.0.1.evil.example" } })).status).toBe(403);
    expect((await send("GET", "/", { headers: { host: `localhost:${port}` } })).status).toBe(200);
  });

  test("every answer carries a CSP without inline code, and nosniff", async () => {
    for (const url of ["/", "/studio.js", "/api/documents", "/nowhere"]) {
      const answer = await send("GET", url);
      expect(answer.headers["content-security-policy"]).toMatch(/default-src 'none'; script-src 'self'; style-src 'self'/);
      expect(answer.headers["content-security-policy"]).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(answer.headers["x-content-type-options"]).toBe("nosniff");
    }
  });

  test("a write without the CSRF token, or with another session's, is refused and changes nothing", async () => {
    const document = "documents/stotteerklaering-smertebehandling.md";
    const before = await readFile(path.join(root, document), "utf8");
    const { hash } = JSON.parse((await send("GET", `/api/document?path=${document}`)).body);
    const body = JSON.stringify({ path: document, baseHash: hash, body: "overwritten" });
    const noToken = await send("PUT", "/api/document", { headers: { cookie: session.cookie, "content-type": "application/json" }, body });
    expect(noToken.status).toBe(403);
    const wrongToken = await send("PUT", "/api/document", { headers: { cookie: session.cookie, "x-csrf-token": "forged", "content-type": "application/json" }, body });
    expect(wrongToken.status).toBe(403);
    const noCookie = await send("PUT", "/api/document", { headers: { "x-csrf-token": session.token, "content-type": "application/json" }, body });
    expect(noCookie.status).toBe(403);
    for (const [url, type] of [
      ["/api/export", "application/json"],
      ["/api/upload?name=x.csv", "application/octet-stream"],
      ["/api/documents", "application/json"],
    ]) {
      expect((await send("POST", url, { headers: { cookie: session.cookie, "content-type": type }, body: "{}" })).status).toBe(403);
    }
    expect(await readFile(path.join(root, document), "utf8")).toBe(before);
  });
});

describe("files stay inside the workspace", () => {
  test.each([
    "../../etc/passwd",
    "/etc/passwd",
    "documents/../../x.md",
    "documents/../templates/stotteerklaering/template.yaml",
    "documents\\..\\..\\x.md",
    "documents/.hidden.md",
    "documents/brev.md\0.txt",
    "out/x.md",
    "documents/notes.txt",
  ])("%s is refused", async (bad) => {
    const read = await send("GET", `/api/document?path=${encodeURIComponent(bad)}`);
    expect([400, 403]).toContain(read.status);
    const write = await send("PUT", "/api/file", json({ path: bad, text: "x" }));
    expect([400, 403]).toContain(write.status);
  });

  test("a symbolic link out of the workspace is refused, for reading and writing", async () => {
    await symlink(outsideFile, path.join(root, "documents/lenke.md"));
    await mkdir(path.join(root, "demands/ut"), { recursive: true });
    await symlink(tmpdir(), path.join(root, "demands/ut/mappe"));
    expect((await send("GET", "/api/document?path=documents/lenke.md")).status).toBe(403);
    expect((await send("PUT", "/api/file", json({ path: "demands/ut/mappe/ny.md", text: "---\ntitle: x\nkind: fact\n---\nx\n" }))).status).toBe(403);
    expect(await readFile(outsideFile, "utf8")).toBe("---\ntitle: x\n---\nsecret\n");
  });

  test("a save over a version the browser did not see is a 409, and the file is left as it is", async () => {
    const document = "documents/opprop-smertebehandling.md";
    const { hash } = JSON.parse((await send("GET", `/api/document?path=${document}`)).body);
    const outside = (await readFile(path.join(root, document), "utf8")) + "\nEndret i en annen editor.\n";
    await writeFile(path.join(root, document), outside);
    const stale = await send("PUT", "/api/document", json({ path: document, baseHash: hash, body: "mine" }));
    expect(stale.status).toBe(409);
    expect(JSON.parse(stale.body).error).toMatch(/endret utenfor studioet|changed outside the studio/);
    expect(await readFile(path.join(root, document), "utf8")).toBe(outside);
    // A new block may not be created over an existing one.
    expect((await send("PUT", "/api/file", json({ path: "demands/krav/pasientmedvirkning.md", text: "x" }))).status).toBe(409);
  });
});

test("frontmatter that is not readable YAML is never overwritten by the form; the text still saves", async () => {
  const document = "documents/brutt.md";
  const broken = "---\ntitle: [unclosed\ntemplate: stotteerklaering\n---\n\nTekst.\n";
  await writeFile(path.join(root, document), broken);
  const { hash, yamlError } = JSON.parse((await send("GET", `/api/document?path=${document}`)).body);
  expect(yamlError).toBeTruthy();
  const form = await send("PUT", "/api/document", json({ path: document, baseHash: hash, meta: {} }));
  expect(form.status).toBe(422);
  expect(await readFile(path.join(root, document), "utf8")).toBe(broken);
  const text = await send("PUT", "/api/document", json({ path: document, baseHash: hash, body: "\nNy tekst.\n" }));
  expect(text.status).toBe(200);
  expect(await readFile(path.join(root, document), "utf8")).toBe("---\ntitle: [unclosed\ntemplate: stotteerklaering\n---\n\nNy tekst.\n");
});

test("a logo path out of the workspace is an error: no pages, no export, nothing read", async () => {
  const document = "documents/logo-ute.md";
  const image = path.join(tmpdir(), `opprop-logo-${process.pid}.png`);
  await writeFile(image, Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex"));
  await writeFile(path.join(root, document), `---\ntemplate: stotteerklaering\ntitle: Logo\nto: [Noen]\nfrom: { name: Oss, logo: "${path.relative(path.join(root, "documents"), image)}" }\n---\n\nTekst.\n`);
  const state = JSON.parse((await send("GET", `/api/document?path=${document}`)).body);
  await rm(image);
  expect(state.problems.map((p: { text: string }) => p.text)).toEqual([expect.stringMatching(/outside the workspace|utenfor arbeidsmappen/)]);
  expect(state.pages).toEqual([]);
  expect((await send("POST", "/api/export", json({ path: document, format: "pdf" }))).status).toBe(422);
});

test("a logo upload lands in logos/ when it is a real image", async () => {
  const png = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");
  const answer = await send("POST", "/api/upload?name=Min%20logo.png", { headers: writing({ "content-type": "application/octet-stream" }), body: png });
  expect(answer.status).toBe(200);
  expect(JSON.parse(answer.body).path).toBe("logos/min-logo.png");
  expect(Buffer.compare(await readFile(path.join(root, "logos/min-logo.png")), png)).toBe(0);
});

describe("uploads", () => {
  test("a list larger than the limit is refused with the limit in the message", async () => {
    const big = Buffer.alloc(65 * 1024, "a");
    const answer = await send("POST", "/api/upload?name=stor.csv", { headers: writing({ "content-type": "application/octet-stream" }), body: big });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).error).toMatch(/0\.1 MB/);
  });

  test.each([
    ["program.exe", Buffer.from("MZ\x90\x00")],
    ["liste.csv", Buffer.from("navn\nKari\x00\x01")],
    ["liste.xlsx", Buffer.from("navn\nKari\n")],
    ["logo.png", Buffer.from("<svg onload=alert(1)>")],
    ["../../liste.csv", Buffer.from("navn\nKari\n")],
  ])("%s with the wrong content is refused", async (name, data) => {
    const answer = await send("POST", `/api/upload?name=${encodeURIComponent(name)}`, { headers: writing({ "content-type": "application/octet-stream" }), body: data });
    if (name.startsWith("../")) {
      // The name is reduced to its base: the list lands in signatories/, nowhere else.
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.body).path).toBe("signatories/liste.csv");
    } else {
      expect(answer.status).toBe(415);
    }
  });

  test("a JSON body where bytes are expected is refused", async () => {
    expect((await send("POST", "/api/upload?name=x.csv", json({ a: 1 }))).status).toBe(415);
  });

  test("an upload never replaces an existing list", async () => {
    const first = await send("POST", "/api/upload?name=organisasjoner.csv", { headers: writing({ "content-type": "text/csv" }), body: "navn\nNy forening\n" });
    expect(JSON.parse(first.body).path).toBe("signatories/organisasjoner-2.csv");
    expect(await readFile(path.join(root, "signatories/organisasjoner.csv"), "utf8")).not.toContain("Ny forening");
  });
});
