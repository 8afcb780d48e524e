// Bundles the compiled CLI (dist/cli/main.js, from `tsc`) into one CommonJS file,
// dist/bundle/main.cjs: a cold `opprop` start otherwise spends most of its time resolving,
// reading and compiling ~900 small ESM files (micromark alone is hundreds). CommonJS,
// because Node 20 can keep compiled code between runs only for a script it compiles
// itself (vm.Script with V8's code cache, src/cli/code-cache.ts), not for ESM. Commands
// stay lazily run: esbuild turns each `import()` into a module initialised on first use.
//
//   npm run build && node scripts/bundle.mjs
//
// dist/bundle/ sits two folders below the package root, like dist/workspace/, so
// PACKAGE_ROOT (import.meta.url + "../../..") still finds the shipped templates.
import { build } from "esbuild";
import { readFileSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(fileURLToPath(import.meta.url), "../..");
// `node scripts/bundle.mjs studio` rebuilds only the studio's browser bundle (no tsc needed).
const studioOnly = process.argv[2] === "studio";

if (!studioOnly) await bundleCli();
await bundleStudioClient();

async function bundleCli() {
  const outdir = path.join(root, "dist/bundle");
  rmSync(outdir, { recursive: true, force: true });

  // One CommonJS file each, for Node 20 (bin/opprop.js is CommonJS too).
  const commonJs = { bundle: true, format: "cjs", platform: "node", target: "node20", logLevel: "warning", legalComments: "none" };
  const cli = {
    ...commonJs,
    // Less to read and to hash at each start; names stay, so stack traces still say where.
    minifyWhitespace: true,
    minifySyntax: true,
    // Native addons load a .node binary next to their own files; they stay in node_modules.
    external: ["@myriaddreamin/typst-ts-node-compiler", "better-sqlite3", "pg-native"],
    // Our modules find the package's files from import.meta.url, which CommonJS lacks.
    define: { "import.meta.url": "__opprop_bundle_url" },
    banner: { js: 'const __opprop_bundle_url = require("node:url").pathToFileURL(__filename).href;' },
    plugins: [zodLocalesWeUse()],
  };
  await build({ ...cli, entryPoints: [path.join(root, "dist/cli/main.js")], outfile: path.join(outdir, "main.cjs") });
  reportNonAscii(path.join(outdir, "main.cjs"));
  // The worker that makes a build's PDF while the DOCX is made (src/render/pdf/thread.ts).
  await build({ ...cli, entryPoints: [path.join(root, "dist/render/pdf/thread-entry.js")], outfile: path.join(outdir, "pdf-thread.cjs") });
  // The columnar merge's worker thread (src/signatories/columnar/worker.ts), which the bundle
  // starts from beside itself: small, since a thread compiles what it loads afresh. ESM (the
  // package's type), so the bundle's `new URL("./worker.js", import.meta.url)` names it as tsc's build does.
  await build({
    ...commonJs,
    format: "esm",
    entryPoints: [path.join(root, "dist/signatories/columnar/worker.js")],
    outfile: path.join(outdir, "worker.js"),
    minifyWhitespace: true,
    minifySyntax: true,
    plugins: [zodLocalesWeUse()],
  });
  // What bin/opprop.js needs before the bundle (src/cli/start.ts).
  await build({ ...commonJs, entryPoints: [path.join(root, "dist/cli/start.js")], outfile: path.join(outdir, "start.cjs") });
}

/**
 * esbuild escapes non-ASCII characters in strings, not in regex literals or raw template
 * strings. An ASCII bundle is read into a string three times faster at every start
 * (src/cli/code-cache.ts); anything else still works, so this only says where to look.
 */
function reportNonAscii(file) {
  const text = readFileSync(file, "utf8");
  const found = [...text.matchAll(/.{0,40}[^\x00-\x7f].{0,20}/g)].map((m) => m[0]);
  if (found.length) console.warn(`bundle: not ASCII (slower start); write these characters in strings or as \\u escapes:\n  ${found.join("\n  ")}`);
}

/**
 * zod's namespace object (`z`) carries `z.locales`, every language zod has: 360 kB that
 * each command compiled at start (~10 ms). The CLI uses English and Norwegian only
 * (src/parse/frontmatter.ts imports those two itself), so in the bundle zod's locale
 * index is those two; the library (dist/ from tsc) keeps zod as it is.
 */
function zodLocalesWeUse() {
  return {
    name: "zod-locales-we-use",
    setup(b) {
      b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) => (/[\\/]node_modules[\\/]zod[\\/]/.test(args.importer) ? { path: "zod-locales", namespace: "zod-locales" } : undefined));
      b.onLoad({ filter: /.*/, namespace: "zod-locales" }, () => ({
        contents: 'export { default as en } from "zod/v4/locales/en.js";\nexport { default as no } from "zod/v4/locales/no.js";\n',
        resolveDir: root,
      }));
    },
  };
}

// The studio's browser app, from its TypeScript source: CodeMirror and the app in one
// minified file beside its stylesheet, served by the studio itself (nothing from a CDN).
async function bundleStudioClient() {
  const outdir = path.join(root, "dist/studio-client");
  rmSync(outdir, { recursive: true, force: true });
  await build({
    entryPoints: { studio: path.join(root, "src/studio/client/main.ts"), "studio-css": path.join(root, "src/studio/client/studio.css") },
    entryNames: "[name]",
    outdir,
    bundle: true,
    format: "esm",
    platform: "browser",
    target: ["chrome111", "firefox115", "safari16"],
    minify: true,
    logLevel: "warning",
    legalComments: "none",
  });
  // esbuild names the stylesheet after its entry; the page asks for studio.css.
  renameSync(path.join(outdir, "studio-css.css"), path.join(outdir, "studio.css"));
}
