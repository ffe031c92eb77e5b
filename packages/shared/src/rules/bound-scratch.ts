/**
 * Optimistic estimates for what the undecided slots can still contribute. Each slot is credited
 * with its best remaining option in every group that lists it, ignoring that it can fill only one
 * place; this over-estimates what is possible, so a node whose estimate already fails a rule (or
 * cannot beat the best answer so far) can be cut without losing an exact answer.
 *
 * "Free" fillers are those that cost nothing: every allowed filler when maximising counted credit,
 * only the learner's achievements when minimising credit still to achieve ("costed").
 */
export class BoundScratch {
  readonly freeC: Float64Array;
  readonly potC: Float64Array;
  readonly freeU: Float64Array;
  readonly potU: Float64Array;
  readonly fillable: Float64Array;
  readonly forced: Float64Array;
  readonly potMin: Float64Array;
  readonly tmpFree: Float64Array;
  readonly tmpPot: Float64Array;
  readonly tmpPotMin: Float64Array;
  readonly lvFree: Float64Array;
  readonly lvPot: Float64Array;
  readonly lvTmpFree: Float64Array;
  readonly lvTmpPot: Float64Array;
  feasible = true;
  /** Lower bound on credit still to be added (costed searches). */
  lb = 0;
  /** Upper bound on credit the undecided slots can add to the count. */
  ub = 0;
  /** Credit each undecided slot could add as a unit, for the knapsack bound on the total. */
  readonly pots: Float64Array;
  potCount = 0;
  /** Credit the groups' maxima still admit from free options (capFree) or from all options (capAll). */
  capFree = 0;
  capAll = 0;
  /**
   * Some rule is not met by the free options under the plain sums: exactly "lb > 0" of the bound
   * before its 2026-11 refinements. The search's option order depends on it, so it must not follow
   * the refined lb, which only cuts (and so cannot change the first solution found).
   */
  missing = false;
  /** Best free / costed credit summed over the undecided slots. */
  freeTotal = 0;
  potTotal = 0;
  /** scanSlot's answer for one slot: its best free and best costed credit (no tuple per call). */
  slotBest = 0;
  slotPot = 0;
  /** A slot offers units of different credit: the knapsack refinement would not be a bound. */
  mixed = false;
  /**
   * Depth of the node being bounded. The knapsack lists below hold only the dynamic slots' items;
   * the static slots' are the suffix's lists, up to its counts at this depth.
   */
  depth = 0;

  /** Zeroes every sum, as for a node with no undecided slot. */
  resetSums(): void {
    this.row.fill(0);
    this.potMin.fill(Number.POSITIVE_INFINITY);
    this.sharedFree = 0;
    this.freeTotal = 0;
    this.potTotal = 0;
    this.potCount = 0;
    this.mixed = false;
    this.groupPotCount.fill(0);
    this.levelPotCount.fill(0);
  }

  /**
   * The summed fields (freeC … potMin, exclC, lvFree, lvPot, hiPot) are views into this one row, so
   * a node copies its depth's static sums in one loop and the suffix snapshots a depth in one call.
   */
  readonly row: Float64Array;

  /** For models with `groups` groups, `levels` level rules and at most `slots` slots. */
  constructor(g: number, r: number, slots: number) {
    this.row = new Float64Array(rowWidth(g, r));
    let at = 0;
    const view = (length: number) => {
      const v = this.row.subarray(at, at + length);
      at += length;
      return v;
    };
    this.freeC = view(g);
    this.potC = view(g);
    this.freeU = view(g);
    this.potU = view(g);
    this.fillable = view(g);
    this.forced = view(g);
    this.potMin = view(g);
    this.exclC = view(g);
    this.lvFree = view(r);
    this.lvPot = view(r);
    this.hiPot = view(g * r);
    this.tmpFree = new Float64Array(g);
    this.tmpPot = new Float64Array(g);
    this.tmpPotMin = new Float64Array(g);
    this.lvTmpFree = new Float64Array(r);
    this.lvTmpPot = new Float64Array(r);
    this.pots = new Float64Array(slots);
    this.levelPots = Array.from({ length: r }, () => new Float64Array(slots));
    this.levelPotCount = new Int32Array(r);
    this.groupPots = Array.from({ length: g }, () => new Float64Array(slots));
    this.groupPotCount = new Int32Array(g);
    this.groupNeed = new Float64Array(g);
    this.tmpHi = new Float64Array(g * r);
    this.lvFreeExcess = new Float64Array(r);
  }

  /**
   * Starts a node's exclusive classes (see bounds.ts, `freeExcess`) for a model with `classes`
   * possible classes and `rules` level rules: a new stamp, nothing touched (arrays grown as needed).
   */
  startClasses(classes: number, rules: number): void {
    if (this.classStamp.length < classes) {
      this.classStamp = new Int32Array(2 * classes);
      this.classSum = new Float64Array(2 * classes * (1 + rules));
      this.classMax = new Float64Array(2 * classes * (1 + rules));
      this.touched = new Int32Array(2 * classes);
      this.stamp = 0;
    }
    this.stamp++;
    this.touchedCount = 0;
  }

  /** Per level rule, the credit each undecided slot could add as a unit at or above the level. */
  readonly levelPots: Float64Array[];
  readonly levelPotCount: Int32Array;

  /** Per group, the credit each undecided slot could add there as a unit. */
  readonly groupPots: Float64Array[];
  readonly groupPotCount: Int32Array;

  /** Per group, the least credit its added units must bring (its share of the lower bound). */
  readonly groupNeed: Float64Array;

  /** Per group, free credit from slots that can count only there; sharedFree: the other slots' best. */
  readonly exclC: Float64Array;
  sharedFree = 0;

  /**
   * Exclusive classes of undecided slots (see bounds.ts, `freeExcess`): per class c, at
   * [c·(1 + rules)] the sum and the largest of its slots' best free credit, then the same per level
   * rule (free credit at or above the level); valid for this node when classStamp[c] is `stamp`.
   */
  classStamp = new Int32Array(0);
  classSum = new Float64Array(0);
  classMax = new Float64Array(0);
  stamp = 0;
  /** The classes this node touched, touchedCount of them. */
  touched = new Int32Array(0);
  touchedCount = 0;
  /** freeWithin's (bound-finish.ts) reachable sums, grown as needed. */
  sums = new Uint8Array(0);
  /** scanSlot's answer: the one filler of all the slot's free options, -1 if none, -2 if several. */
  slotFreeFiller = -1;
  /** Free credit the plain sums count beyond what the classes allow: total, and per level rule. */
  freeExcess = 0;
  readonly lvFreeExcess: Float64Array;

  /** Per group × level rule (index g·rules + r): credit undecided units could add at or above the level. */
  readonly hiPot: Float64Array;
  readonly tmpHi: Float64Array;
}

/** Numbers in BoundScratch.row: eight per group, two per level rule, one per group × level rule. */
export function rowWidth(g: number, r: number): number {
  return 8 * g + 2 * r + g * r;
}
