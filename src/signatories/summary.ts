/** The per-file summary line of `signatories check` and `check`, in the user's language. */
import { t } from "../i18n/catalogue.js";

/** What one file gave, row by row, before merging: the per-file summary of `signatories check`. */
export interface FileSummary {
  file: string;
  rows: number;
  organisations: number;
  /** Persons with consent to be named. */
  named: number;
  /** Persons counted without their name. */
  counted: number;
  /** Rows left out for errors; each row counts once, under its first problem's field. */
  rejected: Partial<Record<string, number>>;
}

const REASONS = {
  name: "signatories.reasonName",
  type: "signatories.reasonType",
  orgnr: "signatories.reasonOrgnr",
  publish: "signatories.reasonPublish",
  signed_at: "signatories.reasonSignedAt",
} as const;

/** "skjema.csv: 12 rows — 3 organisations and 5 persons named, 2 counted without name (no consent), 2 rejected (1 no name, 1 bad orgnr)". */
export function describeFileSummary(summary: FileSummary): string {
  const reasons = Object.entries(summary.rejected).map(([field, n]) => `${n} ${t(REASONS[field as keyof typeof REASONS] ?? "signatories.reasonName")}`);
  const rejected = Object.values(summary.rejected).reduce((a, b) => a! + b!, 0)!;
  return t("signatories.fileSummary", { ...summary, rejected, reasons: reasons.join(", ") });
}
