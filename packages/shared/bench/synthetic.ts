/**
 * Deterministic synthetic catalogue for the benchmark: units, qualifications shaped like published
 * QCF rules of combination (a mandatory group, optional groups with credit minimums and caps,
 * barred pairs, superseded-unit equivalents, a level rule), and learners whose records cluster
 * around one or two qualifications as real records do.
 */
import { seededRandom } from '../src/identifiers/uln';
import type { Achievement, CatalogueUnit, Level, QualificationDefinition } from '../src/schemas';

export interface Synthetic {
  units: CatalogueUnit[];
  qualifications: QualificationDefinition[];
  learners: Achievement[][];
}

const LEVELS: Level[] = ['E3', '1', '2', '3', '4'];

export function urnOf(i: number): string {
  const letter = String.fromCharCode(65 + (i % 26));
  const n = Math.floor(i / 26);
  return `${letter}/${String(100 + Math.floor(n / 10000)).padStart(3, '0')}/${String(n % 10000).padStart(4, '0')}`;
}

export function makeRandom(seed: number) {
  const rand = seededRandom(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  return { rand, int, pick };
}

export function makeUnits(count: number, seed: number): CatalogueUnit[] {
  const { int, pick } = makeRandom(seed);
  return Array.from({ length: count }, (_, i) => ({
    urn: urnOf(i),
    title: `Synthetic unit ${i}`,
    level: pick(LEVELS),
    credits: pick([1, 2, 2, 3, 3, 3, 4, 4, 5, 6, 8, 10]) + int(0, 1),
  }));
}

/** One qualification over `size` distinct units; minimums are set so every unit-complete record passes. */
export function makeQualification(
  units: CatalogueUnit[],
  size: number,
  seed: number,
  index = 0,
): QualificationDefinition {
  const { rand, int, pick } = makeRandom(seed);
  const chosen = new Set<number>();
  const base = int(0, units.length - 1);
  // Units of one qualification sit near each other in the catalogue, as one awarding body's do.
  while (chosen.size < size) chosen.add((base + int(0, size * 4)) % units.length);
  const listed = [...chosen].map((i) => units[i] as CatalogueUnit);
  const groupCount = Math.min(int(1, 6), listed.length);
  const groups: QualificationDefinition['groups'] = [];
  let minCredits = 0;
  let offset = 0;
  for (let g = 0; g < groupCount; g++) {
    const remaining = listed.length - offset;
    const take =
      g === groupCount - 1 ? remaining : Math.max(1, Math.floor(remaining / (groupCount - g)) + int(-1, 1));
    const members = listed.slice(offset, offset + take);
    offset += members.length;
    if (members.length === 0) continue;
    const credit = members.reduce((s, u) => s + u.credits, 0);
    const group: QualificationDefinition['groups'][number] = {
      id: String.fromCharCode(77 + g),
      units: members.map((u) => u.urn),
    };
    if (g === 0 && rand() < 0.8 && members.length <= 10) {
      group.all = true;
      minCredits += credit;
    } else if (rand() < 0.6) {
      group.minCredits = Math.max(1, Math.floor(credit * (0.2 + rand() * 0.4)));
      minCredits += group.minCredits;
    } else {
      group.maxCredits = Math.max(4, Math.floor(credit * (0.3 + rand() * 0.3)));
      minCredits += Math.floor(group.maxCredits / 2);
    }
    // A group listing a unit of the previous group too, as overlapping optional groups do.
    if (g > 0 && rand() < 0.3)
      group.units.push(listed[offset - members.length - 1]?.urn ?? (members[0] as CatalogueUnit).urn);
    groups.push(group);
  }
  const q: QualificationDefinition = {
    qan: `${500 + (index % 400)}/${String(index % 10000).padStart(4, '0')}/X`,
    title: `Synthetic qualification ${index}`,
    level: pick(['1', '2', '3']),
    minCredits,
    groups,
  };
  const optional = groups.filter((g) => !g.all).flatMap((g) => g.units);
  if (optional.length >= 4 && rand() < 0.5) {
    q.barred = Array.from({ length: int(1, 3) }, () => [pick(optional), pick(optional)]).filter(
      ([a, b]) => a !== b,
    );
  }
  if (rand() < 0.4) {
    q.equivalents = Object.fromEntries(
      Array.from({ length: int(1, 3) }, () => [pick(listed).urn, [urnOf(int(0, units.length - 1))]]),
    );
  }
  if (rand() < 0.6) q.minCreditsAtOrAboveLevel = [{ level: q.level, credits: Math.floor(minCredits * 0.6) }];
  if (rand() < 0.2) q.creditValidityMonths = pick([36, 60, 120]);
  return q;
}

export function makeSynthetic(opts: {
  units: number;
  qualifications: number;
  learners: number;
  seed: number;
}): Synthetic {
  const units = makeUnits(opts.units, opts.seed);
  const { rand, int, pick } = makeRandom(opts.seed + 1);
  const qualifications = Array.from({ length: opts.qualifications }, (_, i) =>
    makeQualification(units, int(4, 80), opts.seed * 7919 + i, i),
  );
  const byUrn = new Map(units.map((u) => [u.urn, u]));
  const learners = Array.from({ length: opts.learners }, () => {
    const size = int(0, 40);
    const targets = [pick(qualifications), pick(qualifications)];
    const achieved = new Set<string>();
    while (achieved.size < size) {
      const from = rand() < 0.85 ? pick(targets.slice(0, rand() < 0.7 ? 1 : 2)) : null;
      achieved.add(from ? pick(pick(from.groups).units) : pick(units).urn);
      if (achieved.size >= 200) break;
    }
    return [...achieved].map((urn): Achievement => {
      const u = byUrn.get(urn) as CatalogueUnit;
      const year = 2018 + int(0, 8);
      return {
        urn,
        credits: u.credits,
        level: u.level,
        achievedOn: `${year}-${String(int(1, 12)).padStart(2, '0')}-15`,
        basis: rand() < 0.95 ? 'credit' : 'exemption',
      };
    });
  });
  return { units, qualifications, learners };
}

/**
 * The rules benchmark's world (`roc.bench.ts`, `roc-snapshot.ts`): the synthetic catalogue and
 * learners of seed 42, each qualification's own catalogue entries (as the API loads them, not the
 * whole catalogue), and every learner×qualification pair that shares a unit, learner by learner.
 */
export function benchmarkWorld(seed = 42) {
  const syn = makeSynthetic({ units: 20_000, qualifications: 2_000, learners: 10_000, seed });
  const byUrn = new Map(syn.units.map((u) => [u.urn, u]));
  const qualUnits = syn.qualifications.map((q) =>
    [...new Set(q.groups.flatMap((g) => g.units))].flatMap((u) => byUrn.get(u) ?? []),
  );
  const qualsByUrn = new Map<string, number[]>();
  syn.qualifications.forEach((q, i) => {
    for (const u of new Set(q.groups.flatMap((g) => g.units)))
      qualsByUrn.set(u, [...(qualsByUrn.get(u) ?? []), i]);
  });
  const pairs: [learner: number, qualification: number][] = [];
  syn.learners.forEach((learner, li) => {
    for (const qi of new Set(learner.flatMap((a) => qualsByUrn.get(a.urn) ?? []))) pairs.push([li, qi]);
  });
  return { syn, byUrn, qualUnits, pairs };
}
