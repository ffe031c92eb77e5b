import { type Static, Type } from '@sinclair/typebox';
import { Paging } from './admin';

const Timestamp = Type.String({ format: 'date-time' });

export const ClaimStatus = Type.Union([
  Type.Literal('POSSIBLE'),
  Type.Literal('NO_LONGER_ACHIEVABLE'),
  Type.Literal('SUBMITTED'),
  Type.Literal('AWARDED'),
  Type.Literal('REJECTED'),
  Type.Literal('WITHDRAWN'),
]);
export type ClaimStatus = Static<typeof ClaimStatus>;

export const ClaimView = Type.Object(
  {
    id: Type.String(),
    status: ClaimStatus,
    learner: Type.Object({ id: Type.String(), uln: Type.String(), name: Type.String() }),
    centre: Type.Object({ name: Type.String(), code: Type.String() }),
    qualification: Type.Object({
      id: Type.String(),
      qan: Type.String(),
      title: Type.String(),
      level: Type.String(),
      /** The version of the rules the claim was evaluated against. */
      version: Type.Integer(),
      awardingOrganisation: Type.String(),
    }),
    /** The units that achieve it, group by group, with their credit. */
    unitsUsed: Type.Array(
      Type.Object({
        group: Type.String({ description: 'The rules group id' }),
        /** The group's title in the rules (its id when it has none). */
        title: Type.String(),
        units: Type.Array(Type.Object({ urn: Type.String(), title: Type.String(), credits: Type.Integer() })),
      }),
    ),
    countedCredits: Type.Integer(),
    evaluatedAt: Timestamp,
    submittedAt: Type.Union([Timestamp, Type.Null()]),
    decidedAt: Type.Union([Timestamp, Type.Null()]),
    /** Why it was rejected, or why it is no longer achievable. */
    reason: Type.Union([Type.String(), Type.Null()]),
  },
  { $id: 'ClaimView' },
);
export type ClaimView = Static<typeof ClaimView>;

export const ClaimSort = Type.Union(
  [
    '-evaluatedAt',
    'evaluatedAt',
    'learner',
    '-learner',
    'qualification',
    '-qualification',
    'status',
    '-status',
  ].map((s) => Type.Literal(s)),
);
export type ClaimSort = Static<typeof ClaimSort>;

export const ClaimsQuery = Type.Composite([
  Paging,
  Type.Object({
    status: Type.Optional(ClaimStatus),
    /** A QAN (or its start) or title words. */
    qualification: Type.Optional(Type.String({ maxLength: 100 })),
    /** A ULN (or its start) or name words. */
    learner: Type.Optional(Type.String({ maxLength: 100 })),
    sort: Type.Optional(ClaimSort),
  }),
]);
export type ClaimsQuery = Static<typeof ClaimsQuery>;

export const ClaimsPage = Type.Object(
  {
    items: Type.Array(ClaimView),
    total: Type.Integer(),
    page: Type.Integer(),
    pageSize: Type.Integer(),
    /** Claims by status (ignoring the status filter), for the filter's counts. */
    counts: Type.Record(Type.String(), Type.Integer()),
  },
  { $id: 'ClaimsPage' },
);
export type ClaimsPage = Static<typeof ClaimsPage>;

export const ClaimReasonBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 1000 }) },
  { $id: 'ClaimReasonBody' },
);
export type ClaimReasonBody = Static<typeof ClaimReasonBody>;

/** A qualification on a learner's record, with the units that achieved it. */
export const AwardedQualificationView = Type.Object(
  {
    id: Type.String(),
    qan: Type.String(),
    title: Type.String(),
    level: Type.String(),
    awardingOrganisation: Type.String(),
    awardedOn: Type.String({ description: 'YYYY-MM-DD' }),
    rulesVersion: Type.Integer(),
    unitsUsed: Type.Array(
      Type.Object({
        group: Type.String({ description: 'The rules group id' }),
        /** The group's title in the rules (its id when it has none). */
        title: Type.String(),
        units: Type.Array(Type.Object({ urn: Type.String(), title: Type.String(), credits: Type.Integer() })),
      }),
    ),
  },
  { $id: 'AwardedQualificationView' },
);
export type AwardedQualificationView = Static<typeof AwardedQualificationView>;
