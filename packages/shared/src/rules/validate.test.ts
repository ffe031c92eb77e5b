import type { QualificationDefinition } from '../schemas';
import { qualification, unit } from './test-helpers';
import { checkQualification } from './validate';

const cat = ['A/100/0001', 'A/100/0002', 'A/100/0003'].map((u) => unit(u, 5));
const ok = () =>
  qualification(
    [
      { id: 'M', all: true, units: ['A/100/0001'] },
      { id: 'A', minCredits: 5, units: ['A/100/0002', 'A/100/0003'] },
    ],
    { minCredits: 10 },
  );

const second = (def: QualificationDefinition) => def.groups[1] as QualificationDefinition['groups'][number];

const errorsOf = (def: unknown, units: unknown[] = cat) => checkQualification(def, units).errors;

describe('checkQualification errors', () => {
  it('accepts a sound definition', () => {
    expect(checkQualification(ok(), cat)).toEqual({ ok: true, errors: [], warnings: [] });
  });

  it('names a malformed QAN', () => {
    expect(errorsOf({ ...ok(), qan: '5009466X' })[0]).toMatch(/^qan: QAN must look like/);
  });

  it('names a malformed URN with its path', () => {
    const def = ok();
    second(def).units[1] = 'A/1/0003';
    expect(errorsOf(def)).toContain(
      'groups[1].units[1]: URN must look like F/601/7513 (L/DDD/DDDD), got "A/1/0003"',
    );
  });

  it('rejects repeated group ids', () => {
    const def = ok();
    second(def).id = 'M';
    expect(errorsOf(def)).toContain('groups[1].id: "M" repeats groups[0].id');
  });

  it('rejects an empty group', () => {
    const def = ok();
    def.groups.push({ id: 'B', units: [] });
    expect(errorsOf(def)).toContain('groups[2].units: a group must list at least one unit');
  });

  it('rejects a listed URN with no catalogue entry', () => {
    const def = ok();
    second(def).units.push('A/100/0009');
    expect(errorsOf(def)).toContain('groups[1].units[2]: A/100/0009 has no catalogue entry');
  });

  it('rejects a min that exceeds its max', () => {
    const def = ok();
    second(def).maxCredits = 4;
    second(def).minUnits = 2;
    second(def).maxUnits = 1;
    expect(errorsOf(def)).toEqual(
      expect.arrayContaining([
        'groups[1].minCredits: 5 exceeds groups[1].maxCredits (4)',
        'groups[1].minUnits: 2 exceeds groups[1].maxUnits (1)',
      ]),
    );
  });

  it('rejects a barred set of fewer than two URNs', () => {
    expect(errorsOf({ ...ok(), barred: [['A/100/0002']] })).toContain(
      'barred[0]: a barred set needs at least two different URNs',
    );
  });

  it('rejects an equivalent that points to itself', () => {
    expect(errorsOf({ ...ok(), equivalents: { 'A/100/0002': ['A/100/0002'] } })).toContain(
      'equivalents["A/100/0002"][0]: a unit cannot be equivalent to itself',
    );
  });

  it('rejects a qualification that cannot be achieved even with every listed unit', () => {
    expect(errorsOf({ ...ok(), minCredits: 16 })).toEqual([
      'qualification: cannot be achieved even with every listed unit',
    ]);
  });

  it('rejects unknown levels, non-positive credits and bad counts (extra checks)', () => {
    const def = {
      ...ok(),
      level: '9',
      minCredits: -1,
      minCreditsAtOrAboveLevel: [{ level: 'E4', credits: 1.5 }],
    };
    expect(errorsOf(def, [{ ...cat[0], credits: 0 }, cat[1], cat[2]])).toEqual(
      expect.arrayContaining([
        'level: unknown level "9" (E1–E3, 1–8)',
        'minCredits: must be a whole number of 0 or more, got -1',
        'minCreditsAtOrAboveLevel[0].level: unknown level "E4"',
        'minCreditsAtOrAboveLevel[0].credits: must be a whole number of 0 or more, got 1.5',
        'units[0].credits: must be a positive whole number, got 0',
      ]),
    );
  });

  it('rejects a unit listed twice in the same group', () => {
    const def = ok();
    second(def).units.push('A/100/0002');
    expect(errorsOf(def)).toContain('groups[1].units[2]: A/100/0002 is listed twice (also units[0])');
  });

  it('rejects a definition that is not an object', () => {
    expect(errorsOf(null)).toEqual(['qualification: must be an object']);
  });
});

describe('checkQualification warnings', () => {
  it('warns when the QAN check digit does not match', () => {
    const r = checkQualification({ ...ok(), qan: '500/9466/1' }, cat);
    expect(r).toMatchObject({ ok: true, warnings: ['qan: QAN check digit should be X, not 1'] });
  });

  it('warns when minCredits does not fit the size word in the title', () => {
    const r = checkQualification({ ...ok(), title: 'Level 2 Diploma in Testing' }, cat);
    expect(r.warnings).toEqual(['minCredits: 10 does not fit "Diploma" in the title (37 or more credits)']);
    expect(r.ok).toBe(true);
  });

  it('warns about barred or equivalent URNs no group lists', () => {
    const r = checkQualification(
      { ...ok(), barred: [['A/100/0002', 'A/100/0008']], equivalents: { 'A/100/0007': ['B/200/0001'] } },
      cat,
    );
    expect(r.warnings).toEqual([
      'barred[0][1]: A/100/0008 is not listed in any group',
      'equivalents["A/100/0007"]: A/100/0007 is not listed in any group',
    ]);
  });
});
