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
  const assigned: { group: number; urn: string; filler: number }[] = [];
  solution?.choice.forEach((optionIndex, s) => {
    const slot = model.slots[s];
    const o = optionIndex >= 0 ? slot?.options[optionIndex] : undefined;
    if (slot && o && model.fillers[o.filler]?.cost === 0) {
      assigned.push({ group: o.group, urn: slot.urn, filler: o.filler });
    }
  });
  const filled = new Set(assigned.map((a) => a.urn));
  const usedBarred = new Set(model.slots.flatMap((slot) => (filled.has(slot.urn) ? slot.barred : [])));
  // A URN barred by one already filled cannot be added, so it is not shown as missing.
  const open = new Set(
    model.slots
      .filter((slot) => !filled.has(slot.urn) && !slot.barred.some((b) => usedBarred.has(b)))
      .map((slot) => slot.urn),
  );
  const fillerOf = (i: number) => model.fillers[i] ?? { urn: '', credits: 0, rank: -1 };
  const counted = assigned.map((a) => fillerOf(a.filler));

  const groups = model.groups.map((g, gi): GroupResult => {
    const mine = assigned.filter((a) => a.group === gi);
    const credits = mine.reduce((sum, a) => sum + fillerOf(a.filler).credits, 0);
    const inGroup = new Set(mine.map((a) => a.urn));
    return {
      id: g.id,
      // In listed order; an equivalent shows the achievement's own URN.
      assigned: g.urns.flatMap((u) => mine.filter((a) => a.urn === u).map((a) => fillerOf(a.filler).urn)),
      credits,
      units: mine.length,
      satisfied: credits >= g.minCredits && mine.length >= g.minUnits && (!g.all || inGroup.size === g.size),
      // `all` groups: every URN not filled in this group; others: URNs that could still be filled.
      missing: g.urns.filter((u) => (g.all ? !inGroup.has(u) : open.has(u))),
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
  const unused = [...new Set(achievements.map((a) => a.urn))]
    .filter((u) => !countedAchievements.has(u))
    .sort();

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
