/**
 * Sign-on times as form tools and spreadsheets export them, into ISO 8601:
 * Nettskjema and Norwegian Excel `20.11.2026 10:00:00`, Google Forms
 * `2026/11/20 10:00:00 AM GMT+1` or `11/20/2026 10:00:00`, Microsoft Forms
 * `20.11.2026 10:00`, and Excel's serial day numbers (`46346.4166…`) where a
 * sheet lost its date format. Only the unusual forms come here: ISO is read
 * in place by the row schema.
 */

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const pad = (n: number) => String(n).padStart(2, "0");

/** A real calendar day; month and day 1-based. */
function validDay(year: number, month: number, day: number): boolean {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && !leap ? 28 : DAYS_IN_MONTH[month - 1]);
}

// Day part: 2026/11/20, 2026-11-20, 20.11.2026, 20/11/2026, 11/20/2026; then an optional time, AM/PM and zone.
const FORM_TIME =
  /^(?:(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})|(\d{1,2})([./-])(\d{1,2})\5(\d{4}))(?:,?\s+(\d{1,2})[:.](\d{2})(?:[:.](\d{2})(?:[.,]\d+)?)?(?:\s*([AaPp])\.?[Mm]\.?)?(?:\s*(?:(Z|UTC|GMT|CET|CEST)?\s*([+-]\d{1,2})(?::?(\d{2}))?|(Z|UTC|GMT|CET|CEST)))?)?$/;

const ZONES: Record<string, string> = { Z: "Z", UTC: "Z", GMT: "Z", CET: "+01:00", CEST: "+02:00" };

/** Excel counts days from 1899-12-30 (its 1900 leap-year bug included); only plausible sign-on years are read. */
const EXCEL_SERIAL = /^(\d{5})(?:[.,](\d+))?$/;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function excelSerial(value: string): string | undefined {
  const match = EXCEL_SERIAL.exec(value);
  if (!match) return undefined;
  const serial = Number(`${match[1]}.${match[2] ?? "0"}`);
  // 36526 is 2000-01-01, 73051 is 2100-01-01: a five-digit number outside is no date.
  if (serial < 36526 || serial >= 73051) return undefined;
  const date = new Date(EXCEL_EPOCH + Math.round(serial * 86400) * 1000);
  const day = date.toISOString().slice(0, 10);
  return match[2] === undefined ? day : date.toISOString().slice(0, 19);
}

/** The ISO form of a form tool's time, or undefined when it is not one (or the day is ambiguous). */
export function formTime(value: string): string | undefined {
  const serial = excelSerial(value);
  if (serial) return serial;
  const m = FORM_TIME.exec(value.trim());
  if (!m) return undefined;
  let year: number, month: number, day: number;
  const meridiem = m[11]?.toLowerCase();
  if (m[1]) [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else {
    const [first, second] = [Number(m[4]), Number(m[6])];
    year = Number(m[7]);
    if (m[5] === ".") [day, month] = [first, second];
    // Slashes: day first in Europe, month first in the US; AM/PM or a number above 12 decides, nothing else does.
    else if (first > 12) [day, month] = [first, second];
    else if (second > 12 || meridiem) [month, day] = [first, second];
    else if (first === second) [day, month] = [first, second];
    else return undefined;
  }
  if (!validDay(year, month, day)) return undefined;
  const date = `${year}-${pad(month)}-${pad(day)}`;
  if (m[8] === undefined) return date;
  let hour = Number(m[8]);
  const minute = Number(m[9]);
  if (meridiem) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (meridiem === "p" ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || (m[10] !== undefined && Number(m[10]) > 59)) return undefined;
  const time = `${pad(hour)}:${pad(minute)}${m[10] !== undefined ? `:${m[10]}` : ""}`;
  const zoneName = m[12] ?? m[15];
  const offset = m[13] === undefined ? (zoneName ? ZONES[zoneName] : "") : `${m[13][0]}${pad(Number(m[13].slice(1)))}:${m[14] ?? "00"}`;
  return `${date}T${time}${offset}`;
}
