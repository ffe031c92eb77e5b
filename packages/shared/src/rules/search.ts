import { keepProbe, probeEstimate, probeWidth } from './bound-probe';
import { type BoundContext, computeBound } from './bounds';
import type { WorkBudget } from './errors';
import { StateMemo } from './memo';
import type { Option, SearchModel } from './model';
import { buildPlan, COSTED, FREE, MUST_TAKE, type SearchPlan } from './search-plan';
import { canApply, type SearchState } from './state';
import { workspaceFor } from './workspace';

export interface SearchRequest {
  model: SearchModel;
  allowed: Uint8Array;
  /** maxCredit: most counted credit; minCost: least credit still to add. */
  objective: 'maxCredit' | 'minCost';
  /** Only assignments that satisfy the qualification count (always so for minCost). */
  satisfy: boolean;
  /** minCost: a known lower bound on the answer; deepening starts there (it must not exceed it). */
  atLeast?: number;
  budget: WorkBudget;
  /**
   * Exact shortcuts, on by default: minCost finishes a round at once from a node whose state
   * already satisfies the qualification (`finishSatisfied`); maxCredit leaves a node once the
   * incumbent reaches its upper bound (`stop`). Off only to test them against the plain search.
   */
  shortcuts?: boolean;
  /** minCost: counts the rounds run (for the tests that need searches of several rounds). */
  stats?: { rounds: number };
}

export interface Solution {
  /** Option index per slot, -1 for an empty slot. */
  choice: Int32Array;
  total: number;
  cost: number;
  count: number;
}

/**
 * One round of iterative deepening (minCost): nodes whose least possible added credit exceeds
 * `limit` are cut, the smallest such value is kept in `next`, and the first solution found ends
 * the round.
 */
interface Round {
  limit: number;
  next: number;
  /** Whether costed children may be cut by their probe estimate (`probeCut`) before being visited. */
  probe: boolean;
}

/**
 * Depth-first branch and bound over slots (listed URNs, in URN order). Each slot is either left
 * empty or filled by one option (filler, group); rules 1–4 are enforced as options are applied, and
 * `computeBound` cuts subtrees that cannot satisfy the rules or beat the incumbent. Exact: a
 * subtree is only cut when no assignment in it can be better than one already found.
 */
export function search(req: SearchRequest): Solution | null {
  const { model, objective } = req;
  const satisfy = req.satisfy || objective === 'minCost';
  if (satisfy && model.allClash) return null;
  const plan = buildPlan(model, req.allowed, objective, satisfy);
  const runner = new SearchRunner(plan, req.budget, req.shortcuts !== false);
  return objective === 'minCost'
    ? deepen(runner, req.atLeast ?? 0, req.shortcuts !== false, req.stats)
    : runner.run(null);
}

/**
 * Least added credit by iterative deepening on that credit: round after round, only nodes whose
 * credit so far plus the lower bound stays within the limit are explored, and the limit rises to
 * the smallest value that was cut. The first solution found is optimal, because every cheaper
 * limit was explored exhaustively. Rounds below a known lower bound (`atLeast`) or the root's own
 * estimate could only fail, so they are skipped; the last round, and so the solution, is the same.
 *
 * The first round may also cut children by their probe estimate (`probeCut`), which is at most the
 * child's own estimate: every child it cuts would have been cut (or dropped by the memo) anyway, so
 * the round explores the same nodes, records the same memo entries and finds the same first
 * solution. If it fails, its next limit may come out lower than the full bounds' (but above this
 * limit, and never above the optimum: the first node cut on the way to an optimal set has an
 * estimate at most the optimum, and a probe at most that). The next round, with full bounds, then
 * explores the same nodes again (none had an estimate between the two limits) and fails with the
 * full bounds' next limit, after which the rounds are those of a search without probes.
 */
function deepen(
  runner: SearchRunner,
  atLeast: number,
  shortcuts: boolean,
  stats: { rounds: number } | undefined,
): Solution | null {
  // A round below the root's own estimate cuts the root and only learns that estimate, so the
  // first round starts there (an infeasible root: no round can find anything).
  const root = runner.rootEstimate();
  if (!Number.isFinite(root)) return null;
  let limit = Math.max(atLeast, root);
  for (let rounds = 1; ; rounds++) {
    // Probe cuts (see SearchRunner.probeCut) only in the first round: a later round's limit then
    // comes from full bounds, which keeps the sequence of limits that can end a search.
    const round = { limit, next: Number.POSITIVE_INFINITY, probe: rounds === 1 };
    if (stats) stats.rounds = rounds;
    const found = runner.run(round);
    if (found) return found;
    if (!Number.isFinite(round.next)) return null;
    if (shortcuts && rounds === 2) return climbWithin(runner, round.next, stats);
    // Unreachable: would climb a credit per round to the largest cost; one unlimited round proves it
    // (not earlier: for a reachable one that round is wasted work).
    if (rounds === 8 && !runner.run({ limit: Number.POSITIVE_INFINITY, next: 0, probe: false })) return null;
    limit = round.next;
  }
}

