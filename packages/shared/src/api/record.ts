import { type Static, Type } from '@sinclair/typebox';
import { AchievementSchema } from '../schemas/achievement';
import { CatalogueUnitSchema } from '../schemas/catalogue';
import { EvaluationResultSchema } from '../schemas/evaluation';
import { QualificationDefinitionSchema } from '../schemas/qualification';
import { AwardedQualificationView } from './claims';

const Timestamp = Type.String({ format: 'date-time' });

/** The sections of a record a learner can share. */
export const RecordSectionName = Type.Union([
  Type.Literal('units'),
  Type.Literal('qualifications'),
  Type.Literal('progress'),
]);
export type RecordSectionName = Static<typeof RecordSectionName>;

export const RecordUnit = Type.Object({
  urn: Type.String(),
  title: Type.String(),
  level: Type.String(),
  credits: Type.Integer(),
  achievedOn: Type.String({ description: 'YYYY-MM-DD' }),
  basis: Type.Union([Type.Literal('credit'), Type.Literal('exemption')]),
  awardingOrganisation: Type.String(),
});
export type RecordUnit = Static<typeof RecordUnit>;

export const RecordUnits = Type.Object(
  {
    items: Type.Array(RecordUnit),
    /** Credit by level, in level order (E1 … 8), levels with none left out. */
    creditByLevel: Type.Array(Type.Object({ level: Type.String(), credits: Type.Integer() })),
    totalCredits: Type.Integer(),
  },
  { $id: 'RecordUnits' },
);
export type RecordUnits = Static<typeof RecordUnits>;

/**
 * Progress toward one qualification listing a unit the learner holds: the engine's evaluation (with up
 * to three routes), and the rules with their units' catalogue entries and the learner's achievements
 * as the engine saw them, so the app's what-if view evaluates exactly what the server did.
 */
export const RecordProgressItem = Type.Object({
  qualification: Type.Object({
    id: Type.String(),
    qan: Type.String(),
    title: Type.String(),
    level: Type.String(),
    awardingOrganisation: Type.String(),
  }),
  evaluation: EvaluationResultSchema,
  rules: QualificationDefinitionSchema,
  units: Type.Array(CatalogueUnitSchema),
  /** The evaluation date, YYYY-MM-DD (credit validity is judged on it). */
  on: Type.String(),
});
export type RecordProgressItem = Static<typeof RecordProgressItem>;

export const RecordProgress = Type.Object(
  {
    /** Ranked by credit still needed (achieved first, unreachable last). */
    items: Type.Array(RecordProgressItem),
    /** The learner's counted achievements, as the engine takes them (for the what-if view). */
    achievements: Type.Array(AchievementSchema),
    /** Qualifications one level above one the learner achieved or is closest to, reusing achieved units. */
    progression: Type.Array(
      Type.Object({
        id: Type.String(),
        qan: Type.String(),
        title: Type.String(),
        level: Type.String(),
        reusedUnits: Type.Array(Type.String()),
      }),
    ),
  },
  { $id: 'RecordProgress' },
);
export type RecordProgress = Static<typeof RecordProgress>;

export const MyRecord = Type.Object(
  {
    learner: Type.Object({
      uln: Type.String(),
      givenName: Type.String(),
      familyName: Type.String(),
      dateOfBirth: Type.String(),
      /** Whether the learner is emailed each time a third party views the record. */
      notifyOnView: Type.Boolean(),
    }),
    units: RecordUnits,
    qualifications: Type.Array(AwardedQualificationView),
    progress: RecordProgress,
  },
  { $id: 'MyRecord' },
);
export type MyRecord = Static<typeof MyRecord>;

/** Select LAR: only the sections permitted, unexpired and unrevoked; the others are absent, not empty. */
export const SelectLarResponse = Type.Object(
  {
    learner: Type.Object({ uln: Type.String(), name: Type.String() }),
    /** The sections present below. */
    sections: Type.Array(RecordSectionName),
    viewedAt: Timestamp,
    units: Type.Optional(RecordUnits),
    qualifications: Type.Optional(Type.Array(AwardedQualificationView)),
    progress: Type.Optional(RecordProgress),
  },
  { $id: 'SelectLarResponse' },
);
export type SelectLarResponse = Static<typeof SelectLarResponse>;

export const SelectLarBody = Type.Object(
  {
    uln: Type.String({ minLength: 1, maxLength: 20 }),
    /** The viewer's own password, entered again (a wrong one counts toward the account's lock). */
    password: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { $id: 'SelectLarBody' },
);
export type SelectLarBody = Static<typeof SelectLarBody>;

export const OrganisationSummary = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    code: Type.String(),
    type: Type.Union([
      Type.Literal('CENTRE'),
      Type.Literal('THIRD_PARTY'),
      Type.Literal('AWARDING_ORGANISATION'),
    ]),
  },
  { $id: 'OrganisationSummary' },
);
export type OrganisationSummary = Static<typeof OrganisationSummary>;

export const PermissionView = Type.Object(
  {
    id: Type.String(),
    organisation: OrganisationSummary,
    section: RecordSectionName,
    grantedAt: Timestamp,
    expiresAt: Timestamp,
    revokedAt: Type.Union([Timestamp, Type.Null()]),
    /** Neither revoked nor expired. */
    active: Type.Boolean(),
  },
  { $id: 'PermissionView' },
);
export type PermissionView = Static<typeof PermissionView>;

export const GrantPermissionBody = Type.Object(
  {
    organisationCode: Type.String({ minLength: 1, maxLength: 20 }),
    sections: Type.Array(RecordSectionName, { minItems: 1, maxItems: 3, uniqueItems: true }),
    /** The last day of access, YYYY-MM-DD: at most 2 years ahead; 90 days when left out. */
    expiresOn: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
  },
  { $id: 'GrantPermissionBody' },
);
export type GrantPermissionBody = Static<typeof GrantPermissionBody>;

export const ChangePermissionBody = Type.Object(
  { expiresOn: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }) },
  { $id: 'ChangePermissionBody' },
);
export type ChangePermissionBody = Static<typeof ChangePermissionBody>;

export const AccessLogView = Type.Object(
  {
    id: Type.String(),
    organisation: Type.Object({ name: Type.String(), code: Type.String(), type: Type.String() }),
    /** The User ID of the person who viewed. */
    viewedBy: Type.String(),
    sections: Type.Array(RecordSectionName),
    viewedAt: Timestamp,
  },
  { $id: 'AccessLogView' },
);
export type AccessLogView = Static<typeof AccessLogView>;

export const NotificationSettings = Type.Object(
  { notifyOnView: Type.Boolean() },
  { $id: 'NotificationSettings' },
);
export type NotificationSettings = Static<typeof NotificationSettings>;
