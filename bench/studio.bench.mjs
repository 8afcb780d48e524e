// The studio (ISSUE 15): from a keystroke to updated pages (target ≤ 150 ms median for the
// seed statement), and a warm export of DOCX + PDF (target ≤ 100 ms).
//
//   npm run build && node bench/studio.bench.mjs
//
// Measured over HTTP against a real studio on a copy of the repo's workspace, as the
// browser drives it. A keystroke is what the editor sends after typing rests: the whole
// text with one more character, saved over the version last seen (atomic write), built,
// laid out by Typst and drawn as SVG; the time runs until the browser has the JSON and
// every page image that changed. The export is the two downloads, each also written to out/.
// Yardsticks in the same run, in the same warm process: for the keystroke, the same edit
// built to PDF as `opprop build` does it; for the export, `buildDocuments` DOCX + PDF.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildDocuments } from "../dist/build/index.js";
import { Reporter } from "../dist/report/index.js";
import { startStudio } from "../dist/studio/server.js";

const ROOT = path.resolve(fileURLToPath(import.meta.url), "../..");
const STATEMENT = "documents/stotteerklaering-smertebehandling.md";
const RUNS = 25;

export default async function run() {
  const dir = mkdtempSync(path.join(tmpdir(), "opprop-bench-studio-"));
  const studio = await (async () => {
    for (const folder of ["demands", "documents", "signatories"]) cpSync(path.join(ROOT, folder), path.join(dir, folder), { recursive: true });
    return startStudio({ root: dir, port: 0, today: "2026-11-25" });
  })();
  try {
    const page = await fetch(studio.url);
    const token = /name="opprop-csrf" content="([^"]+)"/.exec(await page.text())[1];
    const cookie = page.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    const headers = { cookie, "x-csrf-token": token, "content-type": "application/json" };
    const api = async (method, url, body) => {
      const response = await fetch(new URL(url, studio.url), { method, headers, body: body && JSON.stringify(body) });
      if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
      return response;
    };

    let started = performance.now();
    let state = await (await api("GET", `/api/document?path=${STATEMENT}`)).json();
    const open = performance.now() - started;
    if (state.errors) throw new Error(`the statement has errors: ${state.problems.map((p) => p.text).join("; ")}`);
    const seen = new Set();
    // As the browser does: the changed page images at once.
    const fetchNewPages = (pages) =>
      Promise.all(
        pages
          .filter((p) => !seen.has(p.hash))
          .map(async ({ hash }) => {
            await (await api("GET", `/api/pages/${hash}.svg`)).arrayBuffer();
            seen.add(hash);
          }),
      );
    await fetchNewPages(state.pages);

    const keystrokes = [];
    let body = state.body;
    for (let i = 0; i < RUNS + 2; i++) {
      // One more letter in the sentence before the demands, as the editor sends it.
      body = body.replace(" og nasjonale helsemyndigheter", `${"abcdefghij"[i % 10]} og nasjonale helsemyndigheter`);
      started = performance.now();
      state = await (await api("PUT", "/api/document", { path: STATEMENT, baseHash: state.hash, body })).json();
      await fetchNewPages(state.pages);
      if (i >= 2) keystrokes.push(performance.now() - started);
      if (state.errors) throw new Error("a keystroke broke the statement");
    }

    const exports = [];
    for (let i = 0; i < RUNS + 2; i++) {
      started = performance.now();
      for (const format of ["docx", "pdf"]) await (await api("POST", "/api/export", { path: STATEMENT, format })).arrayBuffer();
      if (i >= 2) exports.push(performance.now() - started);
    }

    // Yardstick for the keystroke: the same one-letter edit written to disk, then what
    // `opprop build --format pdf` does for it (read the workspace, assemble, Typst, PDF).
    const typed = [];
    const file = path.join(dir, STATEMENT);
    for (let i = 0; i < 9; i++) {
      writeFileSync(file, readFileSync(file, "utf8").replace(" og nasjonale helsemyndigheter", `${"klmnopqrst"[i % 10]} og nasjonale helsemyndigheter`));
      started = performance.now();
      await buildDocuments([file], new Reporter(), { formats: ["pdf"], outDir: path.join(dir, "out-yardstick"), today: "2026-11-25" });
      if (i >= 2) typed.push(performance.now() - started);
    }

    const yardstick = [];
    for (let i = 0; i < 7; i++) {
      started = performance.now();
      await buildDocuments([path.join(dir, STATEMENT)], new Reporter(), { formats: ["docx", "pdf"], outDir: path.join(dir, "out-yardstick"), today: "2026-11-25" });
      if (i >= 2) yardstick.push(performance.now() - started);
    }

    const { firstPaint, pagesShown } = await browserTimes(studio.url);

    const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
    const round = (ms) => Math.round(ms * 10) / 10;
    return [
      { name: "studio: open the statement (first build and pages)", value: round(open), unit: "ms", target: "" },
      { name: "studio: keystroke to updated pages (median)", value: round(median(keystrokes)), unit: "ms", target: "≤ 150" },
      { name: "studio: keystroke to updated pages (max)", value: round(Math.max(...keystrokes)), unit: "ms", target: "" },
      { name: "studio: yardstick `opprop build --format pdf` work after the same edit (median)", value: round(median(typed)), unit: "ms", target: "" },
      { name: "studio: keystroke to pages / yardstick", value: Math.round((median(keystrokes) / median(typed)) * 100) / 100, unit: "×", target: "≤ 1" },
      { name: "studio: warm export DOCX + PDF (median)", value: round(median(exports)), unit: "ms", target: "≤ 100" },
      { name: "studio: yardstick buildDocuments DOCX + PDF, warm process (median)", value: round(median(yardstick)), unit: "ms", target: "" },
      { name: "studio: warm export / yardstick", value: Math.round((median(exports) / median(yardstick)) * 100) / 100, unit: "×", target: "≤ 1" },
      { name: "studio: first contentful paint of the start page (median of 5)", value: round(firstPaint), unit: "ms", target: "≤ 1000" },
      { name: "studio: opening the statement to its first page image shown (median of 5)", value: round(pagesShown), unit: "ms", target: "" },
    ];
  } finally {
    await studio.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** In Chromium: the start page's first contentful paint, and from opening the statement to its first page shown. */
async function browserTimes(url) {
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
  try {
    const paints = [];
    const shown = [];
    for (let i = 0; i < 5; i++) {
      const page = await browser.newPage({ locale: "nb-NO" });
      await page.goto(url);
      await page.locator("h1").waitFor();
      paints.push(
        await page.evaluate(
          () =>
            new Promise((resolve) =>
              new PerformanceObserver((list) => {
                const paint = list.getEntries().find((e) => e.name === "first-contentful-paint");
                if (paint) resolve(paint.startTime);
              }).observe({ type: "paint", buffered: true }),
            ),
        ),
      );
      const started = performance.now();
      await page.goto(`${url}#/doc/${encodeURIComponent(STATEMENT)}/text`);
      await page.locator("img.page").first().evaluate((img) => img.decode());
      shown.push(performance.now() - started);
      await page.close();
    }
    const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
    return { firstPaint: median(paints), pagesShown: median(shown) };
  } finally {
    await browser.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.table(await run());
