import fc from 'fast-check';
import { randomSmallCase } from '../../bench/random-case';
import type { Achievement, EvaluationInput } from '../schemas';
import fixture from './__fixtures__/level2-diploma-business-admin.json';
import {
  achievedCompiled,
  compileQualification,
  DECISIONS_KEPT_EACH,
  evaluateCompiled,
  PackedDecisions,
} from './compiled';

/** Records of up to this many fillers in the tests below (only those of one have their decision kept). */
const FEW_FILLERS = 3;

import { evaluate } from './evaluate';
import { buildModel } from './model';
import { lcg, syntheticCase } from './random-models';

const input = fixture as EvaluationInput;

/** Achievements that fill no place: an unlisted URN, and a listed one achieved after the date. */
function irrelevant(urn: string, on: string): Achievement[] {
  return [
    { urn: 'Z/999/9999', credits: 5, level: '2', achievedOn: '2020-01-01', basis: 'credit' },
    {
      urn,
      credits: 3,
      level: '2',
      achievedOn: `${Number(on.slice(0, 4)) + 1}${on.slice(4)}`,
      basis: 'credit',
    },
  ];
}

describe('compileQualification / evaluateCompiled', () => {
  it('gives byte-identical results to evaluate on the worked example', () => {
    const compiled = compileQualification(input.qualification, input.units);
    for (const routes of [0, 1, 3]) {
      const options = { achievements: input.achievements, on: input.on, routes };
      expect(JSON.stringify(evaluateCompiled(compiled, options))).toBe(
        JSON.stringify(evaluate({ ...input, ...options })),
      );
    }
  });

  it('reuses the empty-record answer only where the record cannot matter, with its own `unused`', () => {
    const compiled = compileQualification(input.qualification, input.units);
    const listed = input.qualification.groups[0]?.units[0] ?? '';
    for (const achievements of [[], irrelevant(listed, input.on ?? '2026-06-01'), input.achievements]) {
      for (let repeat = 0; repeat < 2; repeat++) {
        const options = { achievements, on: input.on, routes: 3 };
        const got = evaluateCompiled(compiled, options);
        expect(JSON.stringify(got)).toBe(JSON.stringify(evaluate({ ...input, ...options })));
        got.routes.push({ addUnits: ['mutated'], additionalCredits: 0 }); // must not reach the cache
      }
    }
  });

  it('agrees with evaluate on random small definitions, records and route counts', () => {
    const caseArb = fc
      .tuple(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: 0, max: 4 }))
      .map(([seed, routes]) => {
        let a = seed;
        const c = randomSmallCase(() => {
          a = (a * 1103515245 + 12345) % 2147483648;
          return a / 2147483648;
        });
        return { c, routes, empty: seed % 3 === 0 };
      });
    fc.assert(
      fc.property(caseArb, ({ c, routes, empty }) => {
        const compiled = compileQualification(c.qualification, c.units);
        const listed = c.qualification.groups[0]?.units[0] ?? '';
        const achievements = empty ? irrelevant(listed, c.on) : c.achievements;
        for (const record of [achievements, c.achievements]) {
          const options = { achievements: record, on: c.on, routes };
          expect(JSON.stringify(evaluateCompiled(compiled, options))).toBe(
            JSON.stringify(evaluate({ ...c, ...options })),
          );
        }
      }),
      { numRuns: 300 },
    );
  });

  it("reuses a kept decision only for the same fillers (URN, credit, level, order), with the learner's own report", () => {
    let reused = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.integer({ min: 0, max: 3 }),
        (seed, routes) => {
          const rand = lcg(seed);
          const c = rand() < 0.5 ? syntheticCase(rand) : randomSmallCase(rand);
          const compiled = compileQualification(c.qualification, c.units);
          const listed = [...new Set(c.qualification.groups.flatMap((g) => g.units))];
          const pickOf = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
          // A small pool, so that records repeat: two URNs (listed, or the definition's
          // equivalents), each held with one of two credits and two levels, valid or not on the date.
          const urns = [
            pickOf(listed),
            pickOf([...listed, ...Object.keys(c.qualification.equivalents ?? {})]),
          ];
          const pool: Achievement[] = [];
          for (const urn of urns)
            for (const credits of [2, 5])
              for (const level of ['1', '3'] as const)
                pool.push({ urn, credits, level, achievedOn: '2025-01-15', basis: 'credit' });
          pool.push({
            urn: urns[0] ?? '',
            credits: 2,
            level: '1',
            achievedOn: '2027-01-15',
            basis: 'credit',
          });
          const seen = new Set<string>();
          for (let learner = 0; learner < 12; learner++) {
            const record: Achievement[] = [];
            const n = Math.floor(rand() * (FEW_FILLERS + 1));
            for (let i = 0; i < n; i++) record.push(pickOf(pool));
            // Achievements that fill no place, in random positions: only the report sees them.
            for (let i = Math.floor(rand() * 3); i > 0; i--) {
              const other: Achievement = {
                urn: `Y/${100 + Math.floor(rand() * 5)}/0001`,
                credits: 3,
                level: '2',
                achievedOn: '2024-03-01',
                basis: 'credit',
              };
              record.splice(Math.floor(rand() * (record.length + 1)), 0, other);
            }
            const options = { achievements: record, on: c.on, routes };
            const got = evaluateCompiled(compiled, options);
            expect(JSON.stringify(got)).toBe(JSON.stringify(evaluate({ ...c, ...options })));
            got.routes.push({ addUnits: ['mutated'], additionalCredits: 0 }); // must not reach the cache
            got.routes[0]?.addUnits.push('mutated');
            const model = buildModel({ ...c, achievements: record }, compiled.parts);
            const fillers = model.fillers.slice(compiled.parts.unitFillers.length);
            const key = JSON.stringify(fillers.map((f) => [f.urn, f.credits, f.rank]));
            if (fillers.length === 1 && seen.has(key)) reused++;
            seen.add(key);
          }
          expect(compiled.decisions.size).toBeLessThanOrEqual(DECISIONS_KEPT_EACH);
        },
      ),
      { numRuns: 300 },
    );
    // The comparison means something only if many evaluations reuse a kept decision (one-filler
    // records: 178–206 of the 3,600 in three runs; random, so the bound leaves room).
    expect(reused).toBeGreaterThan(120);
  });
});

