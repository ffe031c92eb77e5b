/**
 * The second half of the bound: from the per-group, total and level sums that `computeBound`
 * gathered over the undecided slots, whether the rules can still be met and the least credit that
 * must still be added. Every figure is a relaxation of the real problem, so a lower bound.
 */
import type { BoundContext } from './bounds';
import type { Filler, GroupModel, Option, Slot } from './model';

const EMPTY = new Float64Array(0);

/** Turns the sums into feasibility and the lower bound on credit still to add. */
export function finishBound(ctx: BoundContext, freeTotal: number, potTotal: number): void {
  const { state: st, sc, suffix: sf } = ctx;
  const m = st.model;
  const d = sc.depth;
  const ng = m.groups.length;
  const nr = m.levelRules.length;
  sc.feasible = true;
  sc.lb = 0;
  sc.missing = false;
  if (!ctx.satisfy) return;
  // Free credit that can really count: bounded per group by its remaining maximum, and (for the
  // lower bound only; `missing` keeps the plain sums) by the barred sets.
  const usableFree = Math.min(freeTotal - sc.freeExcess, sc.capFree);
  let lbGroups = 0;
  let lbPooled = -sc.sharedFree;
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
    lbPooled += Math.max(0, needC - (sc.exclC[g] ?? 0));
    let lb = Math.max(0, needC - freeC);
    if (ctx.costed && lb > 0 && !sc.mixed) {
      lb = sf
        .knapsack(1 + g)
        .minAtLeast(
          sf.groupPotCount[d * ng + g] ?? 0,
          sc.groupPots[g] ?? EMPTY,
          sc.groupPotCount[g] ?? 0,
          lb,
        );
    }
    if (needU > freeU) lb = Math.max(lb, (needU - freeU) * (sc.potMin[g] ?? 0));
    if (group.all) {
      if ((st.groupUnits[g] ?? 0) + (sc.fillable[g] ?? 0) < group.size) {
        sc.feasible = false;
        return;
      }
      lb = Math.max(lb, sc.forced[g] ?? 0);
    }
    sc.groupNeed[g] = lb;
    lbGroups += lb;
  }
  if (lbGroups > 0) sc.missing = true;
  // Each group counting the shared free units in full (lbGroups) is weak when they are large.
  // (levelBeyondGroups pairs with lbGroups itself: it reasons from the same per-group deficits.)
  const lbSplit = Math.max(lbGroups, lbPooled);
  const needTotal = Math.max(0, m.minCredits - st.total);
  if (needTotal > freeTotal + potTotal || needTotal > sc.capAll) {
    sc.feasible = false;
    return;
  }
  if (needTotal > freeTotal || ctx.requiredCost > 0) sc.missing = true;
  let lbTotal = needTotal - usableFree;
  if (ctx.costed && lbTotal > 0 && !sc.mixed) {
    lbTotal = sf.knapsack(0).minAtLeast(sf.potCount[d] ?? 0, sc.pots, sc.potCount, lbTotal);
  }
  let lb = Math.max(lbSplit, lbTotal, ctx.requiredCost);
  for (let r = 0; r < m.levelRules.length; r++) {
    const need = Math.max(0, (m.levelRules[r]?.credits ?? 0) - (st.levelCounted[r] ?? 0));
    if (need > (sc.lvFree[r] ?? 0) + (sc.lvPot[r] ?? 0)) {
      sc.feasible = false;
      return;
    }
    if (need > (sc.lvFree[r] ?? 0)) sc.missing = true;
    const levelFree = Math.min((sc.lvFree[r] ?? 0) - (sc.lvFreeExcess[r] ?? 0), usableFree);
    let lbLevel = need - levelFree;
    if (ctx.costed && lbLevel > 0 && !sc.mixed) {
      lbLevel = sf
        .knapsack(1 + ng + r)
        .minAtLeast(
          sf.levelPotCount[d * nr + r] ?? 0,
          sc.levelPots[r] ?? EMPTY,
          sc.levelPotCount[r] ?? 0,
          lbLevel,
        );
    }
    lb = Math.max(lb, lbLevel, lbGroups + levelBeyondGroups(ctx, r, need - levelFree));
  }
  sc.lb = ctx.costed ? lb : 0;
}

/**
 * sc.capFree / sc.capAll: the most free (resp. free plus costed) credit the groups can still
 * count, each group taking at most its best options and at most what its maximum leaves. Tighter
 * than the plain sums when held units crowd a capped group, which the plain sums count in full.
 * When adding credit (costed), a group whose free options exceed its room counts at most the
 * largest sum of them that fits (`freeWithin`): rule 4 admits no filler past the maximum.
 */
