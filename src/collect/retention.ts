/**
 * Dates of a campaign's life: when the form closes and when the personal data
 * go (`--closes`, `--retain-days`). Days are calendar days in UTC.
 */
const DAY = 86_400_000;

export const addDays = (date: Date, days: number) => new Date(date.getTime() + days * DAY);

/** The form takes sign-ons through the day `closes` (YYYY-MM-DD) and not after. */
export function isClosed(closes: string | undefined, now: Date): boolean {
  return closes !== undefined && now.toISOString().slice(0, 10) > closes;
}

/** The first day personal data must be gone: `retainDays` days after the last day of signing. */
export function purgeDay(closes: string, retainDays: number): string {
  return addDays(new Date(`${closes}T00:00:00Z`), retainDays + 1).toISOString().slice(0, 10);
}

export function isPurgeDue(closes: string | undefined, retainDays: number, now: Date): boolean {
  return closes !== undefined && now.toISOString().slice(0, 10) >= purgeDay(closes, retainDays);
}
