import { type AccountApprovedData, accountApproved } from './account-approved';
import { type ClaimDecisionData, claimDecision } from './claim-decision';
import { type ClaimUpdateData, claimUpdate } from './claim-update';
import type { EmailContent, RenderedEmail } from './content';
import { type EmailChangeConfirmationData, emailChangeConfirmation } from './email-change-confirmation';
import { singleLine } from './escape';
import { type ImportReportData, importReport } from './import-report';
import { renderHtml } from './layout';
import { type LearnerWelcomeData, learnerWelcome, learnerWelcomeSubject } from './learner-welcome';
import { type PasswordResetData, passwordReset } from './password-reset';
import type { MailContext } from './paths';
import { type PermissionGrantedData, permissionGranted } from './permission-granted';
import { type PossibleClaimsDigestData, possibleClaimsDigest } from './possible-claims-digest';
import { type RecordViewedData, recordViewed, recordViewedSubject } from './record-viewed';
import { renderText } from './text';

/**
 * LAR's emails: `renderEmail('password-reset', data, { publicUrl })` gives the subject and both parts.
 *
 * Data conventions: instants are `Date`s and are shown to people in UK time (Europe/London) as
 * "14:05 on 28 November 2026"; counts are numbers; every string is plain text, escaped here for HTML.
 */
export type { AccountApprovedData } from './account-approved';
export type { ClaimDecisionData } from './claim-decision';
export type { ClaimUpdateData } from './claim-update';
export type { RenderedEmail } from './content';
export type { EmailChangeConfirmationData } from './email-change-confirmation';
export type { RecordSection } from './format';
export type { ImportReportData, RejectedRow } from './import-report';
export type { LearnerWelcomeData } from './learner-welcome';
export type { PasswordResetData } from './password-reset';
export { type MailContext, type MailPath, mailPaths, mailUrl } from './paths';
export type { PermissionGrantedData } from './permission-granted';
export type { PossibleClaim, PossibleClaimsDigestData } from './possible-claims-digest';
export type { RecordViewedData } from './record-viewed';

export interface TemplateData {
  'account-approved': AccountApprovedData;
  'learner-welcome': LearnerWelcomeData;
  'import-report': ImportReportData;
  'possible-claims-digest': PossibleClaimsDigestData;
  'claim-decision': ClaimDecisionData;
  'claim-update': ClaimUpdateData;
  'permission-granted': PermissionGrantedData;
  'record-viewed': RecordViewedData;
  'password-reset': PasswordResetData;
  'email-change-confirmation': EmailChangeConfirmationData;
}

export type TemplateName = keyof TemplateData;

const templates: { [T in TemplateName]: (data: TemplateData[T], context: MailContext) => EmailContent } = {
  'account-approved': accountApproved,
  'learner-welcome': learnerWelcome,
  'import-report': importReport,
  'possible-claims-digest': possibleClaimsDigest,
  'claim-decision': claimDecision,
  'claim-update': claimUpdate,
  'permission-granted': permissionGranted,
  'record-viewed': recordViewed,
  'password-reset': passwordReset,
  'email-change-confirmation': emailChangeConfirmation,
};

export const templateNames = Object.keys(templates) as TemplateName[];

/**
 * Emails that carry a password or a single-use link. Their bodies are never shown in the outbox
 * and are removed once sent, so neither administrators nor a copy of the database can use them.
 */
export const sensitiveTemplates: ReadonlySet<string> = new Set<TemplateName>([
  'account-approved',
  'learner-welcome',
  'password-reset',
  'email-change-confirmation',
]);

export const REDACTED_BODY =
  'This email carried a password or a single-use link; its text is not kept once sent.';

export const isTemplateName = (name: string): name is TemplateName => Object.hasOwn(templates, name);

/**
 * The subjects of the emails stored to be rendered when sent (one per view of a record, one per learner
 * an import creates), each the function its template's own subject comes from: no body is built.
 */
const subjects: { [T in TemplateName]?: (data: TemplateData[T]) => string } = {
  'learner-welcome': learnerWelcomeSubject,
  'record-viewed': recordViewedSubject,
};

/** Only the subject (no text or HTML rendering), for messages whose body is rendered at sending. */
export function renderSubject<T extends TemplateName>(
  template: T,
  data: TemplateData[T],
  context: MailContext,
) {
  const subject = subjects[template] as ((data: TemplateData[T]) => string) | undefined;
  if (subject) return singleLine(subject(data));
  const render = templates[template] as (data: TemplateData[T], context: MailContext) => EmailContent;
  return singleLine(render(data, context).subject);
}

export function renderEmail<T extends TemplateName>(
  template: T,
  data: TemplateData[T],
  context: MailContext,
): RenderedEmail {
  const render = templates[template] as (data: TemplateData[T], context: MailContext) => EmailContent;
  const content = render(data, context);
  // Subjects are headers: a newline from a user-provided name must not reach the transport.
  const subject = singleLine(content.subject);
  return { subject, text: renderText({ ...content, subject }), html: renderHtml({ ...content, subject }) };
}
