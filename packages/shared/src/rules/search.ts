import { type BoundContext, BoundScratch, computeBound } from './bounds';
import type { WorkBudget } from './errors';
import { StateMemo } from './memo';
import type { SearchModel } from './model';
import { canApply, SearchState } from './state';

/** Per-filler permission for one search: units outside a route's include/exclude sets are 0. */
export const FORBIDDEN = 0;
export const ALLOWED = 1;
export const REQUIRED = 2;

export interface SearchRequest {
  model: SearchModel;
  allowed: Uint8Array;
  /** maxCredit: most counted credit; minCost: least credit still to add. */
  objective: 'maxCredit' | 'minCost';
  /** Only assignments that satisfy the qualification count (always so for minCost). */
  satisfy: boolean;
  /**
   * Internal (minCost): one round of iterative deepening. Nodes whose least possible added credit
   * exceeds `limit` are cut, the smallest such value is kept in `next`, and the first solution
   * found ends the round.
   */
  round?: { limit: number; next: number };
  /** minCost: a known lower bound on the answer; deepening starts there (it must not exceed it). */
  atLeast?: number;
  budget: WorkBudget;
}

export interface Solution {
  /** Option index per slot, -1 for an empty slot. */
  choice: Int32Array;
  total: number;
  cost: number;
  count: number;
}

/**
 * Depth-first branch and bound over slots (listed URNs, in URN order). Each slot is either left
 * empty or filled by one option (filler, group); rules 1–4 are enforced as options are applied, and
 * `computeBound` cuts subtrees that cannot satisfy the rules or beat the incumbent. Exact: a
 * subtree is only cut when no assignment in it can be better than one already found.
 */
export function search(req: SearchRequest): Solution | null {
  const { model, allowed, objective, budget } = req;
  const satisfy = req.satisfy || objective === 'minCost';
  if (satisfy && model.slots.some((s) => s.allGroups.length > 1)) return null;
  const st = new SearchState(model);
  const slotsOf = new Int32Array(model.fillers.length);
  for (const slot of model.slots)
    for (const f of new Set(slot.options.map((o) => o.filler))) slotsOf[f] = (slotsOf[f] ?? 0) + 1;
  const orders = model.slots.map((_, s) => slotOrder(model, s, req, satisfy, slotsOf));
  const active = orders.flatMap((order, s) => (order.some((i) => i >= 0) ? [s] : []));
  // Group by group, so each group closes early and drops out of the memo key. Within a group the
  // largest credit first when maximising; when minimising added credit the smallest first, so that
  // leaving slots empty first makes the first routes found use few, large units.
  const firstGroup = (s: number) => model.slots[s]?.groups[0] ?? 0;
  const most = (s: number) =>
    Math.max(0, ...(model.slots[s]?.options ?? []).map((o) => model.fillers[o.filler]?.credits ?? 0));
  // Slots that must take a required unit go first: the route's fixed part is settled at once.
  const forced = (s: number) => (orders[s]?.[0] === -2 ? 0 : 1);
  const dir = objective === 'minCost' ? 1 : -1;
  active.sort(
    (a, b) => forced(a) - forced(b) || firstGroup(a) - firstGroup(b) || dir * (most(a) - most(b)) || a - b,
  );
  for (const order of orders) if (order[0] === -2) order.shift();
  const required = [...allowed.keys()].filter((f) => allowed[f] === REQUIRED);
  const ctx: BoundContext = {
    state: st,
    allowed,
    costed: objective === 'minCost',
    satisfy,
    requiredCost: 0,
    sc: new BoundScratch(model),
    active,
  };
  if (objective === 'minCost' && !req.round) return deepen(req);
  const round = req.round;
  let best: Solution | null = null;
  let done = false;
  const memo = new StateMemo(model, active, allowed);
  // One number orders partial scores: credit to add, then units (never more than 1000 in a search).
  const score = () => (objective === 'maxCredit' ? -st.total : st.cost * 1000 + st.count);
  // Required units not yet used: credit returned, number in reqCount (no tuple allocated per node).
  let reqCount = 0;
  const requiredLeft = (): number => {
    let cost = 0;
    reqCount = 0;
    for (const f of required) {
      if (st.fillerUsed[f] === 0) {
        cost += model.fillers[f]?.cost ?? 0;
        reqCount++;
      }
    }
    return cost;
  };
  // While credit is still missing, adding a unit (smallest first) is tried before leaving the
  // slot empty: that walks straight to a solution when the bound is exact, as it usually is.
  const unitsFirst = orders.map((o) => (o.includes(-1) ? [...o.filter((i) => i >= 0), -1] : o));
  /** True when nothing below this node can beat the incumbent. */
  const cut = (lb: number, ub: number): boolean => {
    if (objective === 'maxCredit') return best !== null && st.total + ub <= best.total;
    const cost = st.cost + lb;
    if (!best) return false;
    // Only less credit is an improvement: proving the fewest units among equal-credit sets would
    // mean exploring every tie, which is what makes large optional pools explode.
    return cost >= best.cost;
  };
  const dfs = (depth: number): void => {
    budget.tick();
    if (memo.dominated(memo.key(st, depth, satisfy), score())) return;
    ctx.requiredCost = requiredLeft();
    computeBound(ctx, depth);
    if (!ctx.sc.feasible) return;
    const estimate = st.cost + ctx.sc.lb;
    if (round && estimate > round.limit) {
      round.next = Math.min(round.next, estimate);
      return;
    }
    if (cut(ctx.sc.lb, ctx.sc.ub)) return;
    if (depth === active.length) {
      if (reqCount > 0 || (satisfy && !st.satisfies())) return;
      best = { choice: st.choice.slice(), total: st.total, cost: st.cost, count: st.count };
      if (round) done = true;
      return;
    }
    const slot = active[depth] ?? 0;
    const barred = st.isBarred(slot);
    const tries = (round && ctx.sc.missing ? unitsFirst[slot] : orders[slot]) ?? [];
    for (const i of tries) {
      if (i < 0) {
        dfs(depth + 1);
      } else if (!barred && canApply(st, allowed, slot, i)) {
        st.apply(slot, i, 1);
        dfs(depth + 1);
        st.apply(slot, i, -1);
      }
      if (done) return;
    }
  };
  dfs(0);
  return best;
}

