import type { RecordProgressItem } from '@lar/shared/api';
import { evaluate } from '@lar/shared/rules';
import type { Achievement, CatalogueUnit, EvaluationResult } from '@lar/shared/schemas';

/**
 * The units a learner could tick in the what-if view: those the qualification's rules list that are not
 * among the learner's achievements, in the rules' order, each once, with a catalogue entry (its credit
 * and level are needed to evaluate it).
 */
export function unitsToTry(item: RecordProgressItem, achievements: readonly Achievement[]): CatalogueUnit[] {
  const held = new Set(achievements.map((achievement) => achievement.urn));
  const byUrn = new Map(item.units.map((unit) => [unit.urn, unit]));
  const seen = new Set<string>();
  const result: CatalogueUnit[] = [];
  for (const group of item.rules.groups) {
    for (const urn of group.units) {
      const unit = byUrn.get(urn);
      if (seen.has(urn) || held.has(urn) || !unit) continue;
      seen.add(urn);
      result.push(unit);
    }
  }
  return result;
}

/** Held units that stand in for a listed one (`equivalents`), so the what-if list can say so. */
export function heldEquivalent(
  item: RecordProgressItem,
  achievements: readonly Achievement[],
  urn: string,
): string | undefined {
  const held = new Set(achievements.map((achievement) => achievement.urn));
  return item.rules.equivalents?.[urn]?.find((other) => held.has(other));
}

/**
 * The evaluation with the ticked units added as achievements on the evaluation date (basis credit,
 * credit and level from the catalogue), with exactly the rules, units, achievements and date the
 * server used: with nothing ticked it is the server's own evaluation.
 */
export function whatIfEvaluation(
  item: RecordProgressItem,
  achievements: readonly Achievement[],
  ticked: readonly string[],
): EvaluationResult {
  const byUrn = new Map(item.units.map((unit) => [unit.urn, unit]));
  const extra: Achievement[] = ticked.flatMap((urn) => {
    const unit = byUrn.get(urn);
    return unit
      ? [
          {
            urn: unit.urn,
            credits: unit.credits,
            level: unit.level,
            achievedOn: item.on,
            basis: 'credit' as const,
          },
        ]
      : [];
  });
  return evaluate({
    qualification: item.rules,
    units: item.units,
    achievements: [...achievements, ...extra],
    on: item.on,
    routes: 3,
  });
}
