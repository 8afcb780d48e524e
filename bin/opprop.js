#!/usr/bin/env node
// The bundled CLI (scripts/bundle.mjs), one file instead of ~900 compiled ESM files to
// resolve one by one, started with the code V8 compiled for the same command last time
// (src/cli/code-cache.ts); `npm run build` makes both.
import { fileURLToPath } from "node:url";
import { codeCacheFile, requireWithCodeCache } from "../dist/cli/code-cache.js";

const command = process.argv[2];
const cli = requireWithCodeCache(fileURLToPath(new URL("../dist/bundle/main.cjs", import.meta.url)), codeCacheFile(command));
const { main, useBlockCache, useDocxPartCache } = cli.exports;

// Files parsed and DOCX parts compressed once, then taken from the user's cache folder while they stay the same.
useBlockCache();
useDocxPartCache();
process.exitCode = await main(process.argv.slice(2));
// Not after a usage error (exit code 2): a mistyped command would leave a cache of its own.
if (process.exitCode !== 2) cli.save();
