/** Learners are registered from age 3 (early years) to 120; outside that a date is a typo. */
export const MIN_AGE = 3;
export const MAX_AGE = 120;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const UK = /^(\d{2})\/(\d{2})\/(\d{4})$/;

export type DateCheck = { ok: true; value: string } | { ok: false; message: string };

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const iso = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;

/**
 * Checks a date of birth written `YYYY-MM-DD` or `DD/MM/YYYY` (the UK order, never US `MM/DD`) against
 * `today` (its UTC calendar date), and returns it as `YYYY-MM-DD`.
 */
export function checkDateOfBirth(text: string, today: Date): DateCheck {
  const isoMatch = ISO.exec(text);
  const ukMatch = isoMatch ? null : UK.exec(text);
  if (!isoMatch && !ukMatch) {
    return { ok: false, message: `DateOfBirth must be YYYY-MM-DD or DD/MM/YYYY, got ${quote(text)}` };
  }
  const [y, m, d] = isoMatch
    ? [Number(isoMatch[1]), Number(isoMatch[2]), Number(isoMatch[3])]
    : [Number(ukMatch?.[3]), Number(ukMatch?.[2]), Number(ukMatch?.[1])];
  // Date.UTC rolls 31/02 over into March; a real date survives the round trip unchanged.
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return { ok: false, message: `DateOfBirth ${quote(text)} is not a real date` };
  }
  const value = iso(y, m, d);
  const [ty, tm, td] = [today.getUTCFullYear(), today.getUTCMonth() + 1, today.getUTCDate()];
  const todayIso = iso(ty, tm, td);
  if (value > todayIso) return { ok: false, message: `DateOfBirth ${value} is in the future` };
  const age = ty - y - (tm < m || (tm === m && td < d) ? 1 : 0);
  if (age < MIN_AGE || age > MAX_AGE) {
    return {
      ok: false,
      message: `DateOfBirth ${value} makes the learner ${age} on ${todayIso}; age must be ${MIN_AGE} to ${MAX_AGE}`,
    };
  }
  return { ok: true, value };
}

/** Shows a value in a message, cut short so a pasted paragraph does not flood the report. */
export function quote(text: string): string {
  const chars = [...text];
  return JSON.stringify(chars.length > 40 ? `${chars.slice(0, 40).join('')}…` : text);
}
