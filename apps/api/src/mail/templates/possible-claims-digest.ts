import { type EmailContent, paragraph } from './content';
import { countOf, formatNumber, nbsp } from './format';
import { type MailContext, mailPaths, mailUrl } from './paths';

/** Claims listed in the email; the Possible Claims List has them all, with filters and export. */
export const possibleClaimsShown = 10;

export interface PossibleClaim {
  learnerName: string;
  uln: string;
  qualificationTitle: string;
  /** Qualification Accreditation Number, e.g. '600/1234/5'. */
  qan: string;
}

/** To a centre: qualifications that became claimable for its learners in one batch of changes. */
export interface PossibleClaimsDigestData {
  recipientName: string;
  centreName: string;
  /** Every claim new in this batch (the email lists the first few and counts them all). */
  claims: PossibleClaim[];
}

export function possibleClaimsDigest(data: PossibleClaimsDigestData, context: MailContext): EmailContent {
  const learners = new Set(data.claims.map((claim) => claim.uln)).size;
  const claims = data.claims.length;
  const shown = data.claims.slice(0, possibleClaimsShown);
  const hidden = claims - shown.length;
  const who = learners === 1 ? 'The learner below has' : 'Each learner below has';
  return {
    subject: `Possible claims: ${countOf(learners, 'learner')} at ${data.centreName}`,
    greeting: `Dear ${data.recipientName},`,
    blocks: [
      paragraph(
        `LAR has found ${countOf(claims, 'new possible claim')} for ${countOf(learners, 'learner')} ` +
          `registered with ${data.centreName}. ${who} achieved the units and credit that a ` +
          "qualification's rules of combination require.",
      ),
      paragraph(
        'Check each claim, then submit it to the awarding organisation from the Possible Claims List.',
      ),
      { kind: 'heading', text: `New possible claims (${formatNumber(claims)})` },
      {
        kind: 'list',
        items: shown.map((claim) => [
          `${claim.learnerName}, ULN${nbsp}${claim.uln}`,
          `${claim.qualificationTitle} (QAN${nbsp}${claim.qan})`,
        ]),
        ...(hidden > 0 ? { more: `…and ${countOf(hidden, 'more possible claim')} on the list.` } : {}),
      },
      {
        kind: 'action',
        label: 'Open the Possible Claims List',
        url: mailUrl(context, mailPaths.possibleClaims),
      },
    ],
    footer: {
      reason:
        `You received this email because you are a LAR user at ${data.centreName}, ` +
        'and LAR tells centres when their learners can claim a qualification.',
    },
  };
}
