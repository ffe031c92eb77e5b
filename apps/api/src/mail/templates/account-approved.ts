import { type EmailContent, paragraph } from './content';
import { type MailContext, mailPaths, mailUrl } from './paths';

/** To the person who requested an organisation account, once an administrator approves it. */
export interface AccountApprovedData {
  /** Full name from the access request. */
  recipientName: string;
  organisationName: string;
  /** The User ID they sign in with. */
  userId: string;
  /** The system-generated first password; the first sign-in forces a new one. */
  password: string;
  /** The service desk reset an existing account's password rather than approving a request. */
  passwordReset?: boolean;
}

export function accountApproved(data: AccountApprovedData, context: MailContext): EmailContent {
  return {
    subject: data.passwordReset ? 'Your LAR password has been reset' : 'Your LAR account is ready',
    greeting: `Dear ${data.recipientName},`,
    blocks: [
      paragraph(
        data.passwordReset
          ? `The LAR service desk has reset the password of your account for ${data.organisationName}. ` +
              'Sign in with these details:'
          : `Your request for a LAR account for ${data.organisationName} has been approved. ` +
              'Sign in with these details:',
      ),
      {
        kind: 'details',
        rows: [
          { label: 'User ID', value: data.userId, code: true },
          { label: 'Password', value: data.password, code: true },
        ],
      },
      {
        kind: 'action',
        label: 'Sign in to LAR',
        url: mailUrl(context, mailPaths.organisationSignIn),
        showAddress: true,
      },
      paragraph(
        'When you first sign in you will be asked to choose a new password and to set your memorable ' +
          'information. LAR asks for three characters of it if you ever need to reset your password.',
      ),
    ],
    footer: {
      reason: `You received this email because an account on LAR was requested for you at ${data.organisationName}.`,
      containsPassword: true,
    },
  };
}
