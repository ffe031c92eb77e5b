import { type Block, type EmailContent, paragraph } from './content';
import { formatDate } from './format';
import { type MailContext, mailPaths, mailUrl } from './paths';

interface ClaimDecisionCommon {
  recipientName: string;
  centreName: string;
  claimId: string;
  learnerName: string;
  uln: string;
  qualificationTitle: string;
  /** Qualification Accreditation Number, e.g. '600/1234/5'. */
  qan: string;
  awardingOrganisationName: string;
  decidedAt: Date;
}

/** To the centre that submitted a claim, when the awarding organisation decides it. */
export type ClaimDecisionData =
  | (ClaimDecisionCommon & { decision: 'awarded' })
  | (ClaimDecisionCommon & {
      decision: 'rejected';
      /** The awarding organisation's reason, shown to the centre word for word. */
      reason: string;
    });

function outcome(data: ClaimDecisionData): Block[] {
  if (data.decision === 'awarded') {
    return [
      paragraph(
        `${data.awardingOrganisationName} awarded the qualification on ${formatDate(data.decidedAt)}. ` +
          "It now appears on the learner's record, with the units that achieved it.",
      ),
    ];
  }
  return [
    paragraph(
      `${data.awardingOrganisationName} rejected the claim on ${formatDate(data.decidedAt)}. Their reason:`,
    ),
    { kind: 'quote', text: data.reason },
    paragraph(`If you have questions about this decision, contact ${data.awardingOrganisationName}.`),
  ];
}

export function claimDecision(data: ClaimDecisionData, context: MailContext): EmailContent {
  const verb = data.decision === 'awarded' ? 'awarded' : 'rejected';
  return {
    subject: `Claim ${verb}: ${data.learnerName}, ${data.qualificationTitle}`,
    greeting: `Dear ${data.recipientName},`,
    blocks: [
      paragraph(`The claim that ${data.centreName} submitted has been ${verb}.`),
      {
        kind: 'details',
        rows: [
          { label: 'Learner', value: `${data.learnerName} (ULN ${data.uln})` },
          { label: 'Qualification', value: `${data.qualificationTitle} (QAN ${data.qan})` },
          { label: 'Decision', value: data.decision === 'awarded' ? 'Awarded' : 'Rejected' },
        ],
      },
      ...outcome(data),
      {
        kind: 'action',
        label: 'View the claim',
        url: mailUrl(context, mailPaths.claim, { claimId: data.claimId }),
      },
    ],
    footer: {
      reason: `You received this email because ${data.centreName} submitted this claim on LAR.`,
    },
  };
}