/**
 * The rest of a search whose first two rounds failed, the optimum being at least `lo`. One round
 * without a limit first finds some solution, or proves there is none: an unreachable definition
 * used to climb a credit per round, each round exploring everything within its limit, until an
 * unlimited round at the eighth proved it. Then the climb goes on as before, but stops when it
 * reaches the cost of that solution: every cheaper limit has then failed, so the solution costs the
 * optimum, and, found by a round whose limit was at least the optimum, it is the first solution in
 * depth-first order among those costing at most the optimum (a round at any limit L finds the first,
 * in the same order, among those costing at most L: the order of each node's children depends on
 * the node alone, and cuts and the memo only drop subtrees holding no such solution), which is
 * exactly what the climb's own round at that limit would return.
 */
function climbWithin(
  runner: SearchRunner,
  lo: number,
  stats: { rounds: number } | undefined,
): Solution | null {
  if (stats) stats.rounds++;
  const any = runner.run({ limit: Number.POSITIVE_INFINITY, next: 0, probe: false });
  if (!any) return null;
  let limit = lo;
  while (limit < any.cost) {
    const round = { limit, next: Number.POSITIVE_INFINITY, probe: false };
    if (stats) stats.rounds++;
    const found = runner.run(round);
    if (found) return found;
    // Finite and at most any.cost: the path to `any` was cut somewhere, at no more than its cost.
    limit = round.next;
  }
  return any;
}

/** The depth-first search of one plan; `run` may be called once per round (state is restored). */
class SearchRunner {
  private readonly st: SearchState;
  private readonly ctx: BoundContext;
  private readonly memo: StateMemo;
  private readonly minCost: boolean;
  private best: Solution | null = null;
  private done = false;
  private round: Round | null = null;
  /** Required units not yet used, counted by requiredLeft (no tuple allocated per node). */
  private reqCount = 0;
  /** Per depth of an expanded node in a probing round, the figures `probeCut` needs (bound-probe.ts). */
  private probe: Float64Array;
  private readonly probeWidth: number;
  /** The scratch holds the root's bound, and reqCount its required units (see rootEstimate). */
  private rootBound = false;
  /** finishFree's (slot, option) pairs applied, to undo them. */
  private applied: Int32Array;

  constructor(
    private readonly plan: SearchPlan,
    private readonly budget: WorkBudget,
    private readonly shortcuts: boolean,
  ) {
    const { model, allowed, active } = plan;
    const space = workspaceFor(model);
    this.st = space.state;
    this.minCost = plan.objective === 'minCost';
    this.ctx = {
      state: this.st,
      allowed,
      costed: this.minCost,
      satisfy: plan.satisfy,
      requiredCost: 0,
      sc: space.scratch,
      active,
      suffix: plan.suffix,
      position: plan.position,
    };
    this.memo = new StateMemo(model, active, allowed, space.table);
    this.probeWidth = probeWidth(model);
    const size = (active.length + 1) * this.probeWidth;
    if (space.probe.length < size) space.probe = new Float64Array(2 * size);
    this.probe = space.probe;
    if (space.applied.length < 2 * active.length) space.applied = new Int32Array(4 * active.length);
    this.applied = space.applied;
  }

  /**
   * The root's estimate of the least added credit (Infinity when infeasible); one node of budget.
   * The next run's root reuses the bound (`rootBound`): nothing changes the state or the scratch
   * in between.
   */
  rootEstimate(): number {
    this.budget.tick();
    this.ctx.requiredCost = this.requiredLeft();
    computeBound(this.ctx, 0);
    this.rootBound = true;
    return this.ctx.sc.feasible ? this.st.cost + this.ctx.sc.lb : Number.POSITIVE_INFINITY;
  }

  run(round: Round | null): Solution | null {
    this.best = null;
    this.done = false;
    this.round = round;
    this.memo.clear();
    this.dfs(0);
    return this.best;
  }

  /** One number orders partial scores: credit to add, then units (never more than 1000 in a search). */
  private score(): number {
    const st = this.st;
    return this.minCost ? st.cost * 1000 + st.count : -st.total;
  }

  /** Credit of the required units not yet used; their number in reqCount. */
  private requiredLeft(): number {
    const { st, plan } = this;
    let cost = 0;
    this.reqCount = 0;
    const required = plan.required;
    for (let i = 0; i < required.length; i++) {
      const f = required[i] as number;
      if (st.fillerUsed[f] === 0) {
        cost += plan.model.fillers[f]?.cost ?? 0;
        this.reqCount++;
      }
    }
    return cost;
  }

