import type { CatalogueUnit, QualificationDefinition } from '../schemas';
import { levelRank } from './levels';
import type { GroupModel } from './model';

/** A listed URN's place in the definition, before any learner is known. */
export interface SlotShape {
  urn: string;
  groups: number[];
  allGroups: number[];
  /** The URN and its equivalents: achievements of these fill the place. */
  eligible: string[];
  barred: number[];
}

/**
 * Everything in the search model that depends on the qualification and its catalogue entries
 * only. Computed once per qualification (see `compileQualification`), so evaluating many learners
 * against one qualification only adds each learner's fillers.
 */
export interface ModelParts {
  qualification: QualificationDefinition;
  groups: GroupModel[];
  /** Distinct listed URNs, sorted: the search decides slots in this order. */
  listed: string[];
  slots: SlotShape[];
  catalogue: ReadonlyMap<string, CatalogueUnit>;
  /** Every URN whose achievement could fill some place (listed URNs and their equivalents). */
  placeUrns: ReadonlySet<string>;
  levelRules: { rank: number; credits: number }[];
  levelRuleLevels: string[];
  barredCount: number;
}

export function compileParts(q: QualificationDefinition, units: readonly CatalogueUnit[]): ModelParts {
  const groups = q.groups.map(toGroupModel);
  const listed = [...new Set(groups.flatMap((g) => g.urns))].sort();
  const barred = (q.barred ?? []).map((set) => new Set(set));
  const slots = listed.map((urn): SlotShape => {
    const inGroups = groups.flatMap((g, i) => (g.urns.includes(urn) ? [i] : []));
    return {
      urn,
      groups: inGroups,
      allGroups: inGroups.filter((g) => groups[g]?.all),
      eligible: [urn, ...(q.equivalents?.[urn] ?? [])],
      barred: barred.flatMap((set, i) => (set.has(urn) ? [i] : [])),
    };
  });
  return {
    qualification: q,
    groups,
    listed,
    slots,
    catalogue: new Map(units.map((u) => [u.urn, u])),
    placeUrns: new Set(slots.flatMap((s) => s.eligible)),
    levelRules: (q.minCreditsAtOrAboveLevel ?? []).map((r) => ({
      rank: levelRank(r.level),
      credits: r.credits,
    })),
    levelRuleLevels: (q.minCreditsAtOrAboveLevel ?? []).map((r) => r.level),
    barredCount: barred.length,
  };
}

function toGroupModel(g: QualificationDefinition['groups'][number]): GroupModel {
  const urns = [...new Set(g.units)];
  return {
    id: g.id,
    all: g.all === true,
    size: urns.length,
    minCredits: g.minCredits ?? 0,
    maxCredits: g.maxCredits ?? Number.POSITIVE_INFINITY,
    minUnits: g.minUnits ?? 0,
    maxUnits: g.maxUnits ?? Number.POSITIVE_INFINITY,
    urns,
  };
}
