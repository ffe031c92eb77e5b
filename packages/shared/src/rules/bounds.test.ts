import fc from 'fast-check';
import { keepProbe, probeEstimate, probeWidth } from './bound-probe';
import { type BoundContext, computeBound, scanBound } from './bounds';
import { buildModel, type Option, type SearchModel } from './model';
import { lcg, randomMask, smallCase, syntheticCase } from './random-models';
import { buildPlan, COSTED, FREE, MUST_TAKE, type SearchPlan } from './search-plan';
import { canApply, type SearchState } from './state';
import { StateTable } from './state-table';
import { PrefixSubsetSums } from './subset-sum';
import { workspaceFor } from './workspace';

/**
 * A random least-added-credit (or most-credit) search's plan, with the bound's context over the
 * model's shared workspace, as a search sets it up: the bound tests walk down from it.
 */
function randomSearch(
  model: SearchModel,
  rand: () => number,
  objective: 'minCost' | 'maxCredit' = 'minCost',
  satisfy = true,
) {
  const allowed = randomMask(model, rand);
  const plan = buildPlan(model, allowed, objective, satisfy);
  const space = workspaceFor(model);
  const st = space.state;
  const ctx: BoundContext = {
    state: st,
    allowed,
    costed: objective === 'minCost',
    satisfy,
    requiredCost: 0,
    sc: space.scratch,
    active: plan.active,
    suffix: plan.suffix,
    position: plan.position,
  };
  return { allowed, plan, st, ctx };
}

/**
 * Walks one random path down the search tree of a random plan and, at every node, compares the
 * bound from the static suffix with the bound from scanning every slot.
 */
function compareAlongRandomPath(model: SearchModel, rand: () => number): number {
  const objective = rand() < 0.5 ? 'minCost' : 'maxCredit';
  const satisfy = objective === 'minCost' || rand() < 0.7;
  const { allowed, plan, st, ctx } = randomSearch(model, rand, objective, satisfy);
  const applied: [number, number][] = [];
  let compared = 0;
  for (let depth = 0; depth <= plan.active.length; depth++) {
    ctx.requiredCost = plan.required.reduce(
      (sum, f) => sum + (st.fillerUsed[f] === 0 ? (model.fillers[f]?.cost ?? 0) : 0),
      0,
    );
    computeBound(ctx, depth);
    const fast = { ...pick(ctx) };
    scanBound(ctx, depth);
    expect(fast).toEqual(pick(ctx));
    compared++;
    if (depth === plan.active.length) break;
    const slot = plan.active[depth] ?? 0;
    const start = model.optionStart[slot] ?? 0;
    const tried = (model.slots[slot]?.options ?? []).flatMap((_, i) =>
      [FREE, COSTED, MUST_TAKE].includes(plan.kinds[start + i] ?? 0) &&
      !st.isBarred(slot) &&
      canApply(st, allowed, slot, i)
        ? [i]
        : [],
    );
    if (tried.length > 0 && rand() < 0.6) {
      const i = tried[Math.floor(rand() * tried.length)] ?? 0;
      st.apply(slot, i, 1);
      applied.push([slot, i]);
    }
  }
  // The workspace's state is shared: leave it empty, as a search does.
  for (const [slot, i] of applied.reverse()) st.apply(slot, i, -1);
  return compared;
}

function pick(ctx: BoundContext) {
  const sc = ctx.sc;
  return sc.feasible
    ? { feasible: true, lb: sc.lb, ub: sc.ub, missing: sc.missing }
    : { feasible: false, ub: sc.ub };
}

describe('the bound from the static suffix', () => {
  it('equals the bound from scanning every slot, at random nodes of random searches', () => {
    let nodes = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.boolean(), (seed, small) => {
        const rand = lcg(seed);
        const model = buildModel((small ? smallCase : syntheticCase)(rand));
        for (let walk = 0; walk < 3; walk++) nodes += compareAlongRandomPath(model, rand);
      }),
      { numRuns: 600 },
    );
    expect(nodes).toBeGreaterThan(10_000);
  });
});

/**
 * Walks a random path of a random least-added-credit search and, at every node the bound does not
 * rule out, compares the probe estimate of each unit a static slot could add with the estimate of
 * the child itself (cost plus its bound), which it must never exceed.
 */
