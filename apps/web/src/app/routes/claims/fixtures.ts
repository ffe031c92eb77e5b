import type { ClaimView } from '@lar/shared/api';

export const CLAIM_ID = '3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b';

export function aClaim(overrides: Partial<ClaimView> = {}): ClaimView {
  return {
    id: CLAIM_ID,
    status: 'POSSIBLE',
    learner: { id: 'l1', uln: '9276308686', name: 'Priya Shah' },
    centre: { name: 'Harbour College', code: '10012345' },
    qualification: {
      id: 'q1',
      qan: '600/1234/5',
      title: 'Level 2 Award in Harbour Logistics',
      level: '2',
      version: 2,
      awardingOrganisation: 'Example Awarding Body',
    },
    unitsUsed: [
      {
        group: 'M',
        title: 'Mandatory units',
        units: [{ urn: 'F/601/7513', title: 'Load a cargo vessel safely', credits: 4 }],
      },
      {
        group: 'O',
        title: 'Optional units',
        units: [
          { urn: 'H/601/7514', title: 'Plan a delivery route', credits: 3 },
          { urn: 'J/601/7515', title: 'Record stock movements', credits: 3 },
        ],
      },
    ],
    countedCredits: 10,
    evaluatedAt: '2026-11-28T09:05:00.000Z',
    submittedAt: null,
    decidedAt: null,
    reason: null,
    ...overrides,
  };
}
