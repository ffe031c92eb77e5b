/**
 * Exponential back-off with full jitter: attempt 1 waits up to `baseMs`, attempt n up to
 * `baseMs · 2^(n-1)`, never more than `maxMs`. Jitter spreads retries from many processes so a mail
 * server or database coming back is not hit by all of them at once.
 */
export function backoffMs(
  attempt: number,
  { baseMs = 2_000, maxMs = 30 * 60_000, random = Math.random } = {},
) {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