function probeAlongRandomPath(model: SearchModel, rand: () => number): { probes: number; tight: number } {
  const { allowed, plan, st, ctx } = randomSearch(model, rand);
  const bound = (depth: number) => {
    ctx.requiredCost = plan.required.reduce(
      (sum, f) => sum + (st.fillerUsed[f] === 0 ? (model.fillers[f]?.cost ?? 0) : 0),
      0,
    );
    computeBound(ctx, depth);
    return ctx.sc.feasible ? st.cost + ctx.sc.lb : Number.POSITIVE_INFINITY;
  };
  const kept = new Float64Array(probeWidth(model));
  const applied: [number, number][] = [];
  let probes = 0;
  let tight = 0;
  for (let depth = 0; depth < plan.active.length; depth++) {
    const slot = plan.active[depth] ?? 0;
    const start = model.optionStart[slot] ?? 0;
    const options = model.slots[slot]?.options ?? [];
    const usable = (i: number) => !st.isBarred(slot) && canApply(st, allowed, slot, i);
    if (Number.isFinite(bound(depth)) && plan.suffix.isStatic[depth] === 1) {
      keepProbe(ctx, kept, 0);
      for (let i = 0; i < options.length; i++) {
        if (plan.kinds[start + i] !== COSTED || !usable(i)) continue;
        const probe = probeEstimate(model, kept, 0, options[i] as Option);
        st.apply(slot, i, 1);
        const child = bound(depth + 1);
        st.apply(slot, i, -1);
        expect(probe).toBeLessThanOrEqual(child);
        probes++;
        if (Number.isFinite(child) && probe === child) tight++;
      }
    }
    const tried = options.flatMap((_, i) =>
      [FREE, COSTED, MUST_TAKE].includes(plan.kinds[start + i] ?? 0) && usable(i) ? [i] : [],
    );
    if (tried.length > 0 && rand() < 0.6) {
      const i = tried[Math.floor(rand() * tried.length)] ?? 0;
      st.apply(slot, i, 1);
      applied.push([slot, i]);
    }
  }
  for (const [slot, i] of applied.reverse()) st.apply(slot, i, -1);
  return { probes, tight };
}

describe('the probe estimate of a child adding a unit', () => {
  it("never exceeds the child's own estimate, at random nodes of random searches", () => {
    let probes = 0;
    let tight = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.boolean(), (seed, small) => {
        const rand = lcg(seed);
        const model = buildModel((small ? smallCase : syntheticCase)(rand));
        for (let walk = 0; walk < 3; walk++) {
          const r = probeAlongRandomPath(model, rand);
          probes += r.probes;
          tight += r.tight;
        }
      }),
      { numRuns: 600 },
    );
    // The comparison means something only if many probes are made and often meet the child's bound.
    expect(probes).toBeGreaterThan(3_000);
    expect(tight).toBeGreaterThan(probes / 10);
  });
});

/**
 * The least credit added by any completion of the node at `depth` (every remaining active slot left
 * empty or given one option rules 1–4 admit) that satisfies the qualification with every required
 * filler used; Infinity when there is none.
 */
function bestCompletion(plan: SearchPlan, st: SearchState, depth: number): number {
  if (depth === plan.active.length) {
    if (plan.required.some((f) => st.fillerUsed[f] === 0)) return Number.POSITIVE_INFINITY;
    return st.satisfies() ? st.cost : Number.POSITIVE_INFINITY;
  }
  const slot = plan.active[depth] ?? 0;
  let best = bestCompletion(plan, st, depth + 1);
  if (st.isBarred(slot)) return best;
  const count = plan.model.slots[slot]?.options.length ?? 0;
  for (let i = 0; i < count; i++) {
    if (!canApply(st, plan.allowed, slot, i)) continue;
    st.apply(slot, i, 1);
    best = Math.min(best, bestCompletion(plan, st, depth + 1));
    st.apply(slot, i, -1);
  }
  return best;
}

/**
 * The oracle's small cases made to exercise the bound's exclusive classes (see bounds.ts,
 * freeExcess): more achievements of listed URNs; equivalents from one listed URN to another the
 * learner holds, so that one achievement can fill two slots (and a slot may have two free
 * fillers); a barred set over URNs the learner holds, sometimes with a unit too, and sometimes a
 * second set overlapping it.
 */
function exclusiveCase(rand: () => number) {
  const c = smallCase(rand);
  const q = c.qualification;
  const listed = [...new Set(q.groups.flatMap((g) => g.units))];
  const hold = (urn: string) => {
    const credits = 1 + Math.floor(rand() * 6);
    const level = (['E3', '1', '2', '3'] as const)[Math.floor(rand() * 4)] ?? '2';
    c.achievements.push({ urn, credits, level, achievedOn: '2026-05-15', basis: 'credit' });
  };
  for (const urn of listed.filter(() => rand() < 0.4)) hold(urn);
  if (listed.length >= 2 && rand() < 0.6) {
    const equivalents: Record<string, string[]> = {};
    for (let i = 0; i < 2; i++) {
      const from = listed[Math.floor(rand() * listed.length)] as string;
      const to = listed[Math.floor(rand() * listed.length)] as string;
      if (from === to) continue;
      equivalents[from] = [to];
      hold(to);
      if (rand() < 0.5) hold(from);
    }
    q.equivalents = equivalents;
  }
  const held = [...new Set(c.achievements.map((a) => a.urn))].filter((u) => listed.includes(u));
  const extra = listed.filter(() => rand() < 0.25);
  const set = [...new Set([...held.filter(() => rand() < 0.8), ...extra])];
  if (rand() < 0.6 && set.length >= 2) q.barred = [...(rand() < 0.5 ? (q.barred ?? []) : []), set];
  if (rand() < 0.3) {
    const other = listed.filter(() => rand() < 0.5);
    if (other.length >= 2) q.barred = [...(q.barred ?? []), other];
  }
  return c;
}