export function capByGroups(ctx: BoundContext, depth: number): void {
  const { state: st, sc } = ctx;
  const groups = st.model.groups;
  // Read on every call (not only when a group's free credit exceeds its room, which is rare): code
  // the JIT has never seen run is compiled as a deoptimisation, which threw away computeBound.
  const costed = ctx.costed;
  let free = 0;
  let all = 0;
  for (let g = 0; g < groups.length; g++) {
    // Not `groups[g]?.maxCredits ?? …`: merging undefined with a double field boxed the double, a
    // heap number allocated per group and node (maxCredits is Infinity or a whole number).
    const room = (groups[g] as GroupModel).maxCredits - (st.groupCredits[g] ?? 0);
    const f = sc.freeC[g] ?? 0;
    free += f > room && costed ? freeWithin(ctx, depth, g, room) : Math.min(room, f);
    all += Math.min(room, f + (sc.potC[g] ?? 0));
  }
  sc.capFree = free;
  sc.capAll = all;
}

/**
 * The largest sum of free credit the undecided slots can still count in group g that is at most
 * `room`: each slot contributes nothing or the credit of one of its free options there (as
 * scanSlot admits them: allowed, filler unused, fitting the maxima, only in its `all` group when
 * satisfying). Free options cost nothing, so in a costed search they are the learner's
 * achievements, whose slots are the model's heldSlots. Every assignment's free credit in g is such
 * a sum (one option per slot, all fitting under the maximum together), so this is an upper bound on
 * what g can still count. Any one option, not only the slot's best: a smaller one may fit where the
 * best does not. Along a path the room and every slot's options only shrink, so it does too (as the
 * probe estimate needs).
 */
function freeWithin(ctx: BoundContext, depth: number, g: number, room: number): number {
  const { state: st, sc } = ctx;
  const m = st.model;
  // sums[0..room]: the sums reachable so far; sums[prev..prev+room]: before the current slot.
  const prev = room + 1;
  if (sc.sums.length < 2 * prev) sc.sums = new Uint8Array(4 * prev);
  const sums = sc.sums;
  sums.fill(0, 0, prev);
  sums[0] = 1;
  let top = 0;
  const held = m.heldSlots;
  for (let k = 0; k < held.length; k++) {
    const s = held[k] as number;
    const at = ctx.position[s] ?? -1;
    if (at < depth || st.isBarred(s)) continue;
    const slot = m.slots[s] as Slot;
    const onlyGroup = ctx.satisfy && slot.allGroups.length > 0 ? (slot.allGroups[0] ?? -1) : -1;
    for (let x = 0; x <= top; x++) sums[prev + x] = sums[x] as number;
    let reach = top;
    const options = slot.options;
    for (let i = 0; i < options.length; i++) {
      const o = options[i] as Option;
      if (o.group !== g || ctx.allowed[o.filler] === 0 || st.fillerUsed[o.filler] === 1) continue;
      if (onlyGroup >= 0 && o.group !== onlyGroup) continue;
      const f = m.fillers[o.filler] as Filler;
      if (f.cost !== 0 || f.credits <= 0 || !st.fits(g, f.credits)) continue;
      const v = f.credits;
      for (let x = Math.min(top, room - v); x >= 0; x--) if (sums[prev + x] === 1) sums[x + v] = 1;
      reach = Math.max(reach, Math.min(room, top + v));
    }
    top = reach;
  }
  let best = top;
  while (best > 0 && sums[best] !== 1) best--;
  return best;
}

/**
 * Added credit needed beyond the groups' own deficits to meet level rule r, whose added part is
 * `levelNeed`. Each group's added credit a_g is at least its deficit lo_g (sc.groupNeed), and at
 * most hiPot_g of it can be at or above the level; the level's added credit is therefore free only
 * up to Σ min(lo_g, hiPot_g), and every credit beyond that is added on top of Σ lo_g. A relaxation
 * (credit taken as continuous, a unit listed in two groups counted in both), so a lower bound; it
 * matters when a group's minimum must be met with units below the level.
 */
function levelBeyondGroups(ctx: BoundContext, r: number, levelNeed: number): number {
  if (levelNeed <= 0) return 0;
  const { sc } = ctx;
  const nr = ctx.state.model.levelRules.length;
  let covered = 0;
  for (let g = 0; g < ctx.state.model.groups.length; g++) {
    covered += Math.min(sc.groupNeed[g] ?? 0, sc.hiPot[g * nr + r] ?? 0);
  }
  return Math.max(0, levelNeed - covered);
}
