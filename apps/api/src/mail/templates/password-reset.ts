import { type EmailContent, paragraph } from './content';
import { formatDateTime } from './format';
import { type MailContext, mailPaths, mailUrl } from './paths';

/** To any account holder (learner or organisation user) who asked to reset their password. */
export interface PasswordResetData {
  recipientName: string;
  /** The single-use reset token, as issued; the link URL-encodes it. */
  token: string;
  /** When the link stops working. */
  expiresAt: Date;
}

export function passwordReset(data: PasswordResetData, context: MailContext): EmailContent {
  return {
    subject: 'Reset your LAR password',
    greeting: `Dear ${data.recipientName},`,
    blocks: [
      paragraph('We received a request to reset the password for your LAR account.'),
      {
        kind: 'action',
        label: 'Reset your password',
        url: mailUrl(context, mailPaths.passwordReset, {}, { token: data.token }),
        showAddress: true,
      },
      paragraph(
        `The link works once and expires at ${formatDateTime(data.expiresAt)} (UK time). After opening ` +
          'it you will be asked for three characters of your memorable information (for example the ' +
          '2nd, 5th and 7th) before you choose a new password.',
      ),
      paragraph(
        "If it wasn't you who asked, ignore this email: your password has not been changed and the link " +
          'will expire on its own.',
      ),
    ],
    footer: {
      reason: 'You received this email because someone asked to reset the password of your LAR account.',
    },
  };
}