describe('the lower bound on added credit', () => {
  it('never exceeds the least added credit of any completion, at random nodes of random searches', () => {
    let nodes = 0;
    let raised = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const rand = lcg(seed);
        const model = buildModel(exclusiveCase(rand));
        const { allowed, plan, st, ctx } = randomSearch(model, rand);
        const applied: [number, number][] = [];
        for (let depth = 0; depth <= plan.active.length; depth++) {
          ctx.requiredCost = plan.required.reduce(
            (sum, f) => sum + (st.fillerUsed[f] === 0 ? (model.fillers[f]?.cost ?? 0) : 0),
            0,
          );
          computeBound(ctx, depth);
          const sc = ctx.sc;
          const estimate = sc.feasible ? st.cost + sc.lb : Number.POSITIVE_INFINITY;
          const excess = sc.freeExcess > 0 || sc.lvFreeExcess.some((x) => x > 0);
          const best = bestCompletion(plan, st, depth);
          expect(estimate).toBeLessThanOrEqual(best);
          nodes++;
          if (excess && Number.isFinite(best)) raised++;
          if (depth === plan.active.length) break;
          const slot = plan.active[depth] ?? 0;
          const count = model.slots[slot]?.options.length ?? 0;
          const tried = Array.from({ length: count }, (_, i) => i).filter(
            (i) => !st.isBarred(slot) && canApply(st, allowed, slot, i),
          );
          if (tried.length > 0 && rand() < 0.6) {
            const i = tried[Math.floor(rand() * tried.length)] ?? 0;
            st.apply(slot, i, 1);
            applied.push([slot, i]);
          }
        }
        for (const [slot, i] of applied.reverse()) st.apply(slot, i, -1);
      }),
      // 375114: a capped group where a slot's smaller free option fits and its best does not
      // (freeWithin once took each slot's best only, which is not an upper bound).
      { numRuns: 1500, examples: [[375114]] },
    );
    expect(nodes).toBeGreaterThan(5_000);
    // The exclusive classes' correction must be exercised where a completion exists.
    expect(raised).toBeGreaterThan(80);
  });
});

describe('PrefixSubsetSums', () => {
  it('gives the least subset sum reaching the target, as a brute force does', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 9 }),
        fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 3 }),
        fc.nat({ max: 9 }),
        fc.integer({ min: -5, max: 200 }),
        (items, extra, cut, target) => {
          const count = Math.min(cut, items.length);
          const sums = new PrefixSubsetSums();
          sums.build(Float64Array.from(items), items.length);
          const pool = [...items.slice(0, count), ...extra];
          let best = Number.POSITIVE_INFINITY;
          for (let m = 0; m < 1 << pool.length; m++) {
            let s = 0;
            pool.forEach((c, i) => {
              if (m & (1 << i)) s += c;
            });
            if (s >= target && s < best) best = s;
          }
          expect(sums.minAtLeast(count, Float64Array.from(extra), extra.length, target)).toBe(
            target <= 0 ? 0 : best,
          );
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('StateTable', () => {
  it('keeps the best score per key exactly as a Map of the keys would', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.array(fc.integer({ min: -9, max: 9 }), { maxLength: 5 }),
            fc.integer({ min: 0, max: 5 }),
          ),
          { minLength: 550, maxLength: 700 },
        ),
        (visits) => {
          const table = new StateTable();
          // Twice, clearing between, as a search's rounds do (and once releasing the memory).
          for (const reset of ['clear', 'release'] as const) {
            const reference = new Map<string, number>();
            for (const [key, score] of visits) {
              table.reserve(key.length);
              key.forEach((v, i) => {
                table.key[i] = v;
              });
              const seen = reference.get(key.join(','));
              const dominated = seen !== undefined && seen <= score;
              expect(table.has(key.length, score)).toBe(dominated);
              if (!dominated) reference.set(key.join(','), score);
              table.record(key.length, score);
            }
            table[reset]();
          }
          table.key[0] = 1;
          expect(table.has(1, 1e9)).toBe(false);
        },
      ),
      { numRuns: 30 },
    );
  });
});
