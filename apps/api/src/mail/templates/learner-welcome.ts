import { type EmailContent, paragraph } from './content';
import { type MailContext, mailPaths, mailUrl } from './paths';

/** To a new learner created from a centre's learners CSV. Not sent to learners who already had a LAR. */
export interface LearnerWelcomeData {
  /** The learner's given name, as in the CSV: the greeting is personal, not formal. */
  givenName: string;
  /** Unique Learner Number, 10 digits: what the learner signs in with. */
  uln: string;
  /** The system-generated first password; the first sign-in forces a new one. */
  password: string;
  /** The centre whose upload created the record. */
  centreName: string;
}

/** The subject alone (see `renderSubject`). */
export const learnerWelcomeSubject = (_data: LearnerWelcomeData) =>
  'Your Learner Achievement Record is ready';

export function learnerWelcome(data: LearnerWelcomeData, context: MailContext): EmailContent {
  return {
    subject: learnerWelcomeSubject(data),
    greeting: `Dear ${data.givenName},`,
    blocks: [
      paragraph(
        `${data.centreName} has set up your Learner Achievement Record (LAR). It keeps a lifelong record ` +
          'of the credit you achieve in units and qualifications.',
      ),
      paragraph('In LAR you can:'),
      {
        kind: 'list',
        items: [
          'track your progress toward qualifications',
          'discover routes to achievement and what you could study next',
          'choose which employers and learning providers can see your record, and for how long',
        ],
      },
      paragraph('Sign in with your Unique Learner Number (ULN) and this password:'),
      {
        kind: 'details',
        rows: [
          { label: 'ULN', value: data.uln, code: true },
          { label: 'Password', value: data.password, code: true },
        ],
      },
      {
        kind: 'action',
        label: 'Sign in to your record',
        url: mailUrl(context, mailPaths.learnerSignIn),
        showAddress: true,
      },
      paragraph(
        'When you first sign in you will be asked to choose a new password and to set your memorable ' +
          'information. Keep your ULN: it stays the same for life.',
      ),
    ],
    footer: {
      reason: `You received this email because ${data.centreName} added you to LAR.`,
      containsPassword: true,
    },
  };
}
