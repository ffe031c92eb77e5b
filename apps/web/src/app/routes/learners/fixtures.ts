import type { CentreLearner, ImportReportRow, LearnerImport } from '@lar/shared/api';

export const IMPORT_ID = '7f6d1c2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f';

export function anImport(overrides: Partial<LearnerImport> = {}): LearnerImport {
  return {
    id: IMPORT_ID,
    fileName: 'autumn-intake.csv',
    status: 'COMPLETED',
    totalRows: 4,
    processedRows: 4,
    counts: { created: 2, registered: 1, alreadyRegistered: 0, rejected: 1, createdWithoutEmail: 1 },
    uploadedBy: 'Grace Hopper',
    createdAt: '2026-11-28T09:05:00.000Z',
    completedAt: '2026-11-28T09:06:00.000Z',
    error: null,
    ...overrides,
  };
}

export const reportRows: ImportReportRow[] = [
  {
    row: 2,
    uln: '9276308686',
    givenName: 'Priya',
    familyName: 'Shah',
    dateOfBirth: '2004-03-14',
    email: 'priya@example.org',
    outcome: 'created',
    message: 'Learner created; emailed their password.',
    activationCode: null,
  },
  {
    row: 3,
    uln: '4812305178',
    givenName: 'Ffion',
    familyName: 'Jones',
    dateOfBirth: '1998-07-21',
    email: null,
    outcome: 'created',
    message: 'Learner created without an email address: activation code K7QP-2MXD.',
    activationCode: 'K7QP-2MXD',
  },
  {
    row: 4,
    uln: '1000000043',
    givenName: 'Tom',
    familyName: 'Okafor',
    dateOfBirth: '2006-11-02',
    email: 'tom@example.org',
    outcome: 'registered',
    message: 'Learner already on LAR; now registered with your centre.',
    activationCode: null,
  },
  {
    row: 5,
    uln: '1234567890',
    givenName: 'Ada',
    familyName: 'Byron',
    dateOfBirth: '2090-01-01',
    email: 'ada@example.org',
    outcome: 'rejected',
    message: 'ULN: check digit should be 3, not 0; DateOfBirth: must not be in the future',
    activationCode: null,
  },
];

export function aLearner(n: number, overrides: Partial<CentreLearner> = {}): CentreLearner {
  return {
    id: `l${n}`,
    uln: '9276308686',
    givenName: 'Priya',
    familyName: 'Shah',
    dateOfBirth: '2004-03-14',
    email: 'priya@example.org',
    registeredAt: '2026-11-28T09:06:00.000Z',
    activated: false,
    ...overrides,
  };
}
