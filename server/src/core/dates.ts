/**
 * Calendar dates, once for the whole code base: stratdoc's dates are ISO calendar days
 * (`YYYY-MM-DD`, docs/format.md "Dates") without time or zone, computed in UTC so that no
 * local clock shifts a day. The readers, the rules, the CLI's `--today` and the preview
 * all check and count dates here.
 */

const DAY_MS = 86_400_000;

/** The shape of an ISO calendar day, `2027-03-01` (not whether the day exists: isIsoDate). */
export const ISO_DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * `YYYY-MM-DD` for year, month (1–12) and day, or undefined when that day does not exist
 * (31 April). Years before 100 are no dates here (they are typos in a plan).
 */
export function isoFromParts(y: number, m: number, d: number): string | undefined {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d) || y > 9999) return undefined;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Is `s` an ISO calendar day that exists (`2027-02-29` is not)? */
export function isIsoDate(s: string | undefined): s is string {
  if (!s || !ISO_DATE_RE.test(s)) return false;
  return isoFromParts(Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10))) === s;
}

/** Midnight UTC of an ISO day, in milliseconds. */
export function utcDay(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
}

/** The ISO day of a UTC time in milliseconds. */
export function isoOfUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The ISO day `days` after `iso` (before, when negative). */
export function addDays(iso: string, days: number): string {
  return isoOfUtc(utcDay(iso) + days * DAY_MS);
}

/** Days from `a` to `b` (ISO days); positive when b is later. */
export function daysBetween(a: string, b: string): number {
  return daysFrom(utcDay(a), utcDay(b));
}

/** daysBetween for days already made numbers (utcDay). */
export function daysFrom(a: number, b: number): number {
  return Math.round((b - a) / DAY_MS);
}

/** The last day of a month: `2027-02` → `2027-02-28`. */
export function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(d).padStart(2, '0')}`;
}

/** Month index (years × 12 + month − 1) of a `YYYY-MM…` string. */
export function monthIndex(iso: string): number {
  return Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
}

/** The `YYYY-MM` of a month index (monthIndex's inverse). */
export function monthKey(index: number): string {
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
}

/** Today in the local time zone as an ISO day: the day the user sees on their calendar. */
export function todayIso(d = new Date()): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
