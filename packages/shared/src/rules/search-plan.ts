import { buildBoundSuffix } from './bound-suffix';
import type { BoundSuffix } from './bound-suffix-table';
import type { Option, SearchModel } from './model';
import { workspaceFor } from './workspace';

/** Option kinds in SearchPlan.kinds; 0: not tried in this search. */
export const FREE = 1;
export const COSTED = 2;
export const MUST_TAKE = 3;

// The mask's values (search-mask.ts), inlined: this runs once per slot and option of every search.
const FORBIDDEN = 0;
const REQUIRED = 2;

/**
 * Everything a search derives from its request before visiting a node: which slots it decides and
 * in what order, the order options are tried in, and the static part of the bound. Built once per
 * search and shared by all rounds of iterative deepening (which used to rebuild it every round).
 *
 * The order a slot's options are tried in: a slot whose required unit can fill no other slot takes
 * it (MUST_TAKE options only, never left empty). Otherwise the FREE options (every allowed one when
 * maximising; the learner's achievements when minimising), then "leave empty", then the COSTED
 * ones (units to add), each in option order — or, while credit is still missing in a round of
 * iterative deepening, FREE, COSTED, then "leave empty". A slot of an `all` group is only filled
 * in that group when satisfying, and never left empty.
 */
export interface SearchPlan {
  model: SearchModel;
  allowed: Uint8Array;
  objective: 'maxCredit' | 'minCost';
  satisfy: boolean;
  /** Slots with at least one option to try, in search order; the rest stay empty. */
  active: number[];
  /** Per option (numbered by model.optionStart): FREE, COSTED, MUST_TAKE or 0. */
  kinds: Uint8Array;
  /** Per slot: 1 when only its MUST_TAKE options are tried. */
  mustTake: Uint8Array;
  /** Per slot: the `all` group it must be filled in when satisfying, else -1 (it may stay empty). */
  onlyGroup: Int32Array;
  /** Per slot: its depth in `active`, or -1 when it is not active. */
  position: Int32Array;
  /** Fillers the mask requires (route subspaces): a solution must use every one. */
  required: number[];
  suffix: BoundSuffix;
}

export function buildPlan(
  model: SearchModel,
  allowed: Uint8Array,
  objective: 'maxCredit' | 'minCost',
  satisfy: boolean,
): SearchPlan {
  const n = model.slots.length;
  // The workspace's buffers (a plan lives only as long as its search); they may be longer than
  // this model needs, and are indexed by option and slot as if they were not.
  const buffers = workspaceFor(model).plan;
  const options = model.optionStart[n] ?? 0;
  if (buffers.kinds.length < options) buffers.kinds = new Uint8Array(options * 2);
  const { kinds, mustTake, onlyGroup } = buffers;
  kinds.fill(0, 0, options);
  mustTake.fill(0, 0, n);
  onlyGroup.fill(-1, 0, n);
  const active: number[] = [];
  for (let s = 0; s < n; s++) {
    if (classifyOptions(model, s, allowed, objective, satisfy, kinds, mustTake, onlyGroup)) active.push(s);
  }
  // Group by group, so each group closes early and drops out of the memo key. Within a group the
  // largest credit first when maximising; when minimising added credit the smallest first, so that
  // leaving slots empty first makes the first routes found use few, large units. Slots that must
  // take a required unit go first: the route's fixed part is settled at once.
  sortActive(model, active, mustTake, objective === 'minCost' ? 1 : -1, buffers.keys);
  const position = buffers.position;
  position.fill(-1, 0, n);
  for (let i = 0; i < active.length; i++) position[active[i] as number] = i;
  const required: number[] = [];
  for (let f = 0; f < allowed.length; f++) if (allowed[f] === REQUIRED) required.push(f);
  const suffix = buildBoundSuffix(model, allowed, objective, satisfy, active);
  return {
    model,
    allowed,
    objective,
    satisfy,
    active,
    kinds,
    mustTake,
    onlyGroup,
    position,
    required,
    suffix,
  };
}

