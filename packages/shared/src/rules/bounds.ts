/**
 * The bound behind every cut of the search: what the undecided slots could still add at best, and
 * from that whether the rules can still be met and how much credit must still be added.
 */

import { capByGroups, finishBound } from './bound-finish';
import type { BoundScratch } from './bound-scratch';
import type { SearchState } from './state';

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
  sc.hiPot.fill(0);
  sc.exclC.fill(0);
  sc.sharedFree = 0;
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
    scanSlot(ctx, s);
    const pot = sc.slotPot;
    freeTotal += sc.slotBest;
    potTotal += pot;
    if (pot > 0) sc.pots[sc.potCount++] = pot;
  }
  capByGroups(ctx);
  // Counted credit lands in one group each, so it cannot exceed what the groups' maxima still admit.
  sc.ub = Math.min(freeTotal, sc.capFree);
  finishBound(ctx, freeTotal, potTotal);
}

/** Adds one slot's best options to the per-group sums; sets sc.slotBest / sc.slotPot (free / costed). */
function scanSlot(ctx: BoundContext, s: number): void {
  const { state: st, sc, allowed, costed, satisfy } = ctx;
  const slot = st.model.slots[s];
  sc.slotBest = 0;
  sc.slotPot = 0;
  if (!slot) return;
  const rules = st.model.levelRules;
  for (const g of slot.groups) {
    sc.tmpFree[g] = 0;
    sc.tmpPot[g] = 0;
    sc.tmpPotMin[g] = Number.POSITIVE_INFINITY;
  }
  sc.lvTmpFree.fill(0);
  sc.lvTmpPot.fill(0);
  const nr = rules.length;
  for (const g of slot.groups) for (let r = 0; r < nr; r++) sc.tmpHi[g * nr + r] = 0;
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
    for (let r = 0; r < nr; r++) {
      if (f.rank < (rules[r]?.rank ?? 0)) continue;
      if (f.credits > (tmp[r] ?? 0)) tmp[r] = f.credits;
      const k = o.group * nr + r;
      if (!free && f.credits > (sc.tmpHi[k] ?? 0)) sc.tmpHi[k] = f.credits;
    }
  }
  // A free unit that could count in several groups counts in one: pooled, not credited to each.
  let freeIn = -1;
  for (const g of slot.groups) if ((sc.tmpFree[g] ?? 0) > 0) freeIn = freeIn === -1 ? g : -2;
  if (freeIn >= 0) sc.exclC[freeIn] = (sc.exclC[freeIn] ?? 0) + (sc.tmpFree[freeIn] ?? 0);
  else if (freeIn === -2) sc.sharedFree += best;
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
    for (let r = 0; r < nr; r++)
      sc.hiPot[g * nr + r] = (sc.hiPot[g * nr + r] ?? 0) + (sc.tmpHi[g * nr + r] ?? 0);
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
  sc.slotBest = best;
  sc.slotPot = pot;
}
