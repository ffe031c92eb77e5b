import type { Achievement, CatalogueUnit, QualificationDefinition } from '../schemas';
import { isValidOn } from './dates';
import { levelRank } from './levels';
import { compileParts, type ModelParts } from './model-parts';

/**
 * The search model: a definition, a learner and a date flattened into arrays of numbers so the
 * search loops touch no strings or maps.
 */

/** Something that can fill a place: a valid achievement, or a catalogue unit the learner could add. */
export interface Filler {
  urn: string;
  credits: number;
  rank: number;
  /** Credit the learner would still have to achieve: 0 for an achievement, credits for a unit. */
  cost: number;
  /** Index into the input achievements, or -1 for a unit that could be added. */
  achievement: number;
}

export interface Option {
  filler: number;
  group: number;
}

/** One listed URN: it is filled at most once, whichever groups list it (rule 2). */
export interface Slot {
  urn: string;
  groups: number[];
  /** Groups with `all: true` listing this URN; more than one makes the definition unsatisfiable. */
  allGroups: number[];
  options: Option[];
  barred: number[];
}

export interface GroupModel {
  id: string;
  all: boolean;
  size: number;
  minCredits: number;
  maxCredits: number;
  minUnits: number;
  maxUnits: number;
  urns: string[];
}

export interface SearchModel {
  slots: Slot[];
  fillers: Filler[];
  groups: GroupModel[];
  minCredits: number;
  levelRules: { rank: number; credits: number }[];
  /** The rules' level strings, for the output. */
  levelRuleLevels: string[];
  barredCount: number;
}

export interface ModelInput {
  qualification: QualificationDefinition;
  units: readonly CatalogueUnit[];
  achievements: readonly Achievement[];
  on: string;
}

/**
 * The model for one learner. `parts` (the qualification's share, see model-parts.ts) may come
 * from a compiled qualification; it is computed here otherwise.
 */
export function buildModel(
  input: ModelInput,
  parts: ModelParts = compileParts(input.qualification, input.units),
): SearchModel {
  const fillers = buildFillers(input, parts);
  const fillersByUrn = new Map<string, number[]>();
  for (const [i, f] of fillers.entries()) {
    const list = fillersByUrn.get(f.urn);
    if (list) list.push(i);
    else fillersByUrn.set(f.urn, [i]);
  }
  const slots = parts.slots.map((shape): Slot => {
    const fillerIds = [...new Set(shape.eligible.flatMap((u) => fillersByUrn.get(u) ?? []))];
    return {
      urn: shape.urn,
      groups: shape.groups,
      allGroups: shape.allGroups,
      options: orderOptions(fillers, fillerIds, shape.urn).flatMap((f) =>
        shape.groups.map((group) => ({ filler: f, group })),
      ),
      barred: shape.barred,
    };
  });
  return {
    slots,
    fillers,
    groups: parts.groups,
    minCredits: parts.qualification.minCredits,
    levelRules: parts.levelRules,
    levelRuleLevels: parts.levelRuleLevels,
    barredCount: parts.barredCount,
  };
}

/**
 * Valid achievements first, then a catalogue unit for each listed URN the learner has not validly
 * achieved (an expired achievement may be taken again).
 */
function buildFillers(input: ModelInput, parts: ModelParts): Filler[] {
  const months = input.qualification.creditValidityMonths;
  const fillers: Filler[] = [];
  const achieved = new Set<string>();
  input.achievements.forEach((a, i) => {
    if (!isValidOn(a.achievedOn, input.on, months)) return;
    achieved.add(a.urn);
    fillers.push({ urn: a.urn, credits: a.credits, rank: levelRank(a.level), cost: 0, achievement: i });
  });
  for (const urn of parts.listed) {
    const unit = parts.catalogue.get(urn);
    if (!unit || achieved.has(urn)) continue;
    fillers.push({
      urn,
      credits: unit.credits,
      rank: levelRank(unit.level),
      cost: unit.credits,
      achievement: -1,
    });
  }
  return fillers;
}

/**
 * Achievements before units, larger credit first (finds high-credit assignments early); the slot's
 * own unit before an equivalent's, so including a unit is tried at its own place first.
 */
function orderOptions(fillers: Filler[], ids: number[], urn: string): number[] {
  const key = (id: number) => fillers[id] as Filler;
  return ids.sort((a, b) => {
    const fa = key(a);
    const fb = key(b);
    if ((fa.cost === 0) !== (fb.cost === 0)) return fa.cost === 0 ? -1 : 1;
    if (fa.cost > 0 && (fa.urn === urn) !== (fb.urn === urn)) return fa.urn === urn ? -1 : 1;
    return fb.credits - fa.credits || a - b;
  });
}
