/**
 * A filter on `uln` for ULNs starting with `prefix`, as a range the ULN index serves. A stored ULN is
 * always ten digits, so those starting with a prefix of digits lie between the prefix padded with 0s
 * and padded with 9s (strings of ten digits compare alike under every collation). `startsWith` became
 * `LIKE 'prefix%'`, which the index cannot serve under the database's `C.UTF-8` collation: a search of
 * 100,000 learners' claims by ULN scanned them all (about 200 ms). Anything but one to ten digits
 * matches no ULN, and keeps `startsWith`.
 */
export function ulnStartingWith(prefix: string): { gte: string; lte: string } | { startsWith: string } {
  if (!/^\d{1,10}$/.test(prefix)) return { startsWith: prefix };
  return { gte: prefix.padEnd(10, '0'), lte: prefix.padEnd(10, '9') };
}