/**
 * Least added credit by iterative deepening on that credit: round after round, only nodes whose
 * credit so far plus the lower bound stays within the limit are explored, and the limit rises to
 * the smallest value that was cut. The first solution found is optimal, because every cheaper
 * limit was explored exhaustively. Rounds below a known lower bound (`atLeast`) could only fail, so
 * they are skipped; the last round, and so the solution, is the same.
 */
function deepen(req: SearchRequest): Solution | null {
  let limit = req.atLeast ?? 0;
  for (let rounds = 1; ; rounds++) {
    const round = { limit, next: Number.POSITIVE_INFINITY };
    const found = search({ ...req, round });
    if (found) return found;
    if (!Number.isFinite(round.next)) return null;
    // Unreachable: would climb a credit per round to the largest cost; one unlimited round proves it
    // (not earlier: for a reachable one that round is wasted work).
    if (rounds === 8 && !search({ ...req, round: { limit: Number.POSITIVE_INFINITY, next: 0 } })) return null;
    limit = round.next;
  }
}

/**
 * The order options are tried in, -1 standing for "leave empty". A slot in an `all` group can only
 * be filled in that group when satisfying, and never left empty. Cheap options first finds good
 * incumbents early.
 */
function slotOrder(
  model: SearchModel,
  s: number,
  req: SearchRequest,
  satisfy: boolean,
  slotsOf: Int32Array,
): number[] {
  const slot = model.slots[s];
  if (!slot) return [];
  // A required unit that can only fill this slot must fill it (marked -2 for the caller to sort).
  const mustTake = slot.options.flatMap((o, i) =>
    req.allowed[o.filler] === REQUIRED && slotsOf[o.filler] === 1 ? [i] : [],
  );
  if (mustTake.length > 0) {
    const groups = satisfy && slot.allGroups.length > 0 ? slot.allGroups : null;
    return [-2, ...mustTake.filter((i) => !groups || groups.includes(slot.options[i]?.group ?? -1))];
  }
  const onlyGroup = satisfy && slot.allGroups.length > 0 ? (slot.allGroups[0] ?? -1) : -1;
  const ids = slot.options.flatMap((o, i) =>
    req.allowed[o.filler] !== FORBIDDEN && (onlyGroup < 0 || o.group === onlyGroup) ? [i] : [],
  );
  const isFree = (i: number) =>
    req.objective === 'maxCredit' || model.fillers[slot.options[i]?.filler ?? -1]?.cost === 0;
  const free = ids.filter(isFree);
  const costed = ids.filter((i) => !isFree(i));
  return onlyGroup >= 0 ? [...free, ...costed] : [...free, -1, ...costed];
}
