import { evaluate } from './evaluate';
import { achieved, qualification, unit } from './test-helpers';

const ON = '2026-06-01';
const units = ['A/100/0001', 'A/100/0002', 'A/100/0003', 'A/100/0004'].map((u) => unit(u, 4));

describe('Semantics (docs/rules-of-combination.md): results', () => {
  it('is exact where a greedy pass is not: U1→A, U2→B satisfies both (contract example)', () => {
    const q = qualification([
      { id: 'A', minCredits: 4, units: ['A/100/0001', 'A/100/0002'] },
      { id: 'B', minCredits: 4, units: ['A/100/0002'] },
    ]);
    const r = evaluate({
      qualification: q,
      units,
      achievements: [achieved('A/100/0002', 4), achieved('A/100/0001', 4)],
      on: ON,
    });
    expect(r.achieved).toBe(true);
    expect(r.groups.map((g) => g.assigned)).toEqual([['A/100/0001'], ['A/100/0002']]);
  });

  it('when achieved, reports the satisfying assignment that counts the most credit', () => {
    const q = qualification([
      { id: 'A', minCredits: 4, units: ['A/100/0001', 'A/100/0002'] },
      { id: 'B', maxCredits: 5, units: ['A/100/0002', 'A/100/0003'] },
    ]);
    const r = evaluate({
      qualification: q,
      units,
      achievements: [achieved('A/100/0001', 4), achieved('A/100/0002', 5), achieved('A/100/0003', 3)],
      on: ON,
    });
    expect(r.achieved).toBe(true);
    // 0001 and 0002 → A (9), 0003 → B (3) counts 12; 0002 → B instead would leave 0003 out (9).
    expect(r.countedCredits).toBe(12);
  });

  it('both credit and exemption achievements fill places and count their credits', () => {
    const q = qualification([{ id: 'M', all: true, units: ['A/100/0001', 'A/100/0002'] }], { minCredits: 8 });
    const r = evaluate({
      qualification: q,
      units,
      achievements: [achieved('A/100/0001', 4), achieved('A/100/0002', 4, { basis: 'exemption' })],
      on: ON,
    });
    expect(r).toMatchObject({ achieved: true, countedCredits: 8 });
  });

  it('additionalCreditsNeeded is the least credit of listed catalogue units the learner has not achieved', () => {
    const q = qualification([{ id: 'A', minCredits: 6, units: ['A/100/0001', 'A/100/0002', 'A/100/0003'] }]);
    const cat = [unit('A/100/0001', 2), unit('A/100/0002', 5), unit('A/100/0003', 3)];
    const r = evaluate({ qualification: q, units: cat, achievements: [achieved('A/100/0001', 2)], on: ON });
    // 0003 (3) would bring the group to 5 of 6, so the cheapest addition is 0002 (5).
    expect(r).toMatchObject({ achieved: false, reachable: true, additionalCreditsNeeded: 5 });
    expect(r.routes).toEqual([{ addUnits: ['A/100/0002'], additionalCredits: 5 }]);
  });

  it('a unit whose achievement is no longer valid may be taken again', () => {
    const q = qualification([{ id: 'M', all: true, units: ['A/100/0001'] }], { creditValidityMonths: 12 });
    const r = evaluate({
      qualification: q,
      units,
      achievements: [achieved('A/100/0001', 4, { on: '2020-01-01' })],
      on: ON,
    });
    expect(r).toMatchObject({ achieved: false, reachable: true, additionalCreditsNeeded: 4 });
    expect(r.routes).toEqual([{ addUnits: ['A/100/0001'], additionalCredits: 4 }]);
    expect(r.unused).toEqual(['A/100/0001']);
  });

  it('additionalCreditsNeeded is null and reachable false when no set of units achieves it', () => {
    const q = qualification([{ id: 'A', minCredits: 20, units: ['A/100/0001', 'A/100/0002'] }]);
    const r = evaluate({ qualification: q, units, achievements: [], on: ON });
    expect(r).toMatchObject({ achieved: false, reachable: false, additionalCreditsNeeded: null, routes: [] });
  });

  it('reports the assignment that comes closest, so each group shows what it still needs', () => {
    const q = qualification([
      { id: 'M', all: true, units: ['A/100/0001', 'A/100/0002'] },
      { id: 'A', minCredits: 4, units: ['A/100/0003', 'A/100/0004'] },
    ]);
    const r = evaluate({ qualification: q, units, achievements: [achieved('A/100/0001', 4)], on: ON });
    expect(r.countedCredits).toBe(4);
    expect(r.additionalCreditsNeeded).toBe(8);
    expect(r.groups).toEqual([
      { id: 'M', assigned: ['A/100/0001'], credits: 4, units: 1, satisfied: false, missing: ['A/100/0002'] },
      {
        id: 'A',
        assigned: [],
        credits: 0,
        units: 0,
        satisfied: false,
        missing: ['A/100/0003', 'A/100/0004'],
      },
    ]);
  });

  it('routes: up to `routes` sets, sorted by credit, units, URNs; the first equals additionalCreditsNeeded; none a superset of another', () => {
    const cat = [unit('A/100/0001', 2), unit('A/100/0002', 2), unit('A/100/0003', 4), unit('A/100/0004', 1)];
    const q = qualification([{ id: 'A', minCredits: 4, units: cat.map((u) => u.urn) }]);
    const r = evaluate({ qualification: q, units: cat, achievements: [], on: ON, routes: 5 });
    expect(r.additionalCreditsNeeded).toBe(4);
    // {0003, 0004} and {0001, 0002, 0004} also achieve it but are supersets of listed routes.
    expect(r.routes).toEqual([
      { addUnits: ['A/100/0003'], additionalCredits: 4 },
      { addUnits: ['A/100/0001', 'A/100/0002'], additionalCredits: 4 },
    ]);
  });

  it('routes: lists no more than asked for', () => {
    const cat = [unit('A/100/0001', 2), unit('A/100/0002', 2), unit('A/100/0003', 4)];
    const q = qualification([{ id: 'A', minCredits: 2, units: cat.map((u) => u.urn) }]);
    const r = evaluate({ qualification: q, units: cat, achievements: [], on: ON, routes: 2 });
    expect(r.routes).toEqual([
      { addUnits: ['A/100/0001'], additionalCredits: 2 },
      { addUnits: ['A/100/0002'], additionalCredits: 2 },
    ]);
  });

  it('unused lists achieved URNs that count nowhere', () => {
    const q = qualification([{ id: 'A', units: ['A/100/0001'] }], { minCredits: 4 });
    const r = evaluate({
      qualification: q,
      units,
      achievements: [achieved('A/100/0001', 4), achieved('C/300/0001', 2)],
      on: ON,
    });
    expect(r.unused).toEqual(['C/300/0001']);
  });

  it('prints the output fields in the contract order', () => {
    const q = qualification([{ id: 'A', units: ['A/100/0001'] }]);
    const r = evaluate({ qualification: q, units, achievements: [], on: ON });
    expect(Object.keys(r)).toEqual([
      'qan',
      'achieved',
      'reachable',
      'countedCredits',
      'requiredCredits',
      'additionalCreditsNeeded',
      'levelRules',
      'groups',
      'unused',
      'routes',
    ]);
  });
});
