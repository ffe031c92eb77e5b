/** A date as `YYYY-MM-DD` in the browser's own calendar (what a date input shows). */
export function isoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export const addDays = (date: Date, days: number) =>
  new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);

export const addYears = (date: Date, years: number) =>
  new Date(date.getFullYear() + years, date.getMonth(), date.getDate());

/** Access lasts 90 days unless the learner chooses otherwise, and at most 2 years. */
export const DEFAULT_DAYS = 90;
export const MAX_YEARS = 2;

export function expiryLimits(today = new Date()) {
  return {
    today: isoDate(today),
    byDefault: isoDate(addDays(today, DEFAULT_DAYS)),
    latest: isoDate(addYears(today, MAX_YEARS)),
  };
}

/** The UK calendar date of a timestamp, as `YYYY-MM-DD`. */
export function londonDate(timestamp: string): string {
  const date = new Date(timestamp);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(date);
}

/** What is wrong with a chosen last day of access, if anything. */
export function checkExpiry(value: string, today = new Date()): string | undefined {
  const { today: first, latest } = expiryLimits(today);
  if (!value) return 'Enter the last day they can see your record';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value)))
    return 'Enter a real date, for example 31 3 2027';
  if (value < first) return 'The last day cannot be in the past';
  if (value > latest) return 'The last day must be no more than 2 years from today';
  return undefined;
}

const longFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** `YYYY-MM-DD` in words: "31 March 2027". */
export function longDate(value: string): string {
  const date = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? value : longFormat.format(date);
}
