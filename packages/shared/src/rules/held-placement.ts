import type { SearchModel } from './model';
import type { Solution } from './search';
import { workspaceFor } from './workspace';

/**
 * A fast exact path for the maximising searches ("achieved?" and the assignment shown). Suppose
 * each of the learner's achievements that can fill a place has exactly one place it can fill (one
 * slot, one group), that slot has no other option and no barred set, its credit is positive, and
 * the group's maxima admit every filler the mask allows there. Take any assignment in which such
 * an achievement f is not counted: its slot is empty (f is its only option), so adding f there
 * breaks no rule (1: f is used nowhere else; 2: the slot is empty; 3: no barred set; 4: room by
 * assumption), keeps every minimum that was met, and counts more. So every assignment counting the
 * most credit — satisfying or not — counts all of them, each in its one place, and the search's
 * answer shows exactly that (the report shows the learner's achievements only; which units to add
 * fill the rest does not change it). Returns that choice per slot, or null when the premise fails.
 * `held-placement.test.ts` compares it with the search on random cases.
 */
export function heldPlacement(model: SearchModel, allowed: Uint8Array): Int32Array | null {
  if (model.allClash) return null;
  const { slots, fillers, groups } = model;
  const choice = new Int32Array(slots.length).fill(-1);
  const seen = new Uint8Array(fillers.length);
  for (let s = 0; s < slots.length; s++) {
    const slot = slots[s];
    if (!slot) continue;
    for (let i = 0; i < slot.options.length; i++) {
      const o = slot.options[i];
      const f = o && fillers[o.filler];
      if (!o || f?.cost !== 0) continue;
      if (seen[o.filler] === 1 || slot.options.length !== 1 || slot.barred.length > 0 || f.credits <= 0) {
        return null;
      }
      seen[o.filler] = 1;
      const group = groups[o.group];
      const capped = group !== undefined && (group.maxCredits < Infinity || group.maxUnits < Infinity);
      if (capped && !roomForAll(model, allowed, o.group)) return null;
      choice[s] = i;
    }
  }
  return choice;
}

/** Every filler the mask allows with an option in group g fits under its maxima at once. */
function roomForAll(model: SearchModel, allowed: Uint8Array, g: number): boolean {
  const group = model.groups[g];
  if (!group) return false;
  const inGroup = new Uint8Array(model.fillers.length);
  let credits = 0;
  let units = 0;
  for (const slot of model.slots) {
    for (const o of slot.options) {
      if (o.group !== g || allowed[o.filler] === 0 || inGroup[o.filler] === 1) continue;
      inGroup[o.filler] = 1;
      credits += model.fillers[o.filler]?.credits ?? 0;
      units++;
    }
  }
  return credits <= group.maxCredits && units <= group.maxUnits;
}

/** The choice as a search solution, for the report. */
export function asSolution(model: SearchModel, choice: Int32Array): Solution {
  let total = 0;
  choice.forEach((i, s) => {
    const o = i >= 0 ? model.slots[s]?.options[i] : undefined;
    total += o ? (model.fillers[o.filler]?.credits ?? 0) : 0;
  });
  return { choice, total, cost: 0, count: 0 };
}

/** Whether the choice satisfies the qualification, by the search state's own test. */
export function satisfiesWith(model: SearchModel, choice: Int32Array): boolean {
  const st = workspaceFor(model).state;
  choice.forEach((i, s) => {
    if (i >= 0) st.apply(s, i, 1);
  });
  const ok = st.satisfies();
  choice.forEach((i, s) => {
    if (i >= 0) st.apply(s, i, -1);
  });
  return ok;
}
