import { rowWidth } from './bound-scratch';
import { PrefixSubsetSums } from './subset-sum';

/**
 * The static part of the bound for one search (see bound-suffix.ts). One per workspace, refilled
 * by each search's plan: a search uses it only while it runs, and searches run one at a time.
 */
export class BoundSuffix {
  /** Active slots of the current plan: rows 0…n are in use (row n: nothing left). */
  n = 0;
  /** BoundScratch rows per depth, `width` numbers each. */
  readonly rows: Float64Array;
  readonly width: number;
  readonly freeTotal: Float64Array;
  readonly potTotal: Float64Array;
  readonly sharedFree: Float64Array;
  readonly mixed: Uint8Array;
  /** Knapsack items of the static slots, last depth first: depth d's are a prefix of each list. */
  pots: Float64Array = new Float64Array(0);
  readonly potCount: Int32Array;
  groupPots: Float64Array[] = [];
  /** Row per depth of `groups` counts. */
  readonly groupPotCount: Int32Array;
  levelPots: Float64Array[] = [];
  readonly levelPotCount: Int32Array;
  /**
   * Row per depth of `groups`: the largest credit a static slot at that depth or later offers in a
   * group with a maximum (-1 when none is left). While the group's room covers it, rule 4 cannot
   * refuse those slots anything, so their static sums hold; otherwise the node scans them itself.
   */
  readonly capMost: Float64Array;
  /** The running `capMost` row while the suffix is summed (scratch for the plan). */
  readonly capMostNow: Float64Array;
  /**
   * Depths of the dynamic slots, ascending (`dynamicCount` of them); `dynamicFrom[d]` indexes the
   * first at depth ≥ d.
   */
  readonly dynamic: Int32Array;
  dynamicCount = 0;
  readonly dynamicFrom: Int32Array;
  /** Subset sums of the static items' prefixes: the total's list, each group's, each level's. */
  readonly sums: PrefixSubsetSums[];
  /** Per depth, 1 when the slot there is static (scratch for the plan). */
  readonly isStatic: Uint8Array;
  /** Per filler, how many active slots offer it (scratch for the plan). */
  readonly offered: Int32Array;

  /** For models with `g` groups, `r` level rules, at most `slots` slots and `fillers` fillers. */
  constructor(g: number, r: number, slots: number, fillers: number) {
    const rows = slots + 1;
    this.width = rowWidth(g, r);
    this.rows = new Float64Array(rows * this.width);
    this.freeTotal = new Float64Array(rows);
    this.potTotal = new Float64Array(rows);
    this.sharedFree = new Float64Array(rows);
    this.mixed = new Uint8Array(rows);
    this.potCount = new Int32Array(rows);
    this.groupPotCount = new Int32Array(rows * g);
    this.levelPotCount = new Int32Array(rows * r);
    this.capMost = new Float64Array(rows * g);
    this.capMostNow = new Float64Array(g);
    this.dynamic = new Int32Array(rows);
    this.dynamicFrom = new Int32Array(rows);
    this.offered = new Int32Array(fillers);
    this.isStatic = new Uint8Array(rows);
    this.sums = Array.from({ length: 1 + g + r }, () => new PrefixSubsetSums());
  }

  /** The knapsack over list k (0: total, 1 + g: group g, 1 + groups + r: level rule r), built on first use. */
  knapsack(k: number): PrefixSubsetSums {
    const sums = this.sums[k] as PrefixSubsetSums;
    if (!sums.ready) {
      const g = this.groupPots.length;
      if (k === 0) sums.build(this.pots, this.potCount[0] ?? 0);
      else if (k <= g) sums.build(this.groupPots[k - 1] ?? EMPTY, this.groupPotCount[k - 1] ?? 0);
      else sums.build(this.levelPots[k - 1 - g] ?? EMPTY, this.levelPotCount[k - 1 - g] ?? 0);
    }
    return sums;
  }
}

const EMPTY = new Float64Array(0);
