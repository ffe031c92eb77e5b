import type { Achievement, QualificationDefinition } from '../schemas';
import { RocTooComplexError } from './errors';
import { evaluate } from './evaluate';
import { achieved, unit } from './test-helpers';

/** Either an exact answer or RocTooComplexError, and never much more than the 1 s budget. */
function answersOrGivesUp(
  def: QualificationDefinition,
  achievements: Achievement[],
  units: ReturnType<typeof unit>[],
) {
  const started = Date.now();
  try {
    const r = evaluate({ qualification: def, units, achievements, on: '2026-06-01' });
    expect(typeof r.achieved).toBe('boolean');
  } catch (e) {
    expect(e).toBeInstanceOf(RocTooComplexError);
    expect((e as Error).message).toMatch(/^qualification too complex to evaluate exactly: /);
  }
  expect(Date.now() - started).toBeLessThan(2500);
}

const urn = (i: number) =>
  `P/${String(100 + Math.floor(i / 1000)).padStart(3, '0')}/${String(i % 1000).padStart(4, '0')}`;

describe('pathological definitions', () => {
  it('200 units in many overlapping groups', () => {
    const urns = Array.from({ length: 200 }, (_, i) => urn(i));
    const units = urns.map((u, i) => unit(u, 1 + ((i * 7) % 9)));
    const groups = Array.from({ length: 12 }, (_, g) => ({
      id: `G${g}`,
      minCredits: 15 + g,
      maxCredits: 40,
      units: urns.filter((_, i) => (i + g) % 3 !== 0),
    }));
    const def: QualificationDefinition = {
      qan: '500/9466/X',
      title: 'Hard',
      level: '3',
      minCredits: 300,
      groups,
    };
    const learner = urns.filter((_, i) => i % 2 === 0).map((u, i) => achieved(u, 1 + ((i * 5) % 9)));
    answersOrGivesUp(def, learner, units);
  });

  it('huge barred sets', () => {
    const urns = Array.from({ length: 120 }, (_, i) => urn(i));
    const units = urns.map((u, i) => unit(u, 1 + (i % 6)));
    const barred = Array.from({ length: 60 }, (_, b) => urns.filter((_, i) => (i * 7 + b) % 5 === 0));
    const def: QualificationDefinition = {
      qan: '500/9466/X',
      title: 'Hard',
      level: '3',
      minCredits: 90,
      groups: [
        { id: 'A', minCredits: 45, units: urns.slice(0, 80) },
        { id: 'B', minCredits: 30, units: urns.slice(40) },
      ],
      barred,
    };
    answersOrGivesUp(
      def,
      urns.slice(0, 30).map((u) => achieved(u, 3)),
      units,
    );
  });
});
