/**
 * Random small definitions and learners for the property test and the oracle comparison in the
 * benchmark: few enough listed URNs (≤ 7) that the brute-force oracle stays quick.
 */
import type { Achievement, CatalogueUnit, Level, QualificationDefinition } from '../src/schemas';

export interface SmallCase {
  qualification: QualificationDefinition;
  units: CatalogueUnit[];
  achievements: Achievement[];
  on: string;
}

const LEVEL_POOL: Level[] = ['E3', '1', '2', '3'];

/** `rand` returns floats in [0, 1); any seeded source keeps cases reproducible. */
export function randomSmallCase(rand: () => number): SmallCase {
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const chance = (p: number) => rand() < p;
  const pool = Array.from({ length: int(2, 7) }, (_, i) => `A/100/000${i}`);
  const others = ['B/200/0001', 'B/200/0002'];
  const groups = Array.from({ length: int(1, 3) }, (_, gi) => {
    const units = pool.filter(() => chance(0.5));
    if (units.length === 0) units.push(pick(pool));
    const g: QualificationDefinition['groups'][number] = { id: `G${gi}`, units };
    if (chance(0.25)) g.all = true;
    if (chance(0.5)) g.minCredits = int(0, 8);
    if (chance(0.3)) g.maxCredits = int(2, 10);
    if (chance(0.2)) g.minUnits = int(0, 2);
    if (chance(0.2)) g.maxUnits = int(1, 3);
    return g;
  });
  const listed = [...new Set(groups.flatMap((g) => g.units))];
  const qualification: QualificationDefinition = {
    qan: '500/9466/X',
    title: 'Random qualification',
    level: '2',
    minCredits: int(0, 14),
    groups,
  };
  if (chance(0.4)) qualification.barred = [listed.filter(() => chance(0.5)).concat(pick(listed))];
  if (chance(0.4)) qualification.equivalents = { [pick(listed)]: [pick([...others, ...pool])] };
  if (chance(0.3))
    qualification.minCreditsAtOrAboveLevel = [{ level: pick(LEVEL_POOL), credits: int(1, 10) }];
  if (chance(0.3)) qualification.creditValidityMonths = int(1, 24);
  const units = [...pool, ...others]
    .filter(() => chance(0.9))
    .map((urn): CatalogueUnit => ({ urn, title: urn, level: pick(LEVEL_POOL), credits: int(1, 6) }));
  const achievements = Array.from(
    { length: int(0, 5) },
    (): Achievement => ({
      urn: pick([...pool, ...others]),
      credits: int(1, 6),
      level: pick(LEVEL_POOL),
      achievedOn: pick(['2024-01-31', '2025-06-30', '2026-02-28', '2026-05-31', '2026-07-01']),
      basis: chance(0.8) ? 'credit' : 'exemption',
    }),
  );
  return { qualification, units, achievements, on: '2026-06-01' };
}
