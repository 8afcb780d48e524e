import { t } from "../i18n/catalogue.js";
import type { Position, Reporter } from "../report/index.js";

/** A deadline this close (in days) is worth a warning on every check. */
export const DEADLINE_WARNING_DAYS = 7;

/** Whole days from one ISO day to another; ISO days are read as UTC so no time zone shifts them. */
export function daysBetween(fromIsoDay: string, toIsoDay: string): number {
  return Math.round((Date.parse(`${toIsoDay}T00:00:00Z`) - Date.parse(`${fromIsoDay}T00:00:00Z`)) / 86_400_000);
}

/** Warns when the consultation deadline is past or at most a week away, counted from `today`. */
export function reportDeadline(deadline: string, today: string, file: string, position: Position | undefined, reporter: Reporter): void {
  const days = daysBetween(today, deadline);
  if (days < 0) {
    reporter.warn(file, position, t("consultation.deadlinePassed", { deadline, days: -days }), "deadline");
  } else if (days <= DEADLINE_WARNING_DAYS) {
    reporter.warn(file, position, days === 0 ? t("consultation.deadlineToday", { deadline }) : t("consultation.deadlineSoon", { deadline, days }), "deadline");
  }
}
