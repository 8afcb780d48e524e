/**
 * Deterministic signatory lists with the awkward cases real exports have, for tests that
 * compare a merge's output with the output of earlier code (by hash: the files are
 * generated, never committed). Same `rows` and `seed` → the same bytes, on any machine.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import iconv from "iconv-lite";

const FIRST = ["Kari", "Ola", "Åse", "Øystein", "Ærle", "Anne-Lise", "Per", "Liv", "Zara", "Aase", "Émile", "kari", "=Sum", "+Per", "Ola \"Olsen\"", "Ælfrid"];
const LAST = ["Nordmann", "Hansen", "Ødegård", "Aas", "Æsøy", "Berg", "Ås", "O'Neil", "Strøm;Vik", "van Dijk", "Haugen", "ÅSEN"];
const PLACES = ["Oslo", "Bergen", "Tromsø", "Ålesund", "", "Bodø", " Førde ", "Trondheim"];
const ORGNR = ["974760673", "914852536", "974 760 673", "123456789", "98765432"];
const PUBLISH = ["ja", "nei", "", "Ja, navnet mitt kan vises", "kanskje", "yes", "0"];
const SIGNED = ["2026-01-05T10:00:00", "2026-01-06", "05.01.2026 10:15", "2026-02-30", "", "2026-01-04 09:00"];

/** Park–Miller: small, seedable and the same in every Node version. */
function random(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (state * 48271) % 0x7fffffff;
    return state % n;
  };
}

function quoted(cell: string, delimiter: string): string {
  return /["\r\n]/.test(cell) || cell.includes(delimiter) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** One list as text: a header (with unknown columns, and one column shadowing another), then `rows` rows. */
function list(rows: number, next: (n: number) => number, delimiter: string, shadow: boolean): string {
  const header = ["type", "navn", "organisasjon", "rolle", "orgnr", "sted", "e-post", "telefon", "samtykke", "signert", "versjon", "Kommentar", ...(shadow ? ["name"] : [])];
  const lines = [header.join(delimiter)];
  for (let i = 0; i < rows; i++) {
    const organisation = next(12) === 0;
    const name = organisation ? `Forening ${next(rows / 4)}` : `${FIRST[next(FIRST.length)]} ${LAST[next(LAST.length)]}${next(3) ? ` ${next(rows / 3)}` : ""}`;
    const cells = [
      organisation ? "organisasjon" : next(20) === 0 ? "" : "person",
      next(400) === 0 ? "" : name,
      next(3) ? `Foreningen ${next(40)}` : "",
      next(5) ? "" : "medlem",
      organisation && next(2) ? ORGNR[next(ORGNR.length)] : "",
      PLACES[next(PLACES.length)],
      next(4) ? `p${next(rows)}@example.no` : "",
      next(3) ? `+47 9${String(next(1e7)).padStart(7, "0")}` : "",
      PUBLISH[next(PUBLISH.length)],
      SIGNED[next(SIGNED.length)],
      next(10) ? "" : next(2) ? "ABCDEF012345" : "abc",
      next(30) ? "" : next(2) ? "to\nlinjer" : "@kommentar",
      ...(shadow ? [next(50) ? "" : "Skygge"] : []),
    ];
    lines.push(next(200) === 0 ? delimiter.repeat(header.length - 1) : cells.map((c) => quoted(c, delimiter)).join(delimiter));
  }
  return `${lines.join("\r\n")}\r\n`;
}

/** Four files in `dir` (UTF-8 with BOM, Windows-1252 with a sep= line, UTF-16, TSV) sharing many signatories. */
export function writeGeneratedLists(dir: string, rows: number, seed = 1): string[] {
  const next = random(seed);
  const files: Array<[string, Buffer]> = [
    ["skjema.csv", Buffer.from(`\ufeff${list(rows, next, ",", false)}`, "utf8")],
    ["excel.csv", iconv.encode(`sep=;\r\n${list(rows, next, ";", true)}`, "windows-1252")],
    ["unicode.txt", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(list(rows, next, "\t", false), "utf16le")])],
    ["liste.tsv", Buffer.from(list(rows, next, "\t", true), "utf8")],
  ];
  return files.map(([name, bytes]) => {
    const file = path.join(dir, name);
    writeFileSync(file, bytes);
    return file;
  });
}
