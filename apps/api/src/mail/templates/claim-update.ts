import { type EmailContent, paragraph } from './content';
import { formatDateTime } from './format';
import { type MailContext, mailPaths, mailUrl } from './paths';

/** To an awarding organisation's users, when a centre submits a claim for one of its qualifications or withdraws one it submitted. */
export interface ClaimUpdateData {
  action: 'submitted' | 'withdrawn';
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

export function claimUpdate(data: ClaimUpdateData, context: MailContext): EmailContent {
  const submitted = data.action === 'submitted';
  return {
    subject: `Claim ${data.action}: ${data.learnerName}, ${data.qualificationTitle}`,
    greeting: `Dear ${data.recipientName},`,
    blocks: [
      paragraph(
        submitted
          ? `${data.centreName} has submitted a claim for a qualification that ${data.awardingOrganisationName} awards, at ${formatDateTime(data.at)}. LAR has checked that the learner's recorded units meet its rules of combination.`
          : `${data.centreName} has withdrawn a claim it submitted, at ${formatDateTime(data.at)}. Nothing more needs to be decided for it.`,
      ),
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
      reason: `You received this email because you decide claims for ${data.awardingOrganisationName} on LAR.`,
    },
  };
}