  /** True when nothing below this node can beat the incumbent. */
  private cut(lb: number, ub: number): boolean {
    const best = this.best;
    if (!best) return false;
    if (!this.minCost) return this.st.total + ub <= best.total;
    // Only less credit is an improvement: proving the fewest units among equal-credit sets would
    // mean exploring every tie, which is what makes large optional pools explode.
    return this.st.cost + lb >= best.cost;
  }

  private dfs(depth: number): void {
    const { st, plan } = this;
    this.budget.tick();
    const score = this.score();
    if (this.memo.dominated(st, depth, plan.satisfy, score)) return;
    // The memo only needs states whose completions are known to hold nothing better: a node its
    // bound cuts would be cut again by an equivalent one (or, explored, would find nothing), so
    // only expanded nodes are recorded. After a round's first solution nothing more is looked up,
    // so the path to it is not recorded either.
    if (this.expand(depth) && !this.done) this.memo.record(st, depth, plan.satisfy, score);
  }

  /** Bounds the node at `depth` and, unless it is cut (false), tries its children in order. */
  private expand(depth: number): boolean {
    const { st, ctx, plan, round } = this;
    if (depth === 0 && this.rootBound) {
      this.rootBound = false;
    } else {
      ctx.requiredCost = this.requiredLeft();
      computeBound(ctx, depth);
    }
    const sc = ctx.sc;
    if (!sc.feasible) return false;
    const estimate = st.cost + sc.lb;
    if (round && estimate > round.limit) {
      round.next = Math.min(round.next, estimate);
      return false;
    }
    if (this.cut(sc.lb, sc.ub)) return false;
    if (round?.probe && this.shortcuts) this.keepProbe(depth);
    const ceiling = st.total + sc.ub;
    const active = plan.active;
    if (depth === active.length) {
      if (this.reqCount > 0 || (plan.satisfy && !st.satisfies())) return true;
      this.best = { choice: st.choiceOf(), total: st.total, cost: st.cost, count: st.count };
      if (round) this.done = true;
      return true;
    }
    if (round && this.shortcuts && this.reqCount === 0) {
      if (st.satisfies()) {
        this.finishSatisfied(depth);
        return true;
      }
      if (sc.lb === 0 && this.finishFree(depth)) return true;
    }
    const slot = active[depth] ?? 0;
    // While credit is still missing, adding a unit (smallest first) is tried before leaving the
    // slot empty: that walks straight to a solution when the bound is exact, as it usually is.
    const unitsFirst = round !== null && sc.missing;
    const mayLeave = plan.onlyGroup[slot] === -1;
    if (plan.mustTake[slot] === 1) {
      this.tryKind(depth, slot, MUST_TAKE, ceiling);
      return true;
    }
    if (this.tryKind(depth, slot, FREE, ceiling)) return true;
    if (mayLeave && !unitsFirst && this.leaveEmpty(depth, ceiling)) return true;
    if (this.tryKind(depth, slot, COSTED, ceiling)) return true;
    if (mayLeave && unitsFirst) this.leaveEmpty(depth, ceiling);
    return true;
  }

  /**
   * The end of a round from a node (at `depth`) whose state satisfies the qualification with every
   * required unit used. Below it nothing is missing, so each slot tries its free options (the
   * learner's achievements) first, then "leave empty", before any unit: every such child still
   * satisfies (adding never undoes a minimum; an `all` group's slots are all filled already, or
   * it would not be satisfied), costs no more, so passes the bound (nothing is needed), and no
   * equivalent node was recorded (it would have ended the round). So the search walks straight
   * down, taking at each slot the first free option it may apply, to a leaf that is the round's
   * first solution. That walk is done here without bounding each node.
   */
  private finishSatisfied(depth: number): void {
    const { st, plan } = this;
    const applied: number[] = [];
    for (let d = depth; d < plan.active.length; d++) {
      const slot = plan.active[d] ?? 0;
      if (st.isBarred(slot)) continue;
      const start = plan.model.optionStart[slot] ?? 0;
      const count = (plan.model.optionStart[slot + 1] ?? 0) - start;
      for (let i = 0; i < count; i++) {
        if (plan.kinds[start + i] !== FREE || !canApply(st, plan.allowed, slot, i)) continue;
        st.apply(slot, i, 1);
        applied.push(slot, i);
        break;
      }
    }
    this.best = { choice: st.choiceOf(), total: st.total, cost: st.cost, count: st.count };
    this.done = true;
    for (let k = applied.length - 2; k >= 0; k -= 2) st.apply(applied[k] ?? 0, applied[k + 1] ?? 0, -1);
  }

