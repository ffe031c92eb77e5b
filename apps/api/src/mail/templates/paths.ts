/**
 * Every app address an email links to, as route patterns, so the web app's router (and the API's
 * routes) can be checked against this one list. `:name` segments are filled by `mailUrl`; tokens travel
 * in the query string, never in a path segment, so they do not end up in access logs as route names.
 */
export const mailPaths = {
  organisationSignIn: '/sign-in',
  learnerSignIn: '/learner/sign-in',
  importReport: '/learners/imports/:importId',
  importReportCsv: '/api/v1/learners/imports/:importId/report.csv',
  possibleClaims: '/claims',
  claim: '/claims/:claimId',
  selectLar: '/select-lar',
  accessLog: '/my-record/access-log',
  permissions: '/my-record/permissions',
  profile: '/profile',
  /** `?token=` */
  passwordReset: '/reset-password',
  /** `?token=` */
  emailConfirm: '/profile/email/confirm',
} as const;

export type MailPath = (typeof mailPaths)[keyof typeof mailPaths];

export interface MailContext {
  /** Where people reach LAR, e.g. 'https://lar.example.org'; every link in an email is built from it. */
  publicUrl: string;
}

/** An absolute link: `mailUrl(ctx, mailPaths.claim, { claimId })`, `mailUrl(ctx, path, {}, { token })`. */
export function mailUrl(
  context: MailContext,
  path: MailPath,
  params: Record<string, string> = {},
  query: Record<string, string> = {},
): string {
  const filled = path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`mailUrl: no value for :${name} in ${path}`);
    return encodeURIComponent(value);
  });
  const search = Object.entries(query)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
    .join('&');
  // A configured PUBLIC_URL with a trailing slash would otherwise give '//sign-in'.
  const base = context.publicUrl.replace(/\/+$/, '');
  return `${base}${filled}${search ? `?${search}` : ''}`;
}
