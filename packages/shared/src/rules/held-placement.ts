import { freshInt32 } from './fresh';
import type { Option, SearchModel, Slot } from './model';
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
  const choice = freshInt32(slots.length).fill(-1);
  if (seen.length < fillers.length) seen = new Uint8Array(fillers.length * 2);
  seen.fill(0, 0, fillers.length);
  // Per group: 0 room not yet checked, 1 room for all, 2 not (it depends on the group alone).
  if (room.length < groups.length) room = new Uint8Array(groups.length * 2);
  room.fill(0, 0, groups.length);
  // Only the slots the learner's achievements can fill have options that cost nothing.
  const held = model.heldSlots;
  for (let k = 0; k < held.length; k++) {
    const s = held[k] as number;
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
      if (capped && room[o.group] === 0) room[o.group] = roomForAll(model, allowed, o.group) ? 1 : 2;
      if (capped && room[o.group] === 2) return null;
      choice[s] = i;
    }
  }
  return choice;
}

/** heldPlacement's scratch: fillers already placed; each group's room (see there). */
let seen = new Uint8Array(64);
let room = new Uint8Array(8);
let inGroup = new Uint8Array(64);

/** Every filler the mask allows with an option in group g fits under its maxima at once. */
function roomForAll(model: SearchModel, allowed: Uint8Array, g: number): boolean {
  const group = model.groups[g];
  if (!group) return false;
  if (inGroup.length < model.fillers.length) inGroup = new Uint8Array(model.fillers.length * 2);
  inGroup.fill(0, 0, model.fillers.length);
  let credits = 0;
  let units = 0;
  for (let s = 0; s < model.slots.length; s++) {
    const options = (model.slots[s] as Slot).options;
    for (let i = 0; i < options.length; i++) {
      const o = options[i] as Option;
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
  for (let s = 0; s < choice.length; s++) {
    const i = choice[s] ?? -1;
    const o = i >= 0 ? model.slots[s]?.options[i] : undefined;
    total += o ? (model.fillers[o.filler]?.credits ?? 0) : 0;
  }
  return { choice, total, cost: 0, count: 0 };
}

/** Whether the choice satisfies the qualification, by the search state's own test. */
export function satisfiesWith(model: SearchModel, choice: Int32Array): boolean {
  const st = workspaceFor(model).state;
  for (let s = 0; s < choice.length; s++) {
    const i = choice[s] ?? -1;
    if (i >= 0) st.apply(s, i, 1);
  }
  const ok = st.satisfies();
  for (let s = 0; s < choice.length; s++) {
    const i = choice[s] ?? -1;
    if (i >= 0) st.apply(s, i, -1);
  }
  return ok;
}
