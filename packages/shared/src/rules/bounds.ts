/**
 * The bound behind every cut of the search: what the undecided slots could still add at best, and
 * from that whether the rules can still be met and how much credit must still be added.
 */

import { capByGroups, finishBound } from './bound-finish';
import type { BoundScratch } from './bound-scratch';
import type { BoundSuffix } from './bound-suffix-table';
import type { Option, Slot } from './model';
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
  /** The static slots' sums per depth (see bound-suffix.ts). */
  suffix: BoundSuffix;
  /** Per slot, its depth in `active` (-1: not active): see freeWithin in bound-finish.ts. */
  position: Int32Array;
}

/**
 * Fills sc.feasible, sc.lb and sc.ub for the active slots from `depth` on: the static slots' sums
 * come from the suffix row, the dynamic slots are scanned against the current state.
 */
export function computeBound(ctx: BoundContext, depth: number): void {
  const { sc, suffix: sf } = ctx;
  // The static sums from depth `from` on hold once every group maximum admits the largest option
  // of every static slot left under it; a group nearly full holds that back to the end of its own
  // slots (groups are decided one after another), and the slots before `from` are scanned.
  let from = depth;
  while (from < sf.n && !roomForStatic(ctx, from)) from++;
  const row = sc.row;
  const rows = sf.rows;
  const w = sf.width;
  for (let i = 0, at = from * w; i < w; i++) row[i] = rows[at + i] ?? 0;
  sc.sharedFree = sf.sharedFree[from] ?? 0;
  sc.freeTotal = sf.freeTotal[from] ?? 0;
  sc.potTotal = sf.potTotal[from] ?? 0;
  sc.mixed = sf.mixed[from] === 1;
  // Knapsack items: the static ones are the suffix's list prefixes; the scanned ones go in sc's.
  sc.potCount = 0;
  // (Loops, not fill(): these arrays hold a handful of numbers.)
  for (let g = 0; g < sc.groupPotCount.length; g++) sc.groupPotCount[g] = 0;
  for (let r = 0; r < sc.levelPotCount.length; r++) sc.levelPotCount[r] = 0;
  sc.depth = from;
  const active = ctx.active;
  startClasses(ctx);
  for (let d = depth; d < from; d++) addSlot(ctx, active[d] ?? 0);
  for (let k = sf.dynamicFrom[from] ?? 0; k < sf.dynamicCount; k++) {
    addSlot(ctx, active[sf.dynamic[k] ?? 0] ?? 0);
  }
  freeExcess(ctx);
  capByGroups(ctx, depth);
  // Counted credit lands in one group each, so it cannot exceed what the groups' maxima still admit.
  sc.ub = Math.min(sc.freeTotal, sc.capFree);
  finishBound(ctx, sc.freeTotal, sc.potTotal);
}

/** Scans an undecided slot into the sums, unless a barred set already excludes it. */
function addSlot(ctx: BoundContext, s: number): void {
  const sc = ctx.sc;
  if (ctx.state.isBarred(s)) return;
  scanSlot(ctx, s);
  sc.freeTotal += sc.slotBest;
  sc.potTotal += sc.slotPot;
  if (sc.slotPot > 0) sc.pots[sc.potCount++] = sc.slotPot;
  if (sc.slotBest > 0) addToClass(ctx, s);
}

/**
 * Classes undecided slots whose free credit cannot count together (see freeExcess): a slot with a
 * barred set under its first one (open, or the slot would be barred and not scanned); else a slot
 * whose free options all use one filler under that filler (rule 1: it fills one place). Each slot
 * is in one class at most, so classes are disjoint.
 */
function addToClass(ctx: BoundContext, s: number): void {
  const sc = ctx.sc;
  const m = ctx.state.model;
  const sets = (m.slots[s] as Slot).barred;
  let c = -1;
  if (sets.length > 0) c = sets[0] as number;
  else if (sc.slotFreeFiller >= 0) c = m.barredCount + sc.slotFreeFiller;
  if (c < 0) return;
  const nr = sc.lvTmpFree.length;
  const sum = sc.classSum;
  const max = sc.classMax;
  const base = c * (1 + nr);
  if (sc.classStamp[c] !== sc.stamp) {
    sc.classStamp[c] = sc.stamp;
    sc.touched[sc.touchedCount] = c;
    sc.touchedCount += 1;
    for (let i = 0; i <= nr; i++) {
      sum[base + i] = 0;
      max[base + i] = 0;
    }
  }
  sum[base] = (sum[base] ?? 0) + sc.slotBest;
  if (sc.slotBest > (max[base] ?? 0)) max[base] = sc.slotBest;
  for (let r = 0; r < nr; r++) {
    const at = base + 1 + r;
    const v = sc.lvTmpFree[r] ?? 0;
    sum[at] = (sum[at] ?? 0) + v;
    if (v > (max[at] ?? 0)) max[at] = v;
  }
}

function startClasses(ctx: BoundContext): void {
  const m = ctx.state.model;
  ctx.sc.startClasses(m.barredCount + m.fillers.length, m.levelRules.length);
}

/**
 * sc.freeExcess (and per level rule sc.lvFreeExcess): free credit that freeTotal (lvFree) counts
 * beyond what rules 1 and 3 allow. Of a class's slots (see addToClass) at most one counts free
 * credit: a barred set's slots because at most one is filled, a filler's because it fills one
 * place and they have no other free option. So a class's free credit is at most its largest
 * slot's, and the rest of its sum is the excess. The lower bound on added credit subtracts it (the
 * plain sums, which also decide `missing` and so the search order, do not). Along a path of the
 * search every slot's best free credit can only shrink and slots only leave their class (decided,
 * barred, or left with no free option), so the corrected sums (Σ unclassed + Σ class maxima) can
 * only shrink too, as the probe estimate needs.
 */
