// The DOCX zip writer (src/render/docx/zip.ts) and the CLI's cache of compressed parts
// (part-cache.ts): the package must be byte for byte what fflate's zipSync made before,
// cached or not, and a damaged cache must never reach the file.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { deserialize, serialize } from "node:v8";
import { deflateSync, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import { afterEach, describe, expect, it } from "vitest";
import { render } from "../../../src/render/docx/index.js";
import { saveDocxPartCache, useDocxPartCache } from "../../../src/render/docx/part-cache.js";
import { zipParts } from "../../../src/render/docx/zip.js";
import { assembleOne, FIXTURE, REPO } from "./helpers.js";

const LETTER = path.join(FIXTURE, "documents/letter.md");
const STATEMENT = path.join(REPO, "documents/stotteerklaering-smertebehandling.md");

function withZipSync(files: [string, Uint8Array][], mtime: Date): Uint8Array {
  const zippable: Zippable = {};
  for (const [name, data] of files) zippable[name] = [data, { mtime }];
  return zipSync(zippable);
}

afterEach(() => {
  process.removeAllListeners("exit");
  useDocxPartCache(null);
});

describe("zipParts", () => {
  it("writes what zipSync writes, for real DOCX parts and for odd ones", async () => {
    for (const file of [LETTER, STATEMENT]) {
      const parts = Object.entries(unzipSync(await render(await assembleOne(file), {}))) as [string, Uint8Array][];
      const mtime = new Date(2026, 10, 22, 12, 0, 0);
      expect(Buffer.from(zipParts(parts.map(([name, data]) => ({ name, data, deflated: deflateSync(data) })), mtime))).toEqual(Buffer.from(withZipSync(parts, mtime)));
    }
    // A non-ASCII name (UTF-8 flag), an empty part, odd seconds, more than 255 entries.
    const odd: [string, Uint8Array][] = [["word/media/bilde-æøå.xml", strToU8("<a>Sámi: Čáhppes</a>".repeat(40))], ["empty.xml", new Uint8Array(0)]];
    for (let i = 0; i < 300; i++) odd.push([`part${i}.xml`, strToU8(`<p n="${i}">${"x".repeat(i)}</p>`)]);
    const mtime = new Date(1999, 0, 31, 23, 59, 59);
    const given = odd.map(([name, data]) => ({ name, data, deflated: deflateSync(data) }));
    expect(Buffer.from(zipParts(given, mtime))).toEqual(Buffer.from(withZipSync(odd, mtime)));
  });
});

describe("the cache of compressed DOCX parts", () => {
  it("gives the same DOCX as no cache, first and from the cache, and survives damage", async () => {
    const doc = await assembleOne(STATEMENT);
    const reference = Buffer.from(await render(doc, {}));
    const dir = mkdtempSync(path.join(tmpdir(), "opprop-docx-parts-"));
    const file = path.join(dir, "docx-parts.bin");

    useDocxPartCache(dir);
    expect(Buffer.from(await render(doc, {}))).toEqual(reference);
    saveDocxPartCache();
    const stored = deserialize(readFileSync(file)) as Map<string, { deflated: Uint8Array; digest: string }>;
    // One entry per distinct part (the empty relationship parts are alike).
    expect(stored.size).toBe(new Set(Object.values(unzipSync(reference)).map((data) => Buffer.from(data).toString("base64"))).size);

    useDocxPartCache(dir);
    expect(Buffer.from(await render(doc, {}))).toEqual(reference);

    // Every entry's bytes replaced by the compressed bytes of something else, or one bit
    // of them flipped, or entries of the earlier shape (the bytes alone): each one is caught.
    const other = deflateSync(strToU8("<w:document>not this part</w:document>"));
    const flipped = (bytes: Uint8Array) => Uint8Array.from(bytes, (byte, i) => (i === bytes.length >> 1 ? byte ^ 4 : byte));
    const damages = [
      new Map([...stored].map(([key, entry]) => [key, { ...entry, deflated: other }])),
      new Map([...stored].map(([key, entry]) => [key, { ...entry, deflated: flipped(entry.deflated) }])),
      new Map([...stored].map(([key]) => [key, other])),
    ];
    for (const damaged of damages) {
      writeFileSync(file, serialize(damaged));
      useDocxPartCache(dir);
      expect(Buffer.from(await render(doc, {}))).toEqual(reference);
      saveDocxPartCache();
      useDocxPartCache(dir);
      expect(Buffer.from(await render(doc, {}))).toEqual(reference);
    }

    writeFileSync(file, "not a cache");
    useDocxPartCache(dir);
    expect(Buffer.from(await render(doc, {}))).toEqual(reference);
  });
});
