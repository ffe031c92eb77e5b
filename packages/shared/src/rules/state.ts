import { copyInt32 } from './fresh';
import type { SearchModel, Slot } from './model';

/**
 * Mutable totals of a partial assignment. The search applies and undoes one (slot, option) at a time,
 * so every check is O(1) instead of recounting the assignment.
 */
export class SearchState {
  readonly groupCredits: Int32Array;
  readonly groupUnits: Int32Array;
  readonly levelCounted: Int32Array;
  readonly barredUsed: Int32Array;
  readonly fillerUsed: Uint8Array;
  /** Option index chosen for each slot, -1 when the slot is left empty (see `choiceOf`). */
  readonly choice: Int32Array;
  total = 0;
  cost = 0;
  count = 0;

  /**
   * Arrays hold at least the model's groups, level rules, barred sets, fillers and slots; a larger
   * `capacity` lets one state serve other models too (see workspace.ts and `retarget`).
   */
  constructor(
    public model: SearchModel,
    capacity: { barred: number; fillers: number; slots: number } = {
      barred: model.barredCount,
      fillers: model.fillers.length,
      slots: model.slots.length,
    },
  ) {
    this.groupCredits = new Int32Array(model.groups.length);
    this.groupUnits = new Int32Array(model.groups.length);
    this.levelCounted = new Int32Array(model.levelRules.length);
    this.barredUsed = new Int32Array(capacity.barred);
    this.fillerUsed = new Uint8Array(capacity.fillers);
    this.choice = new Int32Array(capacity.slots).fill(-1);
  }

  /** The empty assignment of another model with as many groups and level rules (and room for it). */
  retarget(model: SearchModel): void {
    this.model = model;
    this.groupCredits.fill(0);
    this.groupUnits.fill(0);
    this.levelCounted.fill(0);
    this.barredUsed.fill(0);
    this.fillerUsed.fill(0);
    this.choice.fill(-1);
    this.total = 0;
    this.cost = 0;
    this.count = 0;
  }

  /** The chosen option per slot of the model, as a solution keeps it. */
  choiceOf(): Int32Array {
    return copyInt32(this.choice, this.model.slots.length);
  }

  /** Rule 3: another URN of one of this slot's barred sets is already filled. */
  isBarred(slot: number): boolean {
    const barred = (this.model.slots[slot] as Slot).barred;
    for (let i = 0; i < barred.length; i++) if ((this.barredUsed[barred[i] as number] ?? 0) > 0) return true;
    return false;
  }

  /** Rule 4: the unit fits under the group's maxima (credit beyond a maximum does not count). */
  fits(group: number, credits: number): boolean {
    const g = this.model.groups[group];
    if (!g) return false;
    return (
      (this.groupCredits[group] ?? 0) + credits <= g.maxCredits &&
      (this.groupUnits[group] ?? 0) + 1 <= g.maxUnits
    );
  }

  apply(slot: number, optionIndex: number, sign: 1 | -1): void {
    const s = this.model.slots[slot];
    const o = s?.options[optionIndex];
    const f = o && this.model.fillers[o.filler];
    if (!s || !o || !f) return;
    this.groupCredits[o.group] = (this.groupCredits[o.group] ?? 0) + sign * f.credits;
    this.groupUnits[o.group] = (this.groupUnits[o.group] ?? 0) + sign;
    const rules = this.model.levelRules;
    for (let i = 0; i < rules.length; i++) {
      if (f.rank >= (rules[i]?.rank ?? 0))
        this.levelCounted[i] = (this.levelCounted[i] ?? 0) + sign * f.credits;
    }
    const barred = s.barred;
    for (let i = 0; i < barred.length; i++) {
      const b = barred[i] as number;
      this.barredUsed[b] = (this.barredUsed[b] ?? 0) + sign;
    }
    this.fillerUsed[o.filler] = sign === 1 ? 1 : 0;
    this.choice[slot] = sign === 1 ? optionIndex : -1;
    this.total += sign * f.credits;
    if (f.cost > 0) {
      this.cost += sign * f.cost;
      this.count += sign;
    }
  }

  /** Every group, total and level rule met; the contract's definition of "satisfies". */
  satisfies(): boolean {
    const m = this.model;
    for (let g = 0; g < m.groups.length; g++) {
      const group = m.groups[g];
      const credits = this.groupCredits[g] ?? 0;
      const units = this.groupUnits[g] ?? 0;
      if (!group || credits < group.minCredits || units < group.minUnits) return false;
      // Each slot filled in a group is a distinct listed URN of it, so a full count means all filled.
      if (group.all && units < group.size) return false;
    }
    if (this.total < m.minCredits) return false;
    // A loop, not `every` with a closure: this runs at most nodes of every search.
    const rules = m.levelRules;
    for (let i = 0; i < rules.length; i++) {
      if ((this.levelCounted[i] ?? 0) < (rules[i] as { credits: number }).credits) return false;
    }
    return true;
  }
}

/** The option is allowed by the search mask (0 is FORBIDDEN), its filler unused, and it fits the maxima. */
export function canApply(st: SearchState, allowed: Uint8Array, slot: number, i: number): boolean {
  const o = st.model.slots[slot]?.options[i];
  if (!o || allowed[o.filler] === 0 || st.fillerUsed[o.filler] === 1) return false;
  return st.fits(o.group, st.model.fillers[o.filler]?.credits ?? 0);
}