/** Sets slot s's option kinds; true when it has an option to try (the slot is active). */
function classifyOptions(
  model: SearchModel,
  s: number,
  allowed: Uint8Array,
  objective: 'maxCredit' | 'minCost',
  satisfy: boolean,
  kinds: Uint8Array,
  mustTake: Uint8Array,
  onlyGroup: Int32Array,
): boolean {
  const slot = model.slots[s];
  if (!slot) return false;
  const options = slot.options;
  const start = model.optionStart[s] ?? 0;
  const allGroups = satisfy && slot.allGroups.length > 0 ? slot.allGroups : null;
  // A required unit that can only fill this slot must fill it.
  for (let i = 0; i < options.length; i++) {
    const o = options[i] as Option;
    if (allowed[o.filler] === REQUIRED && model.fillerSlots[o.filler] === 1) mustTake[s] = 1;
  }
  let any = false;
  if (mustTake[s] === 1) {
    for (let i = 0; i < options.length; i++) {
      const o = options[i];
      if (!o || allowed[o.filler] !== REQUIRED || model.fillerSlots[o.filler] !== 1) continue;
      if (allGroups && !allGroups.includes(o.group)) continue;
      kinds[start + i] = MUST_TAKE;
      any = true;
    }
    return any;
  }
  const only = allGroups ? (allGroups[0] ?? -1) : -1;
  onlyGroup[s] = only;
  for (let i = 0; i < options.length; i++) {
    const o = options[i];
    if (!o || allowed[o.filler] === FORBIDDEN || (only >= 0 && o.group !== only)) continue;
    const free = objective === 'maxCredit' || model.fillers[o.filler]?.cost === 0;
    kinds[start + i] = free ? FREE : COSTED;
    any = true;
  }
  return any;
}

/**
 * Sorts the active slots by (must take first, first group, dir × largest credit, slot). One number
 * per slot holds the whole key when its parts fit their bits (always, for real definitions), which
 * is several times faster than a comparator; otherwise the comparator does it.
 */
function sortActive(
  model: SearchModel,
  active: number[],
  mustTake: Uint8Array,
  dir: 1 | -1,
  buffer: Float64Array,
): void {
  const most = model.slotMost;
  const slots = model.slots;
  // (1 - mustTake) · 2^47 + group · 2^37 + credit key · 2^16 + slot, with the credit key counting
  // down from 2^20 when larger credit goes first: below 2^53, so exact in a double.
  const keys = buffer.subarray(0, active.length);
  let fits = true;
  for (let i = 0; i < active.length; i++) {
    const s = active[i] ?? 0;
    const m = most[s] ?? 0;
    const group = slots[s]?.groups[0] ?? 0;
    if (!(group < 1024 && Number.isInteger(m) && m >= 0 && m < 1 << 20 && s < 1 << 16)) {
      fits = false;
      break;
    }
    const credit = dir === 1 ? m : (1 << 20) - 1 - m;
    keys[i] = (((1 - (mustTake[s] ?? 0)) * 1024 + group) * 2 ** 21 + credit) * 2 ** 16 + s;
  }
  if (!fits) {
    const firstGroup = (s: number) => slots[s]?.groups[0] ?? 0;
    active.sort(
      (a, b) =>
        (mustTake[b] ?? 0) - (mustTake[a] ?? 0) ||
        firstGroup(a) - firstGroup(b) ||
        dir * ((most[a] ?? 0) - (most[b] ?? 0)) ||
        a - b,
    );
    return;
  }
  keys.sort();
  // `| 0` keeps the slot numbers small integers: a double here (as the Float64Array gives) made the
  // array one of doubles, and every use of a slot number a slower, deoptimising lookup. The slot is
  // the key less its multiple of 2^16, which is exact in doubles (a power of two divides exactly)
  // and avoids `%` on doubles, a call into the C library.
  for (let i = 0; i < active.length; i++) {
    const key = keys[i] ?? 0;
    active[i] = (key - Math.floor(key / 2 ** 16) * 2 ** 16) | 0;
  }
}
