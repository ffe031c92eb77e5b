import { type EmailContent, paragraph } from './content';
import { describeSections, formatDateTime, joinAnd, type RecordSection } from './format';
import { type MailContext, mailPaths, mailUrl } from './paths';

/** To an organisation (centre or third party) that a learner has just given access to their record. */
export interface PermissionGrantedData {
  recipientName: string;
  organisationName: string;
  learnerName: string;
  uln: string;
  /** Sections granted, in any order; shown in the record's order, each once. */
  sections: RecordSection[];
  /** When access ends. */
  expiresAt: Date;
}

export function permissionGranted(data: PermissionGrantedData, context: MailContext): EmailContent {
  const sections = describeSections(data.sections);
  return {
    subject: `${data.learnerName} has shared their learner record with you`,
    greeting: `Dear ${data.recipientName},`,
    blocks: [
      paragraph(
        `${data.learnerName} has given ${data.organisationName} permission to view parts of their ` +
          'Learner Achievement Record.',
      ),
      {
        kind: 'details',
        rows: [
          { label: 'Learner', value: data.learnerName },
          { label: 'ULN', value: data.uln, code: true },
          { label: 'You can see', value: joinAnd(sections) },
          { label: 'Until', value: `${formatDateTime(data.expiresAt)} (UK time)` },
        ],
      },
      paragraph(
        "To view the record, use Select LAR: enter the learner's ULN and your password. " +
          'The learner can revoke this permission at any time, and sees each time you view their record.',
      ),
      { kind: 'action', label: 'Go to Select LAR', url: mailUrl(context, mailPaths.selectLar) },
    ],
    footer: {
      reason:
        `You received this email because a learner gave ${data.organisationName} access to their ` +
        'record on LAR.',
    },
  };
}
