import { evaluate, evaluateDetailed } from './evaluate';
import { achieved, qualification, unit } from './test-helpers';

const ON = '2026-06-01';
const units = ['A/100/0001', 'A/100/0002', 'A/100/0003', 'A/100/0004'].map((u) => unit(u, 4));

describe('Semantics (docs/rules-of-combination.md): places and assignments', () => {
  it('an achievement can fill a place if its URN is the listed URN or is an equivalent of it; assigned shows its own URN', () => {
    const q = qualification([{ id: 'M', all: true, units: ['A/100/0001'] }], {
      equivalents: { 'A/100/0001': ['B/200/0001'] },
    });
    const r = evaluate({ qualification: q, units, achievements: [achieved('B/200/0001', 4)], on: ON });
    expect(r.achieved).toBe(true);
    expect(r.groups[0]?.assigned).toEqual(['B/200/0001']);
  });

  it('an achievement counts only if achieved on or before the evaluation date', () => {
    const q = qualification([{ id: 'M', all: true, units: ['A/100/0001'] }]);
    const later = evaluate({
      qualification: q,
      units,
      achievements: [achieved('A/100/0001', 4, { on: '2026-06-02' })],
      on: ON,
    });
    const sameDay = evaluate({
      qualification: q,
      units,
      achievements: [achieved('A/100/0001', 4, { on: ON })],
      on: ON,
    });
    expect(later.achieved).toBe(false);
    expect(sameDay.achieved).toBe(true);
  });

  it('with creditValidityMonths an achievement counts from the same day that many months before', () => {
    const q = qualification([{ id: 'M', all: true, units: ['A/100/0001'] }], { creditValidityMonths: 12 });
    const at = (on: string) =>
      evaluate({ qualification: q, units, achievements: [achieved('A/100/0001', 4, { on })], on: ON })
        .achieved;
    expect(at('2025-06-01')).toBe(true);
    expect(at('2025-05-31')).toBe(false);
  });

  it('uses the last day of the month where the same day does not exist', () => {
    const q = qualification([{ id: 'M', all: true, units: ['A/100/0001'] }], { creditValidityMonths: 6 });
    const at = (on: string) =>
      evaluate({
        qualification: q,
        units,
        achievements: [achieved('A/100/0001', 4, { on })],
        on: '2026-08-31',
      }).achieved;
    expect(at('2026-02-28')).toBe(true);
    expect(at('2026-02-27')).toBe(false);
  });

  it('rule 1: each achievement fills at most one place', () => {
    // B/200/0001 is an equivalent of both listed URNs; one achievement cannot fill both.
    const q = qualification([{ id: 'M', all: true, units: ['A/100/0001', 'A/100/0002'] }], {
      equivalents: { 'A/100/0001': ['B/200/0001'], 'A/100/0002': ['B/200/0001'] },
    });
    const one = evaluate({ qualification: q, units, achievements: [achieved('B/200/0001', 4)], on: ON });
    const two = evaluate({
      qualification: q,
      units,
      achievements: [achieved('B/200/0001', 4), achieved('B/200/0001', 4)],
      on: ON,
    });
    expect(one.achieved).toBe(false);
    expect(two.achieved).toBe(true);
  });

  it('rule 2: each listed URN is filled at most once, whichever groups list it (duplicates count once)', () => {
    const q = qualification([
      { id: 'A', minCredits: 4, units: ['A/100/0001'] },
      { id: 'B', minCredits: 4, units: ['A/100/0001'] },
    ]);
    const r = evaluate({
      qualification: q,
      units,
      achievements: [achieved('A/100/0001', 4), achieved('A/100/0001', 4, { on: '2026-02-01' })],
      on: ON,
    });
    expect(r.achieved).toBe(false);
    expect(r.reachable).toBe(false);
    expect(r.countedCredits).toBe(4);
  });

  it('rule 3: from each barred set at most one listed URN is filled', () => {
    const q = qualification([{ id: 'A', minCredits: 8, units: ['A/100/0001', 'A/100/0002', 'A/100/0003'] }], {
      barred: [['A/100/0001', 'A/100/0002']],
    });
    const r = evaluate({
      qualification: q,
      units,
      achievements: [achieved('A/100/0001', 4), achieved('A/100/0002', 4)],
      on: ON,
    });
    expect(r.achieved).toBe(false);
    expect(r.countedCredits).toBe(4);
    expect(r.additionalCreditsNeeded).toBe(4);
    expect(r.routes).toEqual([{ addUnits: ['A/100/0003'], additionalCredits: 4 }]);
  });

  it('rule 4: credit beyond a group maximum does not count; the unit is simply not assigned there', () => {
    const q = qualification([{ id: 'B', maxCredits: 6, units: ['A/100/0001', 'A/100/0002'] }], {
      minCredits: 1,
    });
    const { result, placements } = evaluateDetailed({
      qualification: q,
      units,
      achievements: [achieved('A/100/0001', 4), achieved('A/100/0002', 4)],
      on: ON,
    });
    expect(result.groups[0]?.credits).toBe(4);
    expect(placements).toHaveLength(1);
    expect(result.unused).toHaveLength(1);
  });

  it('rule 4: the number of units stays within maxUnits', () => {
    const q = qualification([{ id: 'B', maxUnits: 1, units: ['A/100/0001', 'A/100/0002'] }], {
      minCredits: 8,
    });
    const r = evaluate({
      qualification: q,
      units,
      achievements: [achieved('A/100/0001', 4), achieved('A/100/0002', 4)],
      on: ON,
    });
    expect(r.achieved).toBe(false);
    expect(r.groups[0]?.units).toBe(1);
  });

  it('satisfies only when every all group has all its listed URNs filled in that group', () => {
    const q = qualification([{ id: 'M', all: true, units: ['A/100/0001', 'A/100/0002'] }]);
    const r = evaluate({ qualification: q, units, achievements: [achieved('A/100/0001', 4)], on: ON });
    expect(r.achieved).toBe(false);
    expect(r.groups[0]).toMatchObject({ satisfied: false, missing: ['A/100/0002'] });
  });

  it('satisfies only when every group reaches its minCredits and minUnits', () => {
    const q = qualification([
      { id: 'A', minCredits: 5, minUnits: 2, units: ['A/100/0001', 'A/100/0002', 'A/100/0003'] },
    ]);
    const one = evaluate({ qualification: q, units, achievements: [achieved('A/100/0001', 6)], on: ON });
    const two = evaluate({
      qualification: q,
      units,
      achievements: [achieved('A/100/0001', 6), achieved('A/100/0002', 1)],
      on: ON,
    });
    expect(one.achieved).toBe(false);
    expect(two.achieved).toBe(true);
  });

  it('satisfies only when the counted total reaches minCredits', () => {
    const q = qualification([{ id: 'A', units: ['A/100/0001', 'A/100/0002'] }], { minCredits: 8 });
    expect(
      evaluate({ qualification: q, units, achievements: [achieved('A/100/0001', 4)], on: ON }).achieved,
    ).toBe(false);
    expect(
      evaluate({
        qualification: q,
        units,
        achievements: [achieved('A/100/0001', 4), achieved('A/100/0002', 4)],
        on: ON,
      }).achieved,
    ).toBe(true);
  });

  it('"at or above level 2" includes 2…8 and excludes the Entry levels and 1', () => {
    const q = qualification([{ id: 'A', units: ['A/100/0001', 'A/100/0002', 'A/100/0003', 'A/100/0004'] }], {
      minCreditsAtOrAboveLevel: [{ level: '2', credits: 8 }],
    });
    const r = evaluate({
      qualification: q,
      units,
      achievements: [
        achieved('A/100/0001', 4, { level: '1' }),
        achieved('A/100/0002', 4, { level: 'E3' }),
        achieved('A/100/0003', 4, { level: '2' }),
        achieved('A/100/0004', 4, { level: '8' }),
      ],
      on: ON,
    });
    expect(r.levelRules).toEqual([{ level: '2', required: 8, counted: 8 }]);
    expect(r.achieved).toBe(true);
  });
});
