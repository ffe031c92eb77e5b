import type { Achievement, EvaluationResult, GroupResult, LevelRuleResult } from '../schemas';
import type { SearchModel } from './model';
import type { Solution } from './search';

/** Which achievement fills which place: the detail behind `groups[].assigned`. */
export interface Placement {
  group: string;
  listedUrn: string;
  /** Index into the evaluated achievements. */
  achievement: number;
}

/**
 * Turns a search solution into the contract's output fields. Units the learner would still have to
 * add are left out, so the groups show what is achieved now and what each group still needs.
 */
export function describeAssignment(
  model: SearchModel,
  solution: Solution | null,
  achievements: readonly Achievement[],
): Pick<EvaluationResult, 'countedCredits' | 'levelRules' | 'groups' | 'unused'> & {
  placements: Placement[];
} {
  // Per slot: the group its achievement counts in (-1: none counted there) and that filler.
  const slots = model.slots;
  const groupOf = new Int32Array(slots.length).fill(-1);
  const fillerAt = new Int32Array(slots.length);
  const assigned: { group: number; urn: string; filler: number }[] = [];
  solution?.choice.forEach((optionIndex, s) => {
    const slot = slots[s];
    const o = optionIndex >= 0 ? slot?.options[optionIndex] : undefined;
    if (slot && o && model.fillers[o.filler]?.cost === 0) {
      assigned.push({ group: o.group, urn: slot.urn, filler: o.filler });
      groupOf[s] = o.group;
      fillerAt[s] = o.filler;
    }
  });
  const usedBarred = new Uint8Array(model.barredCount);
  slots.forEach((slot, s) => {
    if (groupOf[s] !== -1) for (const b of slot.barred) usedBarred[b] = 1;
  });
  // A URN barred by one already filled cannot be added, so it is not shown as missing.
  const open = slots.map((slot, s) => groupOf[s] === -1 && !slot.barred.some((b) => usedBarred[b] === 1));
  const fillerOf = (i: number) => model.fillers[i] ?? { urn: '', credits: 0, rank: -1 };
  const counted = assigned.map((a) => fillerOf(a.filler));

  const groups = model.groups.map((g, gi): GroupResult => {
    const shown: string[] = [];
    const missing: string[] = [];
    let credits = 0;
    // g.urns in listed order, as slot indexes: each slot is filled at most once.
    for (const s of model.groupSlots[gi] ?? []) {
      if (groupOf[s] === gi) {
        // An equivalent shows the achievement's own URN.
        const f = fillerOf(fillerAt[s] ?? -1);
        shown.push(f.urn);
        credits += f.credits;
      } else if (g.all || open[s]) {
        // `all` groups: every URN not filled in this group; others: URNs that could still be filled.
        missing.push(slots[s]?.urn ?? '');
      }
    }
    return {
      id: g.id,
      assigned: shown,
      credits,
      units: shown.length,
      satisfied: credits >= g.minCredits && shown.length >= g.minUnits && (!g.all || shown.length === g.size),
      missing,
    };
  });

  const levelRules = model.levelRules.map(
    (r, i): LevelRuleResult => ({
      level: levelOfRule(model, i),
      required: r.credits,
      counted: counted.reduce((sum, f) => sum + (f.rank >= r.rank ? f.credits : 0), 0),
    }),
  );

  const countedAchievements = new Set(counted.map((f) => f.urn));
  // Distinct URNs in sorted order: sorted, then equal neighbours skipped.
  const urns = achievements.map((a) => a.urn).sort();
  const unused: string[] = [];
  urns.forEach((u, i) => {
    if (u !== urns[i - 1] && !countedAchievements.has(u)) unused.push(u);
  });

  return {
    countedCredits: counted.reduce((sum, f) => sum + f.credits, 0),
    levelRules,
    groups,
    unused,
    placements: assigned.map((a) => ({
      group: model.groups[a.group]?.id ?? '',
      listedUrn: a.urn,
      achievement: (model.fillers[a.filler] as { achievement: number }).achievement,
    })),
  };
}

function levelOfRule(model: SearchModel, i: number): LevelRuleResult['level'] {
  return (model.levelRuleLevels[i] ?? '1') as LevelRuleResult['level'];
}