describe('achievedCompiled (what claims detection asks)', () => {
  it("gives evaluate's result when the record achieves the qualification, and null when it does not", () => {
    let achieved = 0;
    let short = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const rand = lcg(seed);
        const c = rand() < 0.5 ? syntheticCase(rand) : randomSmallCase(rand);
        const compiled = compileQualification(c.qualification, c.units);
        // The case's own record, and every catalogue unit held (achieved more often than not).
        const everything: Achievement[] = c.units.map((u) => ({
          urn: u.urn,
          credits: u.credits,
          level: u.level,
          achievedOn: '2024-01-01',
          basis: 'credit',
        }));
        for (const achievements of [c.achievements, everything]) {
          const full = evaluate({ ...c, achievements, routes: 0 });
          const got = achievedCompiled(compiled, { achievements, on: c.on });
          if (full.achieved) {
            achieved++;
            expect(JSON.stringify(got)).toBe(JSON.stringify(full));
          } else {
            short++;
            expect(got).toBeNull();
          }
        }
      }),
      { numRuns: 300 },
    );
    expect(achieved).toBeGreaterThan(100);
    expect(short).toBeGreaterThan(100);
  });
});

describe('one-filler records beyond the decisions each qualification keeps', () => {
  it('answer as evaluate does, for many distinct records of one qualification, asked twice', () => {
    const rand = lcg(20261130);
    let c = syntheticCase(rand);
    // A qualification with enough listed units for well over DECISIONS_KEPT_EACH distinct records of
    // one filler (a listed unit at one of nine credits).
    while (new Set(c.qualification.groups.flatMap((g) => g.units)).size < 12) c = syntheticCase(rand);
    const compiled = compileQualification(c.qualification, c.units);
    const listed = [...new Set(c.qualification.groups.flatMap((g) => g.units))];
    const records: Achievement[][] = [];
    for (let i = 0; i < 4 * DECISIONS_KEPT_EACH; i++) {
      const record: Achievement[] = [];
      const urn = listed[Math.floor(rand() * listed.length)] ?? '';
      const credits = 1 + Math.floor(rand() * 9);
      record.push({ urn, credits, level: '2', achievedOn: '2025-01-15', basis: 'credit' });
      records.push(record);
    }
    for (const round of [1, 2]) {
      for (const achievements of records) {
        const options = { achievements, on: c.on, routes: round - 1 };
        expect(JSON.stringify(evaluateCompiled(compiled, options))).toBe(
          JSON.stringify(evaluate({ ...c, ...options })),
        );
      }
      for (const achievements of records) {
        const options = { achievements, on: c.on, routes: round - 1 };
        expect(JSON.stringify(evaluateCompiled(compiled, options))).toBe(
          JSON.stringify(evaluate({ ...c, ...options })),
        );
      }
    }
    // With no routes every one is kept (packed); with routes, the first DECISIONS_KEPT_EACH.
    expect(compiled.single.size).toBeGreaterThan(DECISIONS_KEPT_EACH);
    expect(compiled.decisions.size).toBe(DECISIONS_KEPT_EACH);
  });
});

