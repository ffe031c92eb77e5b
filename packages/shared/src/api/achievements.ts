import { type Static, Type } from '@sinclair/typebox';
import { Paging } from './admin';

const Timestamp = Type.String({ format: 'date-time' });

/** Rows in one `POST /achievements` batch or one Achievements CSV. */
export const MAX_ACHIEVEMENTS_PER_BATCH = 10_000;

/** One unit achievement as an awarding organisation's system sends it (the Achievements CSV's columns). */
export const AchievementInput = Type.Object({
  uln: Type.String({ description: 'The learner’s ULN (10 digits)' }),
  urn: Type.String({ description: 'The unit, L/DDD/DDDD; your organisation must award it' }),
  achievedOn: Type.String({ description: 'YYYY-MM-DD, not in the future' }),
  basis: Type.Optional(Type.String({ description: '`credit` (default) or `exemption`' })),
});
export type AchievementInput = Static<typeof AchievementInput>;

export const AchievementsBatch = Type.Object(
  { achievements: Type.Array(AchievementInput, { minItems: 1, maxItems: MAX_ACHIEVEMENTS_PER_BATCH }) },
  { $id: 'AchievementsBatch' },
);
export type AchievementsBatch = Static<typeof AchievementsBatch>;

export const AchievementRowReport = Type.Object({
  /** The item's position in the batch (from 1), or the CSV's spreadsheet row (header = row 1). */
  row: Type.Integer(),
  uln: Type.String(),
  urn: Type.String(),
  outcome: Type.Union([Type.Literal('recorded'), Type.Literal('rejected')]),
  /** Why a row was rejected, naming the field; empty when recorded. */
  message: Type.String(),
  achievementId: Type.Union([Type.String(), Type.Null()]),
});
export type AchievementRowReport = Static<typeof AchievementRowReport>;

export const AchievementsReport = Type.Object(
  { recorded: Type.Integer(), rejected: Type.Integer(), rows: Type.Array(AchievementRowReport) },
  { $id: 'AchievementsReport' },
);
export type AchievementsReport = Static<typeof AchievementsReport>;

export const RecordedAchievement = Type.Object(
  {
    id: Type.String(),
    uln: Type.String(),
    learnerName: Type.String(),
    urn: Type.String(),
    unitTitle: Type.String(),
    achievedOn: Type.String(),
    basis: Type.Union([Type.Literal('credit'), Type.Literal('exemption')]),
    recordedAt: Timestamp,
    withdrawnAt: Type.Union([Timestamp, Type.Null()]),
    withdrawnReason: Type.Union([Type.String(), Type.Null()]),
  },
  { $id: 'RecordedAchievement' },
);
export type RecordedAchievement = Static<typeof RecordedAchievement>;

export const RecordedAchievementsQuery = Type.Composite([
  Paging,
  Type.Object({
    uln: Type.Optional(Type.String({ maxLength: 10 })),
    urn: Type.Optional(Type.String({ maxLength: 10 })),
  }),
]);
export type RecordedAchievementsQuery = Static<typeof RecordedAchievementsQuery>;

export const RecordedAchievementsPage = Type.Object(
  {
    items: Type.Array(RecordedAchievement),
    total: Type.Integer(),
    page: Type.Integer(),
    pageSize: Type.Integer(),
  },
  { $id: 'RecordedAchievementsPage' },
);
export type RecordedAchievementsPage = Static<typeof RecordedAchievementsPage>;

export const WithdrawAchievementBody = Type.Object(
  {
    reason: Type.String({ minLength: 1, maxLength: 1000, description: 'Kept in the achievement’s history' }),
  },
  { $id: 'WithdrawAchievementBody' },
);
export type WithdrawAchievementBody = Static<typeof WithdrawAchievementBody>;
