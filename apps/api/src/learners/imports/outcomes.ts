import type { ImportCounts } from '@lar/shared/api';
import type { Learner } from '../csv/validate-row';

/** An import's counts before any row (or a batch's own, before they are added up). */
export const emptyCounts = (): ImportCounts => ({
  created: 0,
  registered: 0,
  alreadyRegistered: 0,
  rejected: 0,
  createdWithoutEmail: 0,
});

/** Names compare as people read them: ignoring case and repeated spaces, not accents. */
const sameName = (a: string, b: string) =>
  a.replace(/\s+/g, ' ').localeCompare(b.replace(/\s+/g, ' '), 'en', { sensitivity: 'accent' }) === 0;

/** The columns in which a row disagrees with the learner already on LAR under its ULN. */
export function mismatchedFields(
  existing: { givenName: string; familyName: string; dateOfBirth: string },
  row: Pick<Learner, 'givenName' | 'familyName' | 'dateOfBirth'>,
): string[] {
  const fields: string[] = [];
  if (!sameName(existing.givenName, row.givenName)) fields.push('GivenName');
  if (!sameName(existing.familyName, row.familyName)) fields.push('FamilyName');
  if (existing.dateOfBirth !== row.dateOfBirth) fields.push('DateOfBirth');
  return fields;
}

/**
 * The rejection of a row whose ULN belongs to a learner with other details. It names the fields that
 * differ but never the values on LAR: a centre must not learn a stranger's name by guessing ULNs.
 */
export function describeMismatch(uln: string, fields: string[]): string {
  if (fields.includes('ULN'))
    return `ULN ${uln} could not be matched to a learner on LAR; upload the row again`;
  const list = fields.length === 1 ? fields[0] : `${fields.slice(0, -1).join(', ')} and ${fields.at(-1)}`;
  return (
    `ULN ${uln} is already on LAR with a different ${list}: check the learner's details; ` +
    'nothing was changed'
  );
}

/**
 * A created row without an email. The code itself is stored encrypted beside the row (not in this
 * message) and put into the message only when the centre reads its report.
 */
export function activationMessage(code: string | null): string {
  const which = code ? `the activation code ${code}` : 'their activation code';
  return `Created without an email address: give the learner ${which}; they sign in with their ULN and the code as their first password`;
}

/**
 * The message of a row that was not rejected, which follows from its outcome (and, for a created
 * learner, whether it has an email address): report parts store only rejected rows' messages.
 */
export function outcomeMessage(
  outcome: 'created' | 'registered' | 'alreadyRegistered',
  email: string | null,
) {
  if (outcome === 'registered') return 'Already on LAR: registered with your centre (no new password)';
  if (outcome === 'alreadyRegistered') return 'Already registered with your centre: nothing changed';
  return email ? 'Created; the password was emailed to the learner' : activationMessage(null);
}