describe('decisions for records of one filler (PackedDecisions)', () => {
  it('give back what was kept, in every shape a decision with no routes takes', () => {
    const packed = new PackedDecisions(8);
    const shapes = [
      { achieved: true, reachable: true, additional: 0, routes: [], shown: [3, 1] },
      { achieved: false, reachable: true, additional: 42, routes: [], shown: [] },
      { achieved: false, reachable: false, additional: null, routes: [], shown: null },
      { achieved: false, reachable: true, additional: 7, routes: [], shown: [0, 0] },
    ];
    shapes.forEach((d, i) => {
      expect(packed.set(`k${i}`, d)).toBe(true);
    });
    shapes.forEach((d, i) => {
      expect(packed.get(`k${i}`)).toEqual(d);
    });
    expect(packed.get('other')).toBeUndefined();
    // Not packed: routes, more than one place, or beyond capacity.
    const route = { addUnits: ['A/100/0001'], additionalCredits: 3 };
    expect(packed.set('r', { ...(shapes[1] as (typeof shapes)[1]), routes: [route] })).toBe(false);
    expect(packed.set('two', { ...(shapes[0] as (typeof shapes)[0]), shown: [1, 0, 2, 0] })).toBe(false);
    for (let i = 0; i < 4; i++) expect(packed.set(`more${i}`, shapes[0] as (typeof shapes)[0])).toBe(true);
    expect(packed.set('full', shapes[0] as (typeof shapes)[0])).toBe(false);
    expect(packed.size).toBe(8);
    expect(packed.get('k2')).toEqual(shapes[2]);
  });

  it('answer as evaluate does for every one-filler record of random qualifications, asked twice', () => {
    const rand = lcg(20261201);
    let packedHits = 0;
    for (let q = 0; q < 20; q++) {
      const c = syntheticCase(rand);
      const compiled = compileQualification(c.qualification, c.units);
      const urns = [
        ...new Set(c.qualification.groups.flatMap((g) => g.units)),
        ...Object.keys(c.qualification.equivalents ?? {}),
      ];
      const records: Achievement[][] = [];
      for (const urn of urns)
        for (const credits of [1, 4, 10])
          for (const level of ['E3', '2', '5'] as const)
            records.push([{ urn, credits, level, achievedOn: '2025-01-15', basis: 'credit' }]);
      for (const round of [1, 2]) {
        const before = compiled.single.size;
        for (const achievements of records) {
          const options = { achievements, on: c.on, routes: 0 };
          expect(JSON.stringify(evaluateCompiled(compiled, options))).toBe(
            JSON.stringify(evaluate({ ...c, ...options })),
          );
        }
        if (round === 2) {
          expect(compiled.single.size).toBe(before);
          packedHits += before;
        }
      }
    }
    // Most records fill a place, so most of the second round's answers come packed.
    expect(packedHits).toBeGreaterThan(500);
  });
});
