/**
 * A lower bound on the estimate (cost so far plus the bound's least credit still to add) of the
 * child that adds one unit, from figures kept of its parent, so that the search can drop a child
 * its bound would cut without building the child. In a round of iterative deepening many of the
 * nodes visited are such children: a unit that overshoots what a group, the total or a level rule
 * still needs.
 *
 * Valid when the unit's slot is static in the plan (no barred set, and no other active slot offers
 * any of its allowed fillers; see bound-suffix.ts). Adding the unit (cost and credit c) to group g
 * then changes, for the child: its cost (+c), group g's, the total's and (at or above their level)
 * the level rules' counted credit (+c), g's room under its maxima (−c), and the slot is no longer
 * undecided. Every other undecided slot offers the same options as before, except options in g
 * that no longer fit. So, of the sums finishBound reads, the free ones (per group, total, level,
 * capped by the groups' room) and each group's items can only shrink, `mixed` can only clear
 * (which replaces a plain deficit by its subset-sum rounding, never smaller), and:
 *
 * - groups: another group's deficit term (deficit, subset-sum rounding over fewer items, units
 *   term, an `all` group's forced cost) can only grow, so the child's bound is at least the sum of
 *   the parent's deficits of every group but g: estimate ≥ cost + c + Σ_{g' ≠ g} need_{g'};
 * - total: the child's bound is at least its plain deficit (total needed − usable free credit),
 *   which is at least the parent's minus c: estimate ≥ cost + max(c, parent's plain deficit);
 * - each level rule likewise, with c taken off only when the unit is at or above its level.
 *
 * `bounds.test.ts` checks the estimate against the child's bound at random nodes of random searches.
 */
import type { BoundContext } from './bounds';
import type { Option, SearchModel } from './model';

/** Numbers kept per depth: cost, the groups' summed deficits, the total's plain deficit, each group's deficit, each level rule's plain deficit. */
export function probeWidth(model: SearchModel): number {
  return 3 + model.groups.length + model.levelRules.length;
}

/** Writes the node's figures at probe[at…], from the bound just computed for it (sc). */
export function keepProbe(ctx: BoundContext, probe: Float64Array, at: number): void {
  const { state: st, sc } = ctx;
  const m = st.model;
  const ng = m.groups.length;
  let sum = 0;
  for (let g = 0; g < ng; g++) {
    const need = sc.groupNeed[g] ?? 0;
    probe[at + 3 + g] = need;
    sum += need;
  }
  const usableFree = Math.min(sc.freeTotal - sc.freeExcess, sc.capFree);
  probe[at] = st.cost;
  probe[at + 1] = sum;
  probe[at + 2] = Math.max(0, m.minCredits - st.total) - usableFree;
  const rules = m.levelRules;
  for (let r = 0; r < rules.length; r++) {
    const need = Math.max(0, (rules[r]?.credits ?? 0) - (st.levelCounted[r] ?? 0));
    probe[at + 3 + ng + r] = need - Math.min((sc.lvFree[r] ?? 0) - (sc.lvFreeExcess[r] ?? 0), usableFree);
  }
}

/** The lower bound on the estimate of the child adding `option` (a unit) at the node kept at `at`. */
export function probeEstimate(model: SearchModel, probe: Float64Array, at: number, option: Option): number {
  const f = model.fillers[option.filler];
  const c = f?.cost ?? 0;
  const cost = probe[at] ?? 0;
  const ng = model.groups.length;
  let best = cost + c + (probe[at + 1] ?? 0) - (probe[at + 3 + option.group] ?? 0);
  best = Math.max(best, cost + Math.max(c, probe[at + 2] ?? 0));
  const rules = model.levelRules;
  for (let r = 0; r < rules.length; r++) {
    const deficit = probe[at + 3 + ng + r] ?? 0;
    const estimate =
      (f?.rank ?? 0) >= (rules[r]?.rank ?? 0) ? cost + Math.max(c, deficit) : cost + c + Math.max(0, deficit);
    if (estimate > best) best = estimate;
  }
  return best;
}
