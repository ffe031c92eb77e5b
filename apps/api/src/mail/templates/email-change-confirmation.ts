import { type EmailContent, paragraph } from './content';
import { formatDateTime } from './format';
import { type MailContext, mailPaths, mailUrl } from './paths';

/**
 * Sent to the NEW address when someone changes their email in their profile: following the link proves
 * they can read mail there before LAR starts sending passwords and notices to it.
 */
export interface EmailChangeConfirmationData {
  recipientName: string;
  /** The address being confirmed (this email's recipient). */
  newEmail: string;
  /** Single-use confirmation token. */
  token: string;
  expiresAt: Date;
}

export function emailChangeConfirmation(
  data: EmailChangeConfirmationData,
  context: MailContext,
): EmailContent {
  return {
    subject: 'Confirm your new email address for LAR',
    greeting: `Dear ${data.recipientName},`,
    blocks: [
      paragraph(
        `You asked LAR to send your emails to ${data.newEmail} from now on. ` +
          'Confirm that this is your address:',
      ),
      {
        kind: 'action',
        label: 'Confirm this email address',
        url: mailUrl(context, mailPaths.emailConfirm, {}, { token: data.token }),
        showAddress: true,
      },
      paragraph(
        `The link works once and expires at ${formatDateTime(data.expiresAt)} (UK time). Until you ` +
          'confirm, LAR keeps sending emails to your current address.',
      ),
      paragraph("If it wasn't you who asked, ignore this email: nothing will change on the account."),
    ],
    footer: {
      reason: `You received this email because someone asked to use ${data.newEmail} for a LAR account.`,
    },
  };
}
