import type {
  CatalogueImportSummary,
  CatalogueQualificationDetail,
  CatalogueQualificationSummary,
  CatalogueUnitDetail,
  CatalogueUnitView,
} from '@lar/shared/api';

export const QUALIFICATION_ID = 'q-500-9466-x';
const awardingOrganisation = { name: 'Example Awarding Body', code: '10054321' };

export function aUnit(urn: string, overrides: Partial<CatalogueUnitView> = {}): CatalogueUnitView {
  return {
    id: `u-${urn.replaceAll('/', '-')}`,
    urn,
    title: `Unit ${urn}`,
    level: '2',
    credits: 5,
    awardingOrganisation,
    ...overrides,
  };
}

export function aQualificationSummary(
  n: number,
  overrides: Partial<CatalogueQualificationSummary> = {},
): CatalogueQualificationSummary {
  return {
    id: `q${n}`,
    qan: '500/9466/X',
    title: 'Level 2 Diploma in Business Administration',
    level: '2',
    minCredits: 45,
    currentVersion: 2,
    awardingOrganisation,
    ...overrides,
  };
}

/** The definition of docs/rules-of-combination.md, with a few more rules; one URN has no catalogue entry. */
export const qualificationDetail: CatalogueQualificationDetail = {
  ...aQualificationSummary(0, { id: QUALIFICATION_ID }),
  rules: {
    qan: '500/9466/X',
    title: 'Level 2 Diploma in Business Administration',
    level: '2',
    minCredits: 45,
    minCreditsAtOrAboveLevel: [
      { level: '2', credits: 36 },
      { level: 'E3', credits: 40 },
    ],
    groups: [
      { id: 'M', title: 'Mandatory units', all: true, units: ['A/100/0001', 'A/100/0002'] },
      { id: 'A', title: 'Optional group A', minCredits: 14, units: ['A/100/0101', 'A/100/0102'] },
      { id: 'B', title: 'Optional group B', maxCredits: 10, units: ['A/100/0201'] },
      {
        id: 'C',
        minUnits: 2,
        minCredits: 4,
        maxCredits: 12,
        units: ['A/100/0301', 'A/100/0302', 'A/100/0303'],
      },
      { id: 'D', title: 'Extras', minUnits: 1, maxUnits: 1, units: ['A/100/0401'] },
    ],
    barred: [['A/100/0102', 'A/100/0201']],
    equivalents: { 'A/100/0002': ['B/200/0002'] },
    creditValidityMonths: 60,
  },
  units: [
    aUnit('A/100/0001', { title: 'Manage own performance', credits: 3 }),
    aUnit('A/100/0002', { title: 'Communicate in a business environment', credits: 4, level: '3' }),
    aUnit('A/100/0101', { title: 'Handle mail', credits: 8 }),
    aUnit('A/100/0102', { title: 'Store information', credits: 6 }),
    aUnit('A/100/0201', { title: 'Use office equipment', credits: 4, level: '1' }),
    aUnit('A/100/0301', { title: 'Plan an event', credits: 2 }),
    aUnit('A/100/0302', { title: 'Book travel', credits: 2 }),
    aUnit('A/100/0303', { title: 'Take minutes', credits: 3, level: 'E3' }),
    aUnit('B/200/0002', { title: 'Business communication', credits: 4, level: '3' }),
  ],
  versions: [
    { version: 1, createdAt: '2026-03-02T10:00:00.000Z' },
    { version: 2, createdAt: '2026-11-28T09:05:00.000Z' },
  ],
};

export const unitDetail: CatalogueUnitDetail = {
  ...aUnit('A/100/0002', { title: 'Communicate in a business environment', credits: 4, level: '3' }),
  qualifications: [
    {
      id: QUALIFICATION_ID,
      qan: '500/9466/X',
      title: 'Level 2 Diploma in Business Administration',
      viaEquivalent: false,
    },
    { id: 'q-600', qan: '600/3538/9', title: 'Level 3 Certificate in Office Practice', viaEquivalent: true },
  ],
};

export function anImportSummary(overrides: Partial<CatalogueImportSummary> = {}): CatalogueImportSummary {
  return {
    importId: 'imp-1',
    alreadyImported: false,
    awardingOrganisation,
    units: { created: 3, updated: 1, unchanged: 2 },
    qualifications: { created: 1, newVersion: 1, unchanged: 0 },
    warnings: ['qualifications[0].qan: the check digit should be 6, not 7'],
    ...overrides,
  };
}