  /**
   * The end of a round from a node (at `depth`) whose bound says nothing more need be added (lb 0)
   * and with every required unit used, when taking the learner's achievements alone completes it:
   * walks down taking at each slot the first free option it may apply (leaving the slot empty when
   * there is none) and, if the state then satisfies the qualification, that leaf is the round's
   * first solution, found without bounding each node; otherwise nothing has changed (false) and
   * the node is searched as usual. Why it is the search's own first solution: the leaf is a
   * completion adding nothing, so every node on the way to it has lb 0 (the bound is a valid lower
   * bound), hence nothing `missing` (lb 0 implies it), so the search tries its free options, then
   * "leave empty", before any unit, and takes exactly these steps; no node on the way is cut (its
   * estimate is this node's, within the limit) or dropped by the memo (an equivalent node recorded
   * at no worse score would have had the same completion, at no more cost, and found it).
   */
  private finishFree(depth: number): boolean {
    const { st, plan } = this;
    const applied = this.applied;
    let n = 0;
    let ok = true;
    for (let d = depth; d < plan.active.length && ok; d++) {
      const slot = plan.active[d] ?? 0;
      if (plan.mustTake[slot] === 1) {
        ok = false;
        break;
      }
      const mayLeave = plan.onlyGroup[slot] === -1;
      if (st.isBarred(slot)) {
        ok = mayLeave;
        continue;
      }
      const start = plan.model.optionStart[slot] ?? 0;
      const count = (plan.model.optionStart[slot + 1] ?? 0) - start;
      let taken = false;
      for (let i = 0; i < count; i++) {
        if (plan.kinds[start + i] !== FREE || !canApply(st, plan.allowed, slot, i)) continue;
        st.apply(slot, i, 1);
        applied[n++] = slot;
        applied[n++] = i;
        taken = true;
        break;
      }
      if (!taken && !mayLeave) ok = false;
    }
    if (ok && st.satisfies()) {
      this.best = { choice: st.choiceOf(), total: st.total, cost: st.cost, count: st.count };
      this.done = true;
    } else {
      ok = false;
    }
    for (let k = n - 2; k >= 0; k -= 2) st.apply(applied[k] ?? 0, applied[k + 1] ?? 0, -1);
    return ok;
  }

  /** Keeps what `probeCut` needs of the node at `depth` (its bound is in the scratch now). */
  private keepProbe(depth: number): void {
    keepProbe(this.ctx, this.probe, depth * this.probeWidth);
  }

  /**
   * Whether the child that adds unit option i of the (static) slot at `depth` would be cut by its
   * bound, told without building it: its estimate is at least `probeEstimate` of the parent's
   * figures (bound-probe.ts). When that exceeds the round's limit, the child's own bound would
   * exceed it too (or find it infeasible, or the memo would drop it), so it is not visited. The
   * node still counts against the budget, and the round's next limit takes the probe's estimate,
   * which is never above the child's: see `deepen` for why the answer stays the same.
   */
  private probeCut(depth: number, option: Option, round: Round): boolean {
    const estimate = probeEstimate(this.plan.model, this.probe, depth * this.probeWidth, option);
    if (estimate <= round.limit) return false;
    this.budget.tick();
    round.next = Math.min(round.next, estimate);
    return true;
  }

  /** Leaves the slot at `depth` empty; true when the search of this node should stop. */
  private leaveEmpty(depth: number, ceiling: number): boolean {
    this.dfs(depth + 1);
    return this.stop(ceiling);
  }

  /**
   * Tries, in option order, each option of the slot whose kind (see SearchPlan.kinds) is `kind`;
   * true when the search of this node should stop.
   */
  private tryKind(depth: number, slot: number, kind: number, ceiling: number): boolean {
    const { st, plan } = this;
    const kinds = plan.kinds;
    const start = plan.model.optionStart[slot] ?? 0;
    const count = (plan.model.optionStart[slot + 1] ?? 0) - start;
    let barred = -1;
    const round = this.round;
    const probe =
      kind === COSTED && this.shortcuts && round?.probe === true && plan.suffix.isStatic[depth] === 1;
    const options = plan.model.slots[slot]?.options;
    for (let i = 0; i < count; i++) {
      if (kinds[start + i] !== kind) continue;
      if (barred === -1) barred = st.isBarred(slot) ? 1 : 0;
      if (barred === 1 || !canApply(st, this.plan.allowed, slot, i)) continue;
      if (probe && options && this.probeCut(depth, options[i] as Option, round as Round)) continue;
      st.apply(slot, i, 1);
      this.dfs(depth + 1);
      st.apply(slot, i, -1);
      if (this.stop(ceiling)) return true;
    }
    return false;
  }

  /**
   * A round ends at its first solution. maxCredit: once the incumbent reaches what this node could
   * count at best (`ceiling`), no later child can beat it (only a strictly larger total replaces
   * it), so they are not visited at all.
   */
  private stop(ceiling: number): boolean {
    if (this.done) return true;
    return this.shortcuts && !this.minCost && this.best !== null && this.best.total >= ceiling;
  }
}
