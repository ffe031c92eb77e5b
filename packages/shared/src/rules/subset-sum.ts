/**
 * Smallest sum of a subset of some credits that reaches a target (Infinity when even all of them
 * fall short). A bitset knapsack: bit s of a row says some subset sums to s. Only sums below
 * target + largest credit matter (a minimal subset reaching the target overshoots by less than one
 * unit), which keeps the scan a few words long for real qualifications.
 *
 * The bounds use it because "need 14 credits" from units of 4 costs 16, and the plain deficit
 * (14) is too weak to cut the many equivalent subsets.
 */

/** The lowest s in [from, end) whose bit is set in the row starting at reach[at], or -1. */
function firstSetBit(reach: Uint32Array, at: number, from: number, end: number): number {
  for (let w = from >>> 5; w * 32 < end; w++) {
    let word = (reach[at + w] ?? 0) | 0;
    if (w === from >>> 5) word &= -1 << (from & 31);
    if (word !== 0) {
      const s = w * 32 + (31 - Math.clz32(word & -word));
      return s < end ? s : -1;
    }
  }
  return -1;
}

/** row |= row << c, for the row of `count` words starting at reach[at]. */
function addItem(reach: Uint32Array, at: number, count: number, c: number): void {
  if (c <= 0) return;
  const q = c >>> 5;
  const r = c & 31;
  for (let w = count - 1; w >= q; w--) {
    const lo = reach[at + w - q] ?? 0;
    const below = w - q - 1 >= 0 ? (reach[at + w - q - 1] ?? 0) : 0;
    const shifted = r === 0 ? lo : ((lo << r) | (below >>> (32 - r))) >>> 0;
    reach[at + w] = ((reach[at + w] ?? 0) | shifted) >>> 0;
  }
}

/**
 * The same question over a fixed list of items of which a prefix is taken, plus a few extra items:
 * the static slots' items at a depth are a prefix of their list (see bound-suffix.ts). Built once
 * per list and search (one bitset per prefix length), so a node's query costs a few words' work
 * instead of a pass over every item.
 */
export class PrefixSubsetSums {
  private rows = new Uint32Array(0);
  private words = 1;
  private sums = new Float64Array(1);
  private most = new Float64Array(1);
  private work = new Uint32Array(8);
  /** False until `build` has run for the current items. */
  ready = false;

  build(items: ArrayLike<number>, n: number): void {
    if (this.sums.length < n + 1) {
      this.sums = new Float64Array(n + 1);
      this.most = new Float64Array(n + 1);
    }
    let total = 0;
    let most = 0;
    this.sums[0] = 0;
    this.most[0] = 0;
    for (let i = 0; i < n; i++) {
      const c = items[i] ?? 0;
      total += c;
      if (c > most) most = c;
      this.sums[i + 1] = total;
      this.most[i + 1] = most;
    }
    const w = (total >>> 5) + 1;
    this.words = w;
    if (this.rows.length < (n + 1) * w) this.rows = new Uint32Array((n + 1) * w * 2);
    const rows = this.rows;
    rows.fill(0, 0, w);
    rows[0] = 1;
    for (let i = 0; i < n; i++) {
      // A loop, not copyWithin: rows are a few words, and the builtin's call costs more than that.
      const from = i * w;
      for (let k = 0; k < w; k++) rows[from + w + k] = rows[from + k] ?? 0;
      addItem(rows, (i + 1) * w, w, items[i] ?? 0);
    }
    this.ready = true;
  }

  /** minSubsetSumAtLeast over the first `count` items and `extra[0..nExtra)`. */
  minAtLeast(count: number, extra: ArrayLike<number>, nExtra: number, target: number): number {
    if (target <= 0) return 0;
    let total = this.sums[count] ?? 0;
    let most = this.most[count] ?? 0;
    for (let i = 0; i < nExtra; i++) {
      const c = extra[i] ?? 0;
      total += c;
      if (c > most) most = c;
    }
    if (total < target) return Number.POSITIVE_INFINITY;
    if (total === target) return total;
    const limit = target + most;
    const w = this.words;
    let reach: Uint32Array = this.rows;
    let at = count * w;
    if (nExtra > 0) {
      const needed = (limit >>> 5) + 1;
      if (this.work.length < needed) this.work = new Uint32Array(needed * 2);
      reach = this.work;
      const copied = Math.min(w, needed);
      for (let i = 0; i < copied; i++) reach[i] = this.rows[at + i] ?? 0;
      for (let i = copied; i < needed; i++) reach[i] = 0;
      for (let i = 0; i < nExtra; i++) addItem(reach, 0, needed, extra[i] ?? 0);
      at = 0;
    }
    // Without extra items, bits past the row (sums above the prefix's total) are all clear.
    const found = firstSetBit(reach, at, target, nExtra > 0 ? limit : Math.min(limit, w * 32));
    return found >= 0 ? found : total;
  }
}
