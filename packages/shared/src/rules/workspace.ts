import { BoundScratch } from './bound-scratch';
import { BoundSuffix } from './bound-suffix-table';
import type { SearchModel } from './model';
import { SearchState } from './state';
import { StateTable } from './state-table';

/**
 * Buffers the searches share: the state, the bound's scratch and suffix table, the memo's table.
 * Allocating these per search, then per evaluation (several dozen typed arrays each), made the
 * garbage collector a fifth of the run time, so one set is kept per number of groups and level
 * rules (the sizes the bound's rows depend on exactly) and grown when a model needs more slots,
 * fillers or barred sets. Searches run one after another, never nested, and a search leaves the
 * state as it found it (every apply is undone); `workspaceFor` resets it for each new model, which
 * also clears what a search stopped by the work budget left behind.
 */
export interface Workspace {
  state: SearchState;
  /** The nodes' bound scratch. */
  scratch: BoundScratch;
  /** The scratch the bound suffix is summed in; its item lists belong to the latest plan. */
  builder: BoundScratch;
  /** The current plan's static bound sums. */
  suffix: BoundSuffix;
  table: StateTable;
  /** A plan's per-option kinds and per-slot flags (see search-plan.ts), reused by every plan. */
  plan: {
    kinds: Uint8Array;
    mustTake: Uint8Array;
    onlyGroup: Int32Array;
    keys: Float64Array;
    position: Int32Array;
  };
  /** The probe cut's per-depth figures (see SearchRunner.probeCut), grown as needed. */
  probe: Float64Array;
  /** A round's finishing walk's applied options (see SearchRunner.finishFree). */
  applied: Int32Array;
  capacity: { slots: number; fillers: number; barred: number };
}

const spaces = new Map<string, Workspace>();
const table = new StateTable();
/** The model the buffers last served: a new one starts a new evaluation. */
let current: SearchModel | null = null;

export function workspaceFor(model: SearchModel): Workspace {
  const g = model.groups.length;
  const r = model.levelRules.length;
  const shape = `${g}:${r}`;
  let space = spaces.get(shape);
  const need = { slots: model.slots.length, fillers: model.fillers.length, barred: model.barredCount };
  if (
    !space ||
    space.capacity.slots < need.slots ||
    space.capacity.fillers < need.fillers ||
    space.capacity.barred < need.barred
  ) {
    const capacity = {
      slots: Math.max(need.slots, space?.capacity.slots ?? 0, 16),
      fillers: Math.max(need.fillers, space?.capacity.fillers ?? 0, 64),
      barred: Math.max(need.barred, space?.capacity.barred ?? 0, 4),
    };
    space = {
      state: new SearchState(model, capacity),
      scratch: new BoundScratch(g, r, capacity.slots),
      builder: new BoundScratch(g, r, capacity.slots),
      suffix: new BoundSuffix(g, r, capacity.slots, capacity.fillers),
      table,
      plan: {
        kinds: new Uint8Array(0),
        mustTake: new Uint8Array(capacity.slots),
        onlyGroup: new Int32Array(capacity.slots),
        keys: new Float64Array(capacity.slots),
        position: new Int32Array(capacity.slots),
      },
      probe: space?.probe ?? new Float64Array(0),
      applied: space?.applied ?? new Int32Array(0),
      capacity,
    };
    spaces.set(shape, space);
  } else if (space.state.model !== model) {
    space.state.retarget(model);
  }
  if (model !== current) {
    current = model;
    table.release();
  }
  return space;
}
