import { type EmailContent, paragraph } from './content';
import { formatDateTime } from './format';
import { type MailContext, mailPaths, mailUrl } from './paths';

/**
 * A claim changed without a decision: to the awarding organisation's users when a centre submits a
 * claim or withdraws a submitted one; to the centre's users (and the awarding organisation's, for a
 * submitted claim) when a withdrawn achievement makes it no longer achievable.
 */
export interface ClaimUpdateData {
  action: 'submitted' | 'withdrawn' | 'no-longer-achievable';
  /** Who receives it (default: the awarding organisation's users). */
  audience?: 'awarding' | 'centre';
  recipientName: string;
  awardingOrganisationName: string;
  centreName: string;
  claimId: string;
  learnerName: string;
  uln: string;
  qualificationTitle: string;
  /** Qualification Accreditation Number, e.g. '600/1234/5'. */
  qan: string;
  at: Date;
}

const OPENINGS: Record<ClaimUpdateData['action'], (data: ClaimUpdateData) => string> = {
  submitted: (data) =>
    `${data.centreName} has submitted a claim for a qualification that ${data.awardingOrganisationName} awards, at ${formatDateTime(data.at)}. LAR has checked that the learner's recorded units meet its rules of combination.`,
  withdrawn: (data) =>
    `${data.centreName} has withdrawn a claim it submitted, at ${formatDateTime(data.at)}. Nothing more needs to be decided for it.`,
  'no-longer-achievable': (data) =>
    `At ${formatDateTime(data.at)} an achievement was withdrawn, and the learner's recorded units no longer meet the qualification's rules of combination. The claim cannot be awarded unless the units are recorded again.`,
};

const SUBJECTS: Record<ClaimUpdateData['action'], string> = {
  submitted: 'Claim submitted',
  withdrawn: 'Claim withdrawn',
  'no-longer-achievable': 'Claim no longer achievable',
};

export function claimUpdate(data: ClaimUpdateData, context: MailContext): EmailContent {
  const submitted = data.action === 'submitted';
  const centre = data.audience === 'centre';
  return {
    subject: `${SUBJECTS[data.action]}: ${data.learnerName}, ${data.qualificationTitle}`,
    greeting: `Dear ${data.recipientName},`,
    blocks: [
      paragraph(OPENINGS[data.action](data)),
      {
        kind: 'details',
        rows: [
          { label: 'Learner', value: `${data.learnerName} (ULN ${data.uln})` },
          { label: 'Qualification', value: `${data.qualificationTitle} (QAN ${data.qan})` },
          { label: 'Centre', value: data.centreName },
        ],
      },
      ...(submitted
        ? [paragraph('Award the qualification, or reject the claim with a reason the centre will read.')]
        : []),
      {
        kind: 'action',
        label: submitted ? 'Decide the claim' : 'View the claim',
        url: mailUrl(context, mailPaths.claim, { claimId: data.claimId }),
      },
    ],
    footer: {
      reason: centre
        ? `You received this email because you work on claims for ${data.centreName} on LAR.`
        : `You received this email because you decide claims for ${data.awardingOrganisationName} on LAR.`,
    },
  };
}
