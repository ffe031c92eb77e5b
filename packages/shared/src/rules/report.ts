import type { Achievement, EvaluationResult, GroupResult, LevelRuleResult } from '../schemas';
import type { GroupModel, SearchModel, Slot } from './model';
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
  const fillers = model.fillers;
  const n = slots.length;
  if (groupOf.length < n) {
    groupOf = new Int32Array(n * 2);
    fillerAt = new Int32Array(n * 2);
  }
  groupOf.fill(-1, 0, n);
  if (usedBarred.length < model.barredCount) usedBarred = new Uint8Array(model.barredCount * 2);
  usedBarred.fill(0, 0, model.barredCount);
  const rules = model.levelRules;
  const levelCounted = new Array<number>(rules.length).fill(0);
  let countedCredits = 0;
  const placements: Placement[] = [];
  // The achievements counted, in slot order; a few, so an array serves as the set.
  const countedUrns: string[] = [];
  const choice = solution?.choice;
  if (choice) {
    for (let s = 0; s < choice.length; s++) {
      const optionIndex = choice[s] ?? -1;
      const slot = slots[s];
      const o = optionIndex >= 0 ? slot?.options[optionIndex] : undefined;
      const f = o ? fillers[o.filler] : undefined;
      if (!slot || !o || !f || f.cost !== 0) continue;
      groupOf[s] = o.group;
      fillerAt[s] = o.filler;
      for (let i = 0; i < slot.barred.length; i++) usedBarred[slot.barred[i] as number] = 1;
      countedCredits += f.credits;
      for (let r = 0; r < rules.length; r++) {
        if (f.rank >= (rules[r]?.rank ?? 0)) levelCounted[r] = (levelCounted[r] ?? 0) + f.credits;
      }
      countedUrns.push(f.urn);
      placements.push({
        group: model.groups[o.group]?.id ?? '',
        listedUrn: slot.urn,
        achievement: f.achievement,
      });
    }
  }

  const groups: GroupResult[] = [];
  for (let gi = 0; gi < model.groups.length; gi++) {
    const g = model.groups[gi] as GroupModel;
    const shown: string[] = [];
    const missing: string[] = [];
    let credits = 0;
    // g.urns in listed order, as slot indexes: each slot is filled at most once.
    const inGroup = model.groupSlots[gi] as number[];
    for (let i = 0; i < inGroup.length; i++) {
      const s = inGroup[i] as number;
      if (groupOf[s] === gi) {
        // An equivalent shows the achievement's own URN.
        const f = fillers[fillerAt[s] ?? -1];
        shown.push(f?.urn ?? '');
        credits += f?.credits ?? 0;
      } else if (g.all || (groupOf[s] === -1 && !barredBy(slots[s]))) {
        // `all` groups: every URN not filled in this group; others: URNs that could still be filled
        // (a URN barred by one already filled cannot be added, so it is not shown as missing).
        missing.push(slots[s]?.urn ?? '');
      }
    }
    groups.push({
      id: g.id,
      assigned: shown,
      credits,
      units: shown.length,
      satisfied: credits >= g.minCredits && shown.length >= g.minUnits && (!g.all || shown.length === g.size),
      missing,
    });
  }

  const levelRules: LevelRuleResult[] = [];
  for (let i = 0; i < rules.length; i++) {
    levelRules.push({
      level: levelOfRule(model, i),
      required: rules[i]?.credits ?? 0,
      counted: levelCounted[i] ?? 0,
    });
  }

  // Distinct URNs in sorted order: sorted, then equal neighbours skipped.
  const urns: string[] = [];
  for (let i = 0; i < achievements.length; i++) urns.push((achievements[i] as Achievement).urn);
  urns.sort();
  const unused: string[] = [];
  for (let i = 0; i < urns.length; i++) {
    const u = urns[i] as string;
    if (u !== urns[i - 1] && !countedUrns.includes(u)) unused.push(u);
  }

  return { countedCredits, levelRules, groups, unused, placements };
}

/** describeAssignment's scratch, grown as needed (it runs once per evaluation, never nested). */
let groupOf = new Int32Array(64);
let fillerAt = new Int32Array(64);
let usedBarred = new Uint8Array(8);

/** Some barred set of the slot has a filled URN (usedBarred as describeAssignment marked it). */
function barredBy(slot: Slot | undefined): boolean {
  if (!slot) return false;
  for (let i = 0; i < slot.barred.length; i++) if (usedBarred[slot.barred[i] as number] === 1) return true;
  return false;
}

function levelOfRule(model: SearchModel, i: number): LevelRuleResult['level'] {
  return (model.levelRuleLevels[i] ?? '1') as LevelRuleResult['level'];
}
