/**
 * Which column means which field. Form tools and spreadsheets name columns in
 * Norwegian or English, with any case, spacing and punctuation, so headers are
 * compared by `columnKey` ("E-postadresse" = "epostadresse", "Org.nr" = "orgnr").
 */
import { t } from "../i18n/catalogue.js";
import { didYouMean } from "../report/index.js";
import { cleanText } from "./normalise.js";

export const SIGNATORY_FIELDS = [
  "type",
  "name",
  "organisation",
  "role",
  "orgnr",
  "place",
  "email",
  "phone",
  "publish",
  "signed_at",
  "version",
] as const;
export type SignatoryField = (typeof SIGNATORY_FIELDS)[number];

/**
 * The alias table (documented in the README). When two columns of one file
 * mean the same field, the one whose alias comes first here wins and the
 * other is kept as an unknown column — so "Fullt navn" beats Microsoft Forms'
 * respondent column "Navn", and "Fullføringstidspunkt" beats "Starttidspunkt".
 * `phone` is kept for contact (in `extra.phone`) and, like `email`, never rendered.
 */
export const COLUMN_ALIASES: Readonly<Record<SignatoryField, readonly string[]>> = {
  type: ["type"],
  name: ["name", "fullt navn", "navn på organisasjon", "organisasjonsnavn", "navn"],
  organisation: ["organisation", "organization", "organisasjon", "virksomhet"],
  role: ["role", "rolle", "tittel", "stilling"],
  orgnr: ["orgnr", "organisasjonsnummer", "org.nr"],
  place: ["place", "sted", "poststed", "by"],
  email: ["email", "e-postadresse", "epost", "e-post"],
  phone: ["phone", "telefon", "mobil"],
  publish: ["publish", "samtykke", "vis_navn", "vis navn", "publiser"],
  signed_at: [
    "signed_at",
    "signert",
    "fullføringstidspunkt",
    "completion time",
    "timestamp",
    "tidsmerke",
    "tidspunkt",
    "starttidspunkt",
  ],
  version: ["version", "versjon"],
};

/** Case, spacing and punctuation do not matter in a header. */
export function columnKey(header: string): string {
  return cleanText(header).toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
}

/** Column key → [field, priority]; a lower priority wins a conflict. */
const ALIAS_INDEX = new Map<string, [SignatoryField, number]>(
  SIGNATORY_FIELDS.flatMap((field) => COLUMN_ALIASES[field].map((alias, i) => [columnKey(alias), [field, i]] as const)),
);

/**
 * The Norwegian word for each field, accepted wherever a field is named
 * (`--map "Kommune=sted"`, a document's `map:`), beside the English name.
 */
export const FIELD_WORDS: Readonly<Record<SignatoryField, readonly string[]>> = {
  type: ["type"],
  name: ["navn"],
  organisation: ["organisasjon"],
  role: ["rolle"],
  orgnr: ["orgnr"],
  place: ["sted"],
  email: ["epost", "e-post"],
  phone: ["telefon"],
  publish: ["samtykke"],
  signed_at: ["signert"],
  version: ["versjon"],
};

const FIELD_BY_WORD = new Map<string, SignatoryField>(
  SIGNATORY_FIELDS.flatMap((field) => [field, ...FIELD_WORDS[field]].map((word) => [word, field] as const)),
);

/** `sted` → place, `place` → place; undefined for a word that names no field. Case does not matter. */
export function fieldFromWord(word: string): SignatoryField | undefined {
  return FIELD_BY_WORD.get(cleanText(word).toLowerCase());
}

/** Every word a field may be named by, for "did you mean" and for messages. */
export const FIELD_NAMES: readonly string[] = [...FIELD_BY_WORD.keys()];

/** Column key → the column as the user wrote it and the field it means. */
export type ColumnMap = ReadonlyMap<string, { column: string; field: SignatoryField }>;

/** A field word that names no field, with the words that do. */
export class UnknownField extends Error {
  constructor(readonly word: string) {
    super(t("signatories.unknownField", { word, hint: didYouMean(word, FIELD_NAMES), fields: SIGNATORY_FIELDS.join(", ") }));
  }
}

/** `{ "Kommune": "sted" }` → the map; throws `UnknownField` on a word that names no field. */
export function columnMapOf(entries: Readonly<Record<string, string>>): ColumnMap {
  const map = new Map<string, { column: string; field: SignatoryField }>();
  for (const [column, word] of Object.entries(entries)) {
    const field = fieldFromWord(word);
    if (!field) throw new UnknownField(word);
    map.set(columnKey(column), { column, field });
  }
  return map;
}

/**
 * Parses `--map "Column=field,Other column=field"` into column key → field.
 * Throws with a user-facing message on a malformed pair or unknown field.
 */
export function parseColumnMap(spec: string): ColumnMap {
  const entries: Record<string, string> = {};
  for (const pair of spec.split(",")) {
    if (!pair.trim()) continue;
    const at = pair.lastIndexOf("=");
    const column = pair.slice(0, at).trim();
    if (at < 0 || !column) throw new Error(t("signatories.mapPair", { pair: pair.trim() }));
    entries[column] = pair.slice(at + 1).trim();
  }
  try {
    return columnMapOf(entries);
  } catch (error) {
    throw new Error(`--map: ${(error as Error).message}`);
  }
}

export interface ColumnMapping {
  /** Column index per field, -1 when no column means it. */
  index: Record<SignatoryField, number>;
  /** Indexes of the columns kept as unknown (`extra`), including ones that lost a conflict. */
  unknown: number[];
  /** Columns that lost to another column meaning the same field. */
  shadowed: { column: string; by: string; field: SignatoryField }[];
}

/** Decides what each header means; a `--map` entry beats every alias. */
export function mapColumns(columns: readonly string[], overrides: ColumnMap = new Map()): ColumnMapping {
  const index = Object.fromEntries(SIGNATORY_FIELDS.map((field) => [field, -1])) as Record<SignatoryField, number>;
  const priority = new Map<SignatoryField, number>();
  const meaning = columns.map((column, i) => {
    const key = columnKey(column);
    const override = overrides.get(key)?.field;
    const hit: [SignatoryField, number] | undefined = override ? [override, -1] : ALIAS_INDEX.get(key);
    if (hit && (index[hit[0]] < 0 || hit[1] < priority.get(hit[0])!)) {
      index[hit[0]] = i;
      priority.set(hit[0], hit[1]);
    }
    return hit?.[0];
  });
  const unknown: number[] = [];
  const shadowed: ColumnMapping["shadowed"] = [];
  meaning.forEach((field, i) => {
    if (field !== undefined && index[field] === i) return;
    unknown.push(i);
    if (field !== undefined) shadowed.push({ column: columns[i], by: columns[index[field]], field });
  });
  return { index, unknown, shadowed };
}
