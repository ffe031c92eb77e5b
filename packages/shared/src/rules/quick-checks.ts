import type { Option, SearchModel } from './model';

/**
 * A necessary condition for the learner's own achievements (cost-0 fillers) to satisfy the
 * qualification, checked before the "achieved?" search. Each counted achievement fills one place
 * and counts once, so no assignment can count more in a group, in total or at a level than the
 * credit of all the achievements that could fill a place there; an `all` group needs a place-filling
 * achievement for each of its URNs. When this fails the search would return null, so it is skipped
 * (its root bound usually fails the same way, but building the search costs far more than this).
 * Most learners compared with a qualification hold a unit or two of it, so this is the common case.
 */
export function ownCouldSatisfy(model: SearchModel): boolean {
  const { groups, fillers, slots, levelRules } = model;
  if (model.allClash) return false;
  const groupCredit = new Float64Array(groups.length);
  const groupUnits = new Float64Array(groups.length);
  const counted = new Uint8Array(fillers.length);
  const levelCredit = new Float64Array(levelRules.length);
  // seen[g] = 1 + index of the last slot counted as a unit in group g.
  const seen = new Int32Array(groups.length);
  let total = 0;
  for (let s = 0; s < slots.length; s++) {
    const slot = slots[s];
    if (!slot) continue;
    let fills = false;
    const options = slot.options;
    for (let i = 0; i < options.length; i++) {
      const o = options[i] as Option;
      const f = fillers[o.filler];
      if (f?.cost !== 0) continue;
      fills = true;
      groupCredit[o.group] = (groupCredit[o.group] ?? 0) + f.credits;
      if (seen[o.group] !== s + 1) groupUnits[o.group] = (groupUnits[o.group] ?? 0) + 1;
      seen[o.group] = s + 1;
      if (counted[o.filler] === 1) continue;
      counted[o.filler] = 1;
      total += f.credits;
      for (let r = 0; r < levelRules.length; r++) {
        if (f.rank >= (levelRules[r]?.rank ?? 0)) levelCredit[r] = (levelCredit[r] ?? 0) + f.credits;
      }
    }
    if (!fills && slot.allGroups.length > 0) return false;
  }
  if (total < model.minCredits) return false;
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g];
    if (!group) continue;
    if ((groupCredit[g] ?? 0) < group.minCredits || (groupUnits[g] ?? 0) < group.minUnits) return false;
  }
  for (let r = 0; r < levelRules.length; r++) {
    if ((levelCredit[r] ?? 0) < (levelRules[r] as { credits: number }).credits) return false;
  }
  return true;
}