function freeExcess(ctx: BoundContext): void {
  const sc = ctx.sc;
  const nr = ctx.state.model.levelRules.length;
  sc.freeExcess = 0;
  for (let r = 0; r < nr; r++) sc.lvFreeExcess[r] = 0;
  // Indexes computed, not stepped with ++: this loop runs only once a node has a class, and a
  // unary operation the JIT has never seen run is compiled as a deoptimisation of computeBound.
  for (let k = 0; k < sc.touchedCount; k++) {
    const base = (sc.touched[k] as number) * (1 + nr);
    sc.freeExcess += (sc.classSum[base] ?? 0) - (sc.classMax[base] ?? 0);
    for (let r = 0; r < nr; r++) {
      const at = base + 1 + r;
      sc.lvFreeExcess[r] = (sc.lvFreeExcess[r] ?? 0) + (sc.classSum[at] ?? 0) - (sc.classMax[at] ?? 0);
    }
  }
}

/**
 * The reference for computeBound: every undecided slot scanned against the state, as before the
 * suffix existed. `bounds.test.ts` checks that the two agree at random nodes.
 */
export function scanBound(ctx: BoundContext, depth: number): void {
  const { sc, suffix: sf } = ctx;
  sc.resetSums();
  // The suffix's last row has no static items: the knapsack lists are the scratch's alone.
  sc.depth = sf.n;
  startClasses(ctx);
  for (let d = depth; d < ctx.active.length; d++) addSlot(ctx, ctx.active[d] ?? 0);
  freeExcess(ctx);
  capByGroups(ctx, depth);
  sc.ub = Math.min(sc.freeTotal, sc.capFree);
  finishBound(ctx, sc.freeTotal, sc.potTotal);
}

/** Every group maximum admits the largest option of every static slot from `depth` on under it. */
function roomForStatic(ctx: BoundContext, depth: number): boolean {
  const { state: st, suffix: sf } = ctx;
  const groups = st.model.groups;
  const at = depth * groups.length;
  for (let g = 0; g < groups.length; g++) {
    const most = sf.capMost[at + g] ?? -1;
    if (most < 0) continue;
    const group = groups[g];
    if (!group) continue;
    if ((st.groupCredits[g] ?? 0) + most > group.maxCredits) return false;
    if ((st.groupUnits[g] ?? 0) + 1 > group.maxUnits) return false;
  }
  return true;
}

/** Adds one slot's best options to the per-group sums; sets sc.slotBest / sc.slotPot (free / costed). */
export function scanSlot(ctx: BoundContext, s: number): void {
  const { state: st, sc, allowed, costed, satisfy } = ctx;
  const slot = st.model.slots[s];
  sc.slotBest = 0;
  sc.slotPot = 0;
  if (!slot) return;
  const rules = st.model.levelRules;
  // Indexed loops throughout (here and in the other per-node code): a for…of loop allocates an
  // iterator result per element until the JIT has optimised the function, which in a fresh process
  // is the first thousand or so evaluations.
  const groups = slot.groups;
  const ng = groups.length;
  for (let i = 0; i < ng; i++) {
    const g = groups[i] as number;
    sc.tmpFree[g] = 0;
    sc.tmpPot[g] = 0;
    sc.tmpPotMin[g] = Number.POSITIVE_INFINITY;
  }
  for (let r = 0; r < sc.lvTmpFree.length; r++) {
    sc.lvTmpFree[r] = 0;
    sc.lvTmpPot[r] = 0;
  }
  const nr = rules.length;
  for (let i = 0; i < ng; i++) for (let r = 0; r < nr; r++) sc.tmpHi[(groups[i] as number) * nr + r] = 0;
  const onlyGroup = satisfy && slot.allGroups.length > 0 ? (slot.allGroups[0] ?? -1) : -1;
  let best = 0;
  let pot = 0;
  let freeFiller = -1;
  const options = slot.options;
  for (let i = 0; i < options.length; i++) {
    const o = options[i] as Option;
    if (allowed[o.filler] === 0 || st.fillerUsed[o.filler] === 1) continue;
    if (onlyGroup >= 0 && o.group !== onlyGroup) continue;
    const f = st.model.fillers[o.filler];
    if (!f || !st.fits(o.group, f.credits)) continue;
    const free = !costed || f.cost === 0;
    if (free) {
      // Both comparisons on every free option (see the comment on `differs` below).
      const none = freeFiller === -1;
      const same = freeFiller === o.filler;
      freeFiller = none || same ? o.filler : -2;
      if (f.credits > (sc.tmpFree[o.group] ?? 0)) sc.tmpFree[o.group] = f.credits;
      if (f.credits > best) best = f.credits;
    } else {
      const prev = sc.tmpPot[o.group] ?? 0;
      // Compared on every costed option, not only after a first one in the group: a comparison
      // the JIT has never seen run is compiled as a deoptimisation, and the rare slot with two
      // units in one group then threw away the optimised code.
      const differs = prev !== f.credits;
      if (prev > 0 && differs) sc.mixed = true;
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
  for (let i = 0; i < ng; i++) {
    const g = groups[i] as number;
    if ((sc.tmpFree[g] ?? 0) > 0) freeIn = freeIn === -1 ? g : -2;
  }
  if (freeIn >= 0) sc.exclC[freeIn] = (sc.exclC[freeIn] ?? 0) + (sc.tmpFree[freeIn] ?? 0);
  // Added unconditionally (0 unless shared) for the same reason: every search then runs this line.
  sc.sharedFree += freeIn === -2 ? best : 0;
  for (let i = 0; i < ng; i++) {
    const g = groups[i] as number;
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
  sc.slotFreeFiller = freeFiller;
}
