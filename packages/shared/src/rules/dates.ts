/**
 * Date arithmetic on `YYYY-MM-DD` strings. Evaluation dates are calendar days without a time zone,
 * so plain integer arithmetic avoids the off-by-one bugs of `Date` in local time.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(m[1]), month);
}

/**
 * The same day `months` months before `on`, or the last day of that month when the day does not
 * exist there (2026-08-31 minus 6 months is 2026-02-28).
 */
export function monthsBefore(on: string, months: number): string {
  const year = Number(on.slice(0, 4));
  const month = Number(on.slice(5, 7));
  const day = Number(on.slice(8, 10));
  const index = year * 12 + (month - 1) - months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  const d = Math.min(day, daysInMonth(y, m));
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Valid on `on`: achieved on or before it and, with a validity period, on or after its start. */
export function isValidOn(achievedOn: string, on: string, validityMonths?: number): boolean {
  if (achievedOn > on) return false;
  return validityMonths === undefined || achievedOn >= monthsBefore(on, validityMonths);
}

/** Today's date in UTC, the CLI's default evaluation date. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
