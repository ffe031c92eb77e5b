import type { WorkBudget } from './errors';
import { copyUint8, freshUint8 } from './fresh';
import type { SearchModel } from './model';
import { type Solution, search } from './search';
import { ALLOWED, FORBIDDEN, REQUIRED } from './search-mask';

/** A set of catalogue units whose addition makes the qualification achieved. */
export interface AddSet {
  fillers: number[];
  urns: string[];
  cost: number;
  count: number;
  solution: Solution;
}

/** Route order: total credit, then number of units, then the sorted URN lists compared in order. */
export function compareAddSets(a: AddSet, b: AddSet): number {
  if (a.cost !== b.cost) return a.cost - b.cost;
  if (a.urns.length !== b.urns.length) return a.urns.length - b.urns.length;
  for (let i = 0; i < a.urns.length; i++) {
    const x = a.urns[i] ?? '';
    const y = b.urns[i] ?? '';
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/**
 * An add-set of least credit among those the mask permits, by branch and bound. Among sets of equal
 * credit the search order decides (deterministically, and it favours few large units); routes are
 * sorted afterwards.
 */
export function bestAddSet(
  model: SearchModel,
  allowed: Uint8Array,
  budget: WorkBudget,
  atLeast = 0,
  /** Whether the search may use its exact shortcuts (see SearchRequest.shortcuts). */
  shortcuts = true,
): AddSet | null {
  const found = search({ model, allowed, objective: 'minCost', satisfy: true, budget, atLeast, shortcuts });
  return found ? toAddSet(model, found) : null;
}

function toAddSet(model: SearchModel, solution: Solution): AddSet {
  const added: number[] = [];
  const choice = solution.choice;
  for (let s = 0; s < choice.length; s++) {
    const optionIndex = choice[s] ?? -1;
    const o = optionIndex >= 0 ? model.slots[s]?.options[optionIndex] : undefined;
    if (o && (model.fillers[o.filler]?.cost ?? 0) > 0) added.push(o.filler);
  }
  // Fillers that cost credit are catalogue units, numbered in the order of their (distinct) sorted
  // URNs (model-parts.ts), so ordering them by number orders them by URN.
  // In place, by insertion: a handful of distinct numbers (Int32Array.from and Array.from went
  // through the iterator protocol, over a kilobyte of garbage per evaluation).
  const fillers = added;
  for (let i = 1; i < fillers.length; i++) {
    const f = fillers[i] as number;
    let j = i - 1;
    while (j >= 0 && (fillers[j] as number) > f) {
      fillers[j + 1] = fillers[j] as number;
      j--;
    }
    fillers[j + 1] = f;
  }
  const urns: string[] = [];
  for (const f of fillers) urns.push(model.fillers[f]?.urn ?? '');
  return { fillers, urns, cost: solution.cost, count: solution.count, solution };
}

interface Subspace {
  allowed: Uint8Array;
  /** A lower bound in route order: the parent's best, which every set here comes after. */
  key: AddSet;
  best?: AddSet | null;
}

/**
 * Up to `limit` routes of least credit, none a superset of another (Lawler's k-best
 * partitioning), returned sorted in route order (credit, units, URNs).
 * The remaining space is split into subspaces by include/exclude masks; after taking a set R from a
 * subspace, it is replaced by the subspaces "exclude r1", "include r1, exclude r2", …, which hold
 * every set of it except R and R's supersets. A subspace's best is solved only when it reaches the
 * front of the queue, since most never need to be.
 */
export function routesToAchievement(
  model: SearchModel,
  base: Uint8Array,
  first: AddSet,
  limit: number,
  budget: WorkBudget,
  shortcuts = true,
): AddSet[] {
  const routes: AddSet[] = [];
  const queue: Subspace[] = [{ allowed: base, key: first, best: first }];
  while (routes.length < limit && queue.length > 0) {
    // Stable sort: among equal values the older subspace goes first, keeping results deterministic.
    queue.sort(compareSubspaces);
    const node = queue.shift() as Subspace;
    if (node.best === undefined) {
      // Every set in a subspace costs at least its parent's best (its key), so deepening starts there.
      node.best = bestAddSet(model, node.allowed, budget, node.key.cost, shortcuts);
      if (node.best) queue.push({ ...node, key: node.best });
      continue;
    }
    const found = node.best as AddSet;
    const covered = routes.find((r) => r.fillers.every((f) => found.fillers.includes(f)));
    if (!covered) routes.push(found);
    queue.push(...splitWithout(node.allowed, covered ?? found, found));
  }
  return routes.sort(compareAddSets);
}

/**
 * By credit only: the search minimises credit, so that is the value Lawler's order can rely on
 * (units and URNs among equal credit would need a far costlier search). Solved subspaces first on
 * ties: an unsolved one's key is a lower bound, so it cannot hold anything cheaper, and taking the
 * solved set at once saves solving every sibling when many sets tie.
 */
function compareSubspaces(a: Subspace, b: Subspace): number {
  return a.key.cost - b.key.cost || (a.best === undefined ? 1 : 0) - (b.best === undefined ? 1 : 0);
}

function splitWithout(allowed: Uint8Array, removed: AddSet, key: AddSet): Subspace[] {
  const children: Subspace[] = [];
  const include = copyUint8(allowed);
  for (const f of removed.fillers) {
    if (allowed[f] === REQUIRED) continue;
    const child = copyUint8(include);
    child[f] = FORBIDDEN;
    children.push({ allowed: child, key });
    include[f] = REQUIRED;
  }
  return children;
}

export function maskFor(model: SearchModel, withUnits: 'none' | 'all' | readonly number[]): Uint8Array {
  const fillers = model.fillers;
  const mask = freshUint8(fillers.length);
  for (let i = 0; i < fillers.length; i++) {
    mask[i] = withUnits === 'all' || fillers[i]?.cost === 0 ? ALLOWED : FORBIDDEN;
  }
  if (Array.isArray(withUnits)) for (const i of withUnits) mask[i] = ALLOWED;
  return mask;
}
