/**
 * Smallest sum of a subset of `credits[0..n)` that reaches `target`, or Infinity when even all of
 * them fall short. A bitset knapsack: bit s of `reach` says some subset sums to s. Only sums below
 * target + largest credit matter (a minimal subset reaching the target overshoots by less than one
 * unit), which keeps the bitset a few words long for real qualifications.
 *
 * The bounds use it because "need 14 credits" from units of 4 costs 16, and the plain deficit
 * (14) is too weak to cut the many equivalent subsets.
 */
let words = new Uint32Array(64);

export function minSubsetSumAtLeast(credits: ArrayLike<number>, n: number, target: number): number {
  if (target <= 0) return 0;
  let most = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const c = credits[i] ?? 0;
    total += c;
    if (c > most) most = c;
  }
  if (total < target) return Number.POSITIVE_INFINITY;
  if (total === target) return total;
  const limit = target + most;
  const count = (limit >>> 5) + 1;
  if (words.length < count) words = new Uint32Array(count * 2);
  const reach = words;
  reach.fill(0, 0, count);
  reach[0] = 1;
  for (let i = 0; i < n; i++) {
    const c = credits[i] ?? 0;
    if (c <= 0) continue;
    const q = c >>> 5;
    const r = c & 31;
    for (let w = count - 1; w >= q; w--) {
      const lo = reach[w - q] ?? 0;
      const below = w - q - 1 >= 0 ? (reach[w - q - 1] ?? 0) : 0;
      const shifted = r === 0 ? lo : ((lo << r) | (below >>> (32 - r))) >>> 0;
      reach[w] = ((reach[w] ?? 0) | shifted) >>> 0;
    }
  }
  for (let s = target; s < limit; s++) {
    if (((reach[s >>> 5] ?? 0) >>> (s & 31)) & 1) return s;
  }
  return total;
}
