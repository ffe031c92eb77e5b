import type { TemplateData } from './index';

/**
 * Realistic data for every template: the tests start from it, and it renders previews for reading
 * the emails as a recipient would. 28 November 2026 is GMT; a summer date checks British Summer Time.
 */
const claims = [
  ['Amelia Khan', '4829301756', 'Level 2 Certificate in Business Administration', '600/1234/5'],
  ['Oliver Brown', '9301847265', 'Level 2 Certificate in Business Administration', '600/1234/5'],
  ['Oliver Brown', '9301847265', 'Level 1 Award in Customer Service', '600/4411/2'],
] as const;

export const samples: TemplateData = {
  'account-approved': {
    recipientName: 'Sam Patel',
    organisationName: 'Northgate College',
    userId: 'NGC00417',
    password: 'tK7-qm4-Wz9',
  },
  'learner-welcome': {
    givenName: 'Amelia',
    uln: '4829301756',
    password: 'hR3-vb8-Lp2',
    centreName: 'Northgate College',
  },
  'import-report': {
    recipientName: 'Sam Patel',
    centreName: 'Northgate College',
    importId: 'imp_01JD8Z6X',
    fileName: 'autumn-intake.csv',
    uploadedAt: new Date('2026-11-28T14:05:00Z'),
    counts: { created: 35, registered: 3, alreadyRegistered: 4, rejected: 2 },
    createdWithoutEmail: 1,
    rejectedRows: [
      { row: 4, reason: 'ULN check digit should be 3, not 7' },
      { row: 19, reason: 'DateOfBirth must be YYYY-MM-DD or DD/MM/YYYY, got 31/02/2009' },
    ],
  },
  'possible-claims-digest': {
    recipientName: 'Sam Patel',
    centreName: 'Northgate College',
    claims: claims.map(([learnerName, uln, qualificationTitle, qan]) => ({
      learnerName,
      uln,
      qualificationTitle,
      qan,
    })),
  },
  'claim-decision': {
    decision: 'rejected',
    reason: 'Unit evidence for H/502/4567 was not received before the claim was submitted.',
    recipientName: 'Sam Patel',
    centreName: 'Northgate College',
    claimId: 'clm_7731',
    learnerName: 'Oliver Brown',
    uln: '9301847265',
    qualificationTitle: 'Level 1 Award in Customer Service',
    qan: '600/4411/2',
    awardingOrganisationName: 'Midlands Awarding Body',
    decidedAt: new Date('2026-11-27T10:30:00Z'),
  },
  'claim-update': {
    action: 'submitted',
    recipientName: 'Dana Hughes',
    awardingOrganisationName: 'Midlands Awarding Body',
    centreName: 'Northgate College',
    claimId: 'clm_7731',
    learnerName: 'Oliver Brown',
    uln: '9301847265',
    qualificationTitle: 'Level 1 Award in Customer Service',
    qan: '600/4411/2',
    at: new Date('2026-11-26T16:05:00Z'),
  },
  'permission-granted': {
    recipientName: 'Priya Shah',
    organisationName: 'Harbour Logistics Ltd',
    learnerName: 'Amelia Khan',
    uln: '4829301756',
    sections: ['qualifications', 'units'],
    expiresAt: new Date('2027-02-26T23:59:00Z'),
  },
  'record-viewed': {
    givenName: 'Amelia',
    organisationName: 'Harbour Logistics Ltd',
    viewedAt: new Date('2026-07-01T13:05:00Z'),
    sections: ['units', 'qualifications'],
  },
  'password-reset': {
    recipientName: 'Amelia Khan',
    token: 'q9Xr+/tZ=4',
    expiresAt: new Date('2026-11-28T15:05:00Z'),
  },
  'email-change-confirmation': {
    recipientName: 'Sam Patel',
    newEmail: 's.patel@northgate.ac.uk',
    token: 'e7Lk2p9Q',
    expiresAt: new Date('2026-11-29T14:05:00Z'),
  },
};
