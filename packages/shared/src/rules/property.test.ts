import fc from 'fast-check';
import { compareRoutes, oracleBest, oracleEvaluate } from '../../bench/oracle';
import { randomSmallCase, type SmallCase } from '../../bench/random-case';
import type { Achievement } from '../schemas';
import { isValidOn } from './dates';
import { evaluate, evaluateDetailed } from './evaluate';

/** Checks a returned assignment against rules 1–4 directly from the definition. */
function expectValidAssignment(
  c: SmallCase,
  placements: { group: string; listedUrn: string; achievement: number }[],
) {
  const q = c.qualification;
  const achievements = placements.map((p) => p.achievement);
  expect(new Set(achievements).size).toBe(achievements.length); // rule 1
  const urns = placements.map((p) => p.listedUrn);
  expect(new Set(urns).size).toBe(urns.length); // rule 2
  for (const set of q.barred ?? []) expect(urns.filter((u) => set.includes(u)).length).toBeLessThanOrEqual(1); // rule 3
  for (const g of q.groups) {
    const mine = placements.filter((p) => p.group === g.id);
    const credits = mine.reduce((s, p) => s + (c.achievements[p.achievement] as Achievement).credits, 0);
    expect(credits).toBeLessThanOrEqual(g.maxCredits ?? Infinity); // rule 4
    expect(mine.length).toBeLessThanOrEqual(g.maxUnits ?? Infinity);
    for (const p of mine) {
      const a = c.achievements[p.achievement] as Achievement;
      expect(g.units).toContain(p.listedUrn);
      expect([p.listedUrn, ...(q.equivalents?.[p.listedUrn] ?? [])]).toContain(a.urn);
    }
  }
}

function asAchievements(c: SmallCase, urns: string[]): Achievement[] {
  return urns.map((urn): Achievement => {
    const u = c.units.find((x) => x.urn === urn);
    return { urn, credits: u?.credits ?? 0, level: u?.level ?? '1', achievedOn: c.on, basis: 'credit' };
  });
}

const validAchievements = (c: SmallCase) =>
  c.achievements.filter((a) => isValidOn(a.achievedOn, c.on, c.qualification.creditValidityMonths));

const caseArb = fc.integer({ min: 1, max: 2 ** 31 - 1 }).map((seed) => {
  let a = seed;
  return randomSmallCase(() => {
    a = (a * 1103515245 + 12345) % 2147483648;
    return a / 2147483648;
  });
});

describe('evaluate against the brute-force oracle', () => {
  it('agrees on achieved, countedCredits, additionalCreditsNeeded and routes, with valid assignments', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const expected = oracleEvaluate(c);
        const { result, placements } = evaluateDetailed({ ...c, routes: 3 });
        expect(result.achieved).toBe(expected.achieved);
        expect(result.reachable).toBe(expected.reachable);
        if (result.achieved || !result.reachable) expect(result.countedCredits).toBe(expected.countedCredits);
        else {
          // Closest: the most counted alongside one of the cheapest routes' units, minus those units.
          const possible = expected.routes
            .filter((r) => r.additionalCredits === expected.additionalCreditsNeeded)
            .map((r) => {
              const best = oracleBest(
                c.qualification,
                [...validAchievements(c), ...asAchievements(c, r.addUnits)],
                true,
              );
              return (best ?? 0) - r.additionalCredits;
            });
          expect(possible).toContain(result.countedCredits);
        }
        expect(result.additionalCreditsNeeded).toBe(expected.additionalCreditsNeeded);
        expectValidAssignment(c, placements);
        // The k least credits are unique; which of several equal-credit sets are listed is the
        // engine's choice, but each must be one of the oracle's inclusion-minimal sets.
        const values = (rs: { addUnits: string[]; additionalCredits: number }[]) =>
          rs.map((r) => r.additionalCredits);
        expect(values(result.routes)).toEqual(values(expected.routes.slice(0, 3)));
        for (const r of result.routes) expect(expected.routes).toContainEqual(r);
        const first = result.routes[0];
        if (first) {
          expect(first.additionalCredits).toBe(result.additionalCreditsNeeded);
          const added = asAchievements(c, first.addUnits);
          expect(evaluate({ ...c, achievements: [...c.achievements, ...added] }).achieved).toBe(true);
        }
        result.routes.forEach((r, i) => {
          const next = result.routes[i + 1];
          if (next)
            expect(
              compareRoutes(r.addUnits, r.additionalCredits, next.addUnits, next.additionalCredits),
            ).toBeLessThan(0);
          for (const other of result.routes) {
            if (other !== r) expect(r.addUnits.every((u) => other.addUnits.includes(u))).toBe(false);
          }
        });
      }),
      { numRuns: 600 },
    );
  });
});
