import type { HeaderSpec } from '../../csv/header';

/** The Learners CSV columns, in the order of the sample file and the report. */
export const LEARNER_COLUMNS = ['ULN', 'GivenName', 'FamilyName', 'DateOfBirth', 'Email'] as const;
export type LearnerColumn = (typeof LEARNER_COLUMNS)[number];

export const LEARNERS_HEADER: HeaderSpec<LearnerColumn> = { columns: LEARNER_COLUMNS };
