import type { SearchModel } from './model';

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
  /** A slot offers units of different credit: the knapsack refinement would not be a bound. */
  mixed = false;

  constructor(model: SearchModel) {
    const g = model.groups.length;
    const r = model.levelRules.length;
    this.freeC = new Float64Array(g);
    this.potC = new Float64Array(g);
    this.freeU = new Float64Array(g);
    this.potU = new Float64Array(g);
    this.fillable = new Float64Array(g);
    this.forced = new Float64Array(g);
    this.potMin = new Float64Array(g);
    this.tmpFree = new Float64Array(g);
    this.tmpPot = new Float64Array(g);
    this.tmpPotMin = new Float64Array(g);
    this.lvFree = new Float64Array(r);
    this.lvPot = new Float64Array(r);
    this.lvTmpFree = new Float64Array(r);
    this.lvTmpPot = new Float64Array(r);
    this.pots = new Float64Array(model.slots.length);
    this.levelPots = model.levelRules.map(() => new Float64Array(model.slots.length));
    this.levelPotCount = new Int32Array(r);
    this.groupPots = model.groups.map(() => new Float64Array(model.slots.length));
    this.groupPotCount = new Int32Array(g);
  }

  /** Per level rule, the credit each undecided slot could add as a unit at or above the level. */
  readonly levelPots: Float64Array[];
  readonly levelPotCount: Int32Array;

  /** Per group, the credit each undecided slot could add there as a unit. */
  readonly groupPots: Float64Array[];
  readonly groupPotCount: Int32Array;
}
