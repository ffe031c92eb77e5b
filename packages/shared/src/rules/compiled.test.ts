import fc from 'fast-check';
import { randomSmallCase } from '../../bench/random-case';
import type { Achievement, EvaluationInput } from '../schemas';
import fixture from './__fixtures__/level2-diploma-business-admin.json';
import { compileQualification, evaluateCompiled } from './compiled';
import { evaluate } from './evaluate';

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
});
