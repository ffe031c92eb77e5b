/**
 * The bound behind every cut of the search: what the undecided slots could still add at best, and
 * from that whether the rules can still be met and how much credit must still be added.
 */
import type { BoundScratch } from './bound-scratch';
import type { SearchState } from './state';
import { minSubsetSumAtLeast } from './subset-sum';

export { BoundScratch } from './bound-scratch';

export interface BoundContext {
  state: SearchState;
  allowed: Uint8Array;
  costed: boolean;
  satisfy: boolean;
  requiredCost: number;
  sc: BoundScratch;
  /** Slots with at least one allowed option, in search order; the rest stay empty. */
  active: number[];
}

/** Fills sc.feasible, sc.lb and sc.ub for the active slots from `depth` on. */
export function computeBound(ctx: BoundContext, depth: number): void {
  const { state: st, sc } = ctx;
  sc.freeC.fill(0);
  sc.potC.fill(0);
  sc.freeU.fill(0);
  sc.potU.fill(0);
  sc.fillable.fill(0);
  sc.forced.fill(0);
  sc.potMin.fill(Number.POSITIVE_INFINITY);
  sc.lvFree.fill(0);
  sc.lvPot.fill(0);
  let freeTotal = 0;
  let potTotal = 0;
  sc.potCount = 0;
  sc.mixed = false;
  sc.groupPotCount.fill(0);
  sc.levelPotCount.fill(0);
  const active = ctx.active;
  for (let d = depth; d < active.length; d++) {
    const s = active[d] ?? 0;
    if (st.isBarred(s)) continue;
    const [best, pot] = scanSlot(ctx, s);
    freeTotal += best;
    potTotal += pot;
    if (pot > 0) sc.pots[sc.potCount++] = pot;
  }
  sc.ub = freeTotal;
  finishBound(ctx, freeTotal, potTotal);
}

/** Adds one slot's best options to the per-group sums; returns [best free, best costed] credit. */
function scanSlot(ctx: BoundContext, s: number): [number, number] {
  const { state: st, sc, allowed, costed, satisfy } = ctx;
  const slot = st.model.slots[s];
  if (!slot) return [0, 0];
  const rules = st.model.levelRules;
  for (const g of slot.groups) {
    sc.tmpFree[g] = 0;
    sc.tmpPot[g] = 0;
    sc.tmpPotMin[g] = Number.POSITIVE_INFINITY;
  }
  sc.lvTmpFree.fill(0);
  sc.lvTmpPot.fill(0);
  const onlyGroup = satisfy && slot.allGroups.length > 0 ? (slot.allGroups[0] ?? -1) : -1;
  let best = 0;
  let pot = 0;
  for (const o of slot.options) {
    if (allowed[o.filler] === 0 || st.fillerUsed[o.filler] === 1) continue;
    if (onlyGroup >= 0 && o.group !== onlyGroup) continue;
    const f = st.model.fillers[o.filler];
    if (!f || !st.fits(o.group, f.credits)) continue;
    const free = !costed || f.cost === 0;
    if (free) {
      if (f.credits > (sc.tmpFree[o.group] ?? 0)) sc.tmpFree[o.group] = f.credits;
      if (f.credits > best) best = f.credits;
    } else {
      const prev = sc.tmpPot[o.group] ?? 0;
      if (prev > 0 && prev !== f.credits) sc.mixed = true;
      if (f.credits > prev) sc.tmpPot[o.group] = f.credits;
      if (f.cost < (sc.tmpPotMin[o.group] ?? 0)) sc.tmpPotMin[o.group] = f.cost;
      if (f.credits > pot) pot = f.credits;
    }
    const tmp = free ? sc.lvTmpFree : sc.lvTmpPot;
    for (let r = 0; r < rules.length; r++) {
      if (f.rank >= (rules[r]?.rank ?? 0) && f.credits > (tmp[r] ?? 0)) tmp[r] = f.credits;
    }
  }
  for (const g of slot.groups) {
    const tf = sc.tmpFree[g] ?? 0;
    const tp = sc.tmpPot[g] ?? 0;
    sc.freeC[g] = (sc.freeC[g] ?? 0) + tf;
    sc.potC[g] = (sc.potC[g] ?? 0) + tp;
    if (tf > 0) sc.freeU[g] = (sc.freeU[g] ?? 0) + 1;
    if (tp > 0) {
      sc.potU[g] = (sc.potU[g] ?? 0) + 1;
      const k = sc.groupPotCount[g] ?? 0;
      const arr = sc.groupPots[g];
      if (arr) arr[k] = tp;
      sc.groupPotCount[g] = k + 1;
    }
    const pm = sc.tmpPotMin[g] ?? 0;
    if (pm < (sc.potMin[g] ?? 0)) sc.potMin[g] = pm;
    if (g === onlyGroup && (tf > 0 || tp > 0)) {
      sc.fillable[g] = (sc.fillable[g] ?? 0) + 1;
      if (tf === 0) sc.forced[g] = (sc.forced[g] ?? 0) + pm;
    }
  }
  for (let r = 0; r < rules.length; r++) {
    sc.lvFree[r] = (sc.lvFree[r] ?? 0) + (sc.lvTmpFree[r] ?? 0);
    const lp = sc.lvTmpPot[r] ?? 0;
    sc.lvPot[r] = (sc.lvPot[r] ?? 0) + lp;
    if (lp > 0) {
      const k = sc.levelPotCount[r] ?? 0;
      const arr = sc.levelPots[r];
      if (arr) arr[k] = lp;
      sc.levelPotCount[r] = k + 1;
    }
  }
  return [best, pot];
}

