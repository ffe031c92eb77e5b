import type { EvaluationInput } from '../schemas';
import fixture from './__fixtures__/level2-diploma-business-admin.json';
import { evaluate } from './evaluate';
import { checkQualification } from './validate';

// A copy of /work/shared/fixtures/roc/, so clones of the repository do not depend on that path.
const input = fixture as EvaluationInput;

describe('worked example: Level 2 Diploma in Business Administration', () => {
  const result = evaluate(input);

  it('is not achieved on 2026-06-01', () => {
    expect(result).toMatchObject({
      qan: '500/9466/X',
      achieved: false,
      reachable: true,
      requiredCredits: 45,
    });
  });

  it('needs 2 more credits, with routes [F/100/0106] (2), [F/100/0104] (3), [F/100/0108] (3)', () => {
    expect(result.additionalCreditsNeeded).toBe(2);
    expect(result.routes).toEqual([
      { addUnits: ['F/100/0106'], additionalCredits: 2 },
      { addUnits: ['F/100/0104'], additionalCredits: 3 },
      { addUnits: ['F/100/0108'], additionalCredits: 3 },
    ]);
  });

  it('completes the mandatory group, one place filled by an equivalent unit', () => {
    expect(result.groups[0]).toMatchObject({ id: 'M', credits: 21, satisfied: true, missing: [] });
    expect(result.groups[0]?.assigned).toContain('T/500/0002');
  });

  it('counts at most 13 credits in group A because two of its units are barred together', () => {
    expect(result.groups[1]).toMatchObject({ id: 'A', credits: 13, satisfied: false });
    expect(result.unused).toEqual(['F/100/0105']);
  });

  it('passes the definition checks', () => {
    expect(checkQualification(input.qualification, input.units)).toEqual({
      ok: true,
      errors: [],
      warnings: [],
    });
  });
});
