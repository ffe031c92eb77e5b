/**
 * What a template says, independent of format. Templates build an `EmailContent` and `layout.ts` /
 * `text.ts` render it, so the HTML and plain-text parts cannot drift apart: same words, same links.
 * All strings are plain text; renderers escape and wrap them.
 */
export interface DetailRow {
  label: string;
  value: string;
  /** Shown in a fixed-width font: identifiers and passwords people must type exactly. */
  code?: boolean;
}

export type Block =
  | { kind: 'paragraph'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'details'; rows: DetailRow[] }
  | {
      kind: 'list';
      /** An item of several strings shows them on separate lines, the first one bulleted. */
      items: (string | string[])[];
      more?: string;
    }
  /** Someone else's words, shown as they wrote them (a rejection reason). */
  | { kind: 'quote'; text: string }
  | {
      kind: 'action';
      label: string;
      url: string;
      /** Print the address itself too, where the address is the point (sign-in) or must be copied. */
      showAddress?: boolean;
    };

export interface Footer {
  /** Why this person received this email, e.g. "You asked to reset your LAR password." */
  reason: string;
  /**
   * The email deliberately carries a system-generated password, so "LAR never sends passwords by
   * email" would be false; the footer says to change it at first sign-in instead.
   */
  containsPassword?: boolean;
}

export interface EmailContent {
  subject: string;
  greeting: string;
  blocks: Block[];
  footer: Footer;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

export const serviceName = 'LAR – Learner Achievement Record';

export function footerLines(footer: Footer): string[] {
  const security = footer.containsPassword
    ? 'This email contains a system-generated password. LAR will ask you to change it when you ' +
      'first sign in; after that, delete this email. LAR will never ask you to send your password or ' +
      'memorable information by email.'
    : 'LAR will never ask you for your password or memorable information by email. ' +
      'If an email asks for them, do not reply.';
  return [footer.reason, security];
}

export const paragraph = (text: string): Block => ({ kind: 'paragraph', text });
