import { type Static, Type } from '@sinclair/typebox';
import { Paging } from './admin';

const Timestamp = Type.String({ format: 'date-time' });

export const ImportStatus = Type.Union([
  Type.Literal('QUEUED'),
  Type.Literal('PROCESSING'),
  Type.Literal('COMPLETED'),
  Type.Literal('FAILED'),
]);
export type ImportStatus = Static<typeof ImportStatus>;

/** What a learners upload did, row by row: `created`, `registered`, `alreadyRegistered`, `rejected`. */
export const ImportCounts = Type.Object({
  created: Type.Integer(),
  registered: Type.Integer(),
  alreadyRegistered: Type.Integer(),
  rejected: Type.Integer(),
  /** Of `created`, rows without an email address: the report holds their activation codes. */
  createdWithoutEmail: Type.Integer(),
});
export type ImportCounts = Static<typeof ImportCounts>;

export const LearnerImport = Type.Object(
  {
    id: Type.String(),
    fileName: Type.String(),
    status: ImportStatus,
    /** Data rows in the file (blank lines not counted). */
    totalRows: Type.Integer(),
    /** Rows processed so far: `processedRows / totalRows` is the progress bar. */
    processedRows: Type.Integer(),
    counts: ImportCounts,
    uploadedBy: Type.Union([Type.String(), Type.Null()]),
    createdAt: Timestamp,
    completedAt: Type.Union([Timestamp, Type.Null()]),
    /** Why processing stopped, when `status` is FAILED. */
    error: Type.Union([Type.String(), Type.Null()]),
  },
  { $id: 'LearnerImport' },
);
export type LearnerImport = Static<typeof LearnerImport>;

/** The answer to an upload: the import, and whether this very file had been uploaded before. */
export const LearnerImportUpload = Type.Object(
  {
    import: LearnerImport,
    /** The same file (same bytes) was uploaded by this centre before: nothing was changed again. */
    alreadyProcessed: Type.Boolean(),
  },
  { $id: 'LearnerImportUpload' },
);
export type LearnerImportUpload = Static<typeof LearnerImportUpload>;

export const LearnerImportsPage = Type.Object(
  { items: Type.Array(LearnerImport), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() },
  { $id: 'LearnerImportsPage' },
);
export type LearnerImportsPage = Static<typeof LearnerImportsPage>;

export const ImportRowOutcome = Type.Union([
  Type.Literal('created'),
  Type.Literal('registered'),
  Type.Literal('alreadyRegistered'),
  Type.Literal('rejected'),
]);
export type ImportRowOutcome = Static<typeof ImportRowOutcome>;

export const ImportReportRow = Type.Object(
  {
    /** The spreadsheet row: the header is row 1. */
    row: Type.Integer(),
    uln: Type.String(),
    givenName: Type.String(),
    familyName: Type.String(),
    dateOfBirth: Type.String(),
    email: Type.Union([Type.String(), Type.Null()]),
    outcome: ImportRowOutcome,
    /** Every problem of a rejected row, naming the field; for a created row without email, its activation code. */
    message: Type.String(),
    /** Only for a created learner without an email address: the one-time code to hand over. */
    activationCode: Type.Union([Type.String(), Type.Null()]),
  },
  { $id: 'ImportReportRow' },
);
export type ImportReportRow = Static<typeof ImportReportRow>;

export const ImportReportQuery = Type.Composite([
  Paging,
  Type.Object({ outcome: Type.Optional(ImportRowOutcome) }),
]);
export type ImportReportQuery = Static<typeof ImportReportQuery>;

export const ImportReportPage = Type.Object(
  {
    items: Type.Array(ImportReportRow),
    total: Type.Integer(),
    page: Type.Integer(),
    pageSize: Type.Integer(),
  },
  { $id: 'ImportReportPage' },
);
export type ImportReportPage = Static<typeof ImportReportPage>;

export const CentreLearner = Type.Object(
  {
    id: Type.String(),
    uln: Type.String(),
    givenName: Type.String(),
    familyName: Type.String(),
    dateOfBirth: Type.String({ description: 'YYYY-MM-DD' }),
    email: Type.Union([Type.String(), Type.Null()]),
    /** When the learner was registered with this centre. */
    registeredAt: Timestamp,
    /** Whether the learner has signed in and chosen their own password. */
    activated: Type.Boolean(),
  },
  { $id: 'CentreLearner' },
);
export type CentreLearner = Static<typeof CentreLearner>;

export const LearnerSort = Type.Union(
  [
    'familyName',
    '-familyName',
    'uln',
    '-uln',
    'registeredAt',
    '-registeredAt',
    'dateOfBirth',
    '-dateOfBirth',
  ].map((s) => Type.Literal(s)),
);
export type LearnerSort = Static<typeof LearnerSort>;

export const CentreLearnersQuery = Type.Composite([
  Paging,
  Type.Object({
    /** Part of a name (given or family, any case), or a ULN (whole or its start). */
    q: Type.Optional(Type.String({ maxLength: 100 })),
    sort: Type.Optional(LearnerSort),
  }),
]);
export type CentreLearnersQuery = Static<typeof CentreLearnersQuery>;

export const CentreLearnersPage = Type.Object(
  {
    items: Type.Array(CentreLearner),
    total: Type.Integer(),
    page: Type.Integer(),
    pageSize: Type.Integer(),
  },
  { $id: 'CentreLearnersPage' },
);
export type CentreLearnersPage = Static<typeof CentreLearnersPage>;