/** Turns the sums into feasibility and the lower bound on credit still to add. */
function finishBound(ctx: BoundContext, freeTotal: number, potTotal: number): void {
  const { state: st, sc } = ctx;
  const m = st.model;
  sc.feasible = true;
  sc.lb = 0;
  if (!ctx.satisfy) return;
  let lbGroups = 0;
  for (let g = 0; g < m.groups.length; g++) {
    const group = m.groups[g];
    if (!group) continue;
    const freeC = sc.freeC[g] ?? 0;
    const freeU = sc.freeU[g] ?? 0;
    const needC = Math.max(0, group.minCredits - (st.groupCredits[g] ?? 0));
    const needU = Math.max(0, group.minUnits - (st.groupUnits[g] ?? 0));
    if (needC > freeC + (sc.potC[g] ?? 0) || needU > freeU + (sc.potU[g] ?? 0)) {
      sc.feasible = false;
      return;
    }
    let lb = Math.max(0, needC - freeC);
    if (ctx.costed && lb > 0 && !sc.mixed) {
      lb = minSubsetSumAtLeast(sc.groupPots[g] ?? [], sc.groupPotCount[g] ?? 0, lb);
    }
    if (needU > freeU) lb = Math.max(lb, (needU - freeU) * (sc.potMin[g] ?? 0));
    if (group.all) {
      if ((st.groupUnits[g] ?? 0) + (sc.fillable[g] ?? 0) < group.size) {
        sc.feasible = false;
        return;
      }
      lb = Math.max(lb, sc.forced[g] ?? 0);
    }
    lbGroups += lb;
  }
  const needTotal = Math.max(0, m.minCredits - st.total);
  if (needTotal > freeTotal + potTotal) {
    sc.feasible = false;
    return;
  }
  let lbTotal = needTotal - freeTotal;
  if (ctx.costed && lbTotal > 0 && !sc.mixed) lbTotal = minSubsetSumAtLeast(sc.pots, sc.potCount, lbTotal);
  let lb = Math.max(lbGroups, lbTotal, ctx.requiredCost);
  for (let r = 0; r < m.levelRules.length; r++) {
    const need = Math.max(0, (m.levelRules[r]?.credits ?? 0) - (st.levelCounted[r] ?? 0));
    if (need > (sc.lvFree[r] ?? 0) + (sc.lvPot[r] ?? 0)) {
      sc.feasible = false;
      return;
    }
    let lbLevel = need - (sc.lvFree[r] ?? 0);
    if (ctx.costed && lbLevel > 0 && !sc.mixed) {
      lbLevel = minSubsetSumAtLeast(sc.levelPots[r] ?? [], sc.levelPotCount[r] ?? 0, lbLevel);
    }
    lb = Math.max(lb, lbLevel);
  }
  sc.lb = ctx.costed ? lb : 0;
}
