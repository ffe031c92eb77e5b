import { type EmailContent, paragraph } from './content';
import { describeSections, formatDateTime, joinAnd, type RecordSection } from './format';
import { type MailContext, mailPaths, mailUrl } from './paths';

/** To a learner, when a third party views their record (unless they turned these emails off). */
export interface RecordViewedData {
  /** The learner's given name. */
  givenName: string;
  organisationName: string;
  /** A Date, or its ISO text when rendered from stored data (deferred messages). */
  viewedAt: Date | string;
  /** Sections the organisation saw: those permitted and unexpired at the time. */
  sections: RecordSection[];
}

/** The subject alone (see `renderSubject`). */
export const recordViewedSubject = (data: RecordViewedData) =>
  `${data.organisationName} viewed your learner record`;

export function recordViewed(data: RecordViewedData, context: MailContext): EmailContent {
  return {
    subject: recordViewedSubject(data),
    greeting: `Dear ${data.givenName},`,
    blocks: [
      paragraph(
        `${data.organisationName} viewed your Learner Achievement Record at ` +
          `${formatDateTime(new Date(data.viewedAt))} (UK time), using the permission you gave it.`,
      ),
      { kind: 'details', rows: [{ label: 'They saw', value: joinAnd(describeSections(data.sections)) }] },
      { kind: 'action', label: 'See who has viewed your record', url: mailUrl(context, mailPaths.accessLog) },
      paragraph(
        `If you no longer want ${data.organisationName} to see your record, you can revoke its ` +
          'permission at any time:',
      ),
      { kind: 'action', label: 'Manage permissions', url: mailUrl(context, mailPaths.permissions) },
      paragraph(
        'To stop these emails, sign in and turn off emails about views of your record in your profile. ' +
          'Views will still be listed in your access log.',
      ),
      { kind: 'action', label: 'Go to your profile', url: mailUrl(context, mailPaths.profile) },
    ],
    footer: {
      reason:
        'You received this email because an organisation viewed your record on LAR and you have ' +
        'asked to be told when that happens.',
    },
  };
}
