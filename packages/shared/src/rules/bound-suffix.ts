/**
 * The static part of the bound, computed once per search. A slot's contribution to the bound's
 * sums (`scanSlot`) depends on the partial assignment only through rule 1 (one of its fillers used
 * by another slot), rule 3 (a barred set already used) and rule 4 (a group maximum nearly reached).
 * A slot with no barred set and whose allowed fillers no other active slot offers contributes the
 * same at every node where it is still undecided, as long as each group maximum it is listed under
 * leaves room for its largest option (`capMost`). Those "static" slots are summed once, from the
 * last depth backwards, into one row per depth; a node starts from the row of the first depth from
 * which the maxima leave that room and scans the slots before it and the few "dynamic" ones. The
 * sums, and so the bound and the `missing` flag that steers the search order, are exactly those of
 * scanning every slot (`scanBound`; bounds.test.ts compares them).
 */
import type { BoundSuffix } from './bound-suffix-table';
import { scanSlot } from './bounds';
import type { Option, SearchModel, Slot } from './model';
import { FORBIDDEN } from './search-mask';
import { workspaceFor } from './workspace';

export function buildBoundSuffix(
  model: SearchModel,
  allowed: Uint8Array,
  objective: 'maxCredit' | 'minCost',
  satisfy: boolean,
  active: number[],
): BoundSuffix {
  const n = active.length;
  const space = workspaceFor(model);
  const suffix = space.suffix;
  suffix.n = n;
  // How many active slots offer each allowed filler: shared ones make a slot dynamic (rule 1).
  const offered = suffix.offered;
  offered.fill(0);
  for (let d = 0; d < n; d++) {
    let last = -1;
    const options = (model.slots[active[d] as number] as Slot).options;
    for (let i = 0; i < options.length; i++) {
      const o = options[i] as Option;
      if (o.filler === last || allowed[o.filler] === FORBIDDEN) continue;
      last = o.filler;
      offered[last] = (offered[last] ?? 0) + 1;
    }
  }
  suffix.dynamicCount = 0;
  const isStatic = suffix.isStatic;
  for (let d = 0; d < n; d++) {
    const slot = model.slots[active[d] ?? 0];
    let fixed = slot !== undefined && slot.barred.length === 0;
    const options = slot?.options ?? [];
    for (let i = 0; i < options.length; i++) {
      const o = options[i] as Option;
      if (allowed[o.filler] !== FORBIDDEN && offered[o.filler] !== 1) fixed = false;
    }
    isStatic[d] = fixed ? 1 : 0;
    if (!fixed) suffix.dynamic[suffix.dynamicCount++] = d;
  }
  for (let d = n, k = suffix.dynamicCount; d >= 0; d--) {
    while (k > 0 && (suffix.dynamic[k - 1] ?? 0) >= d) k--;
    suffix.dynamicFrom[d] = k;
  }
  // Accumulate the static slots from the last depth backwards, snapshotting a row per depth. The
  // state is the empty assignment (no search is running), which is what a static slot sees at
  // every node anyway.
  const sc = space.builder;
  const ctx = {
    state: space.state,
    allowed,
    costed: objective === 'minCost',
    satisfy: satisfy || objective === 'minCost',
    requiredCost: 0,
    sc,
    active,
    suffix,
    // Not read here (capByGroups is not called); the plan's, filled before the suffix is built.
    position: space.plan.position,
  };
  sc.resetSums();
  let freeTotal = 0;
  let potTotal = 0;
  const g = model.groups.length;
  const r = model.levelRules.length;
  const capMost = suffix.capMostNow;
  capMost.fill(-1);
  for (let d = n; d >= 0; d--) {
    if (d < n && isStatic[d] === 1) {
      const options = (model.slots[active[d] as number] as Slot).options;
      for (let i = 0; i < options.length; i++) {
        const o = options[i] as Option;
        const group = model.groups[o.group];
        if (allowed[o.filler] === FORBIDDEN || !group) continue;
        if (group.maxCredits === Infinity && group.maxUnits === Infinity) continue;
        capMost[o.group] = Math.max(capMost[o.group] ?? -1, model.fillers[o.filler]?.credits ?? 0);
      }
      scanSlot(ctx, active[d] ?? 0);
      freeTotal += sc.slotBest;
      potTotal += sc.slotPot;
      if (sc.slotPot > 0) sc.pots[sc.potCount++] = sc.slotPot;
    }
    copyInto(suffix.rows, d * suffix.width, sc.row);
    copyInto(suffix.capMost, d * g, capMost);
    suffix.freeTotal[d] = freeTotal;
    suffix.potTotal[d] = potTotal;
    suffix.sharedFree[d] = sc.sharedFree;
    suffix.mixed[d] = sc.mixed ? 1 : 0;
    suffix.potCount[d] = sc.potCount;
    copyInts(suffix.groupPotCount, d * g, sc.groupPotCount);
    copyInts(suffix.levelPotCount, d * r, sc.levelPotCount);
  }
  // The scratch's item lists now hold every static slot's items, last depth first.
  suffix.pots = sc.pots;
  suffix.groupPots = sc.groupPots;
  suffix.levelPots = sc.levelPots;
  for (const sums of suffix.sums) sums.ready = false;
  return suffix;
}

/**
 * dst[at…] = src, by a loop: for a few dozen numbers it beats TypedArray.set's call. One function
 * per array type, so each stays monomorphic.
 */
function copyInto(dst: Float64Array, at: number, src: Float64Array): void {
  for (let i = 0; i < src.length; i++) dst[at + i] = src[i] ?? 0;
}

function copyInts(dst: Int32Array, at: number, src: Int32Array): void {
  for (let i = 0; i < src.length; i++) dst[at + i] = src[i] ?? 0;
}
