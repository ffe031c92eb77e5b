import { type Static, Type } from '@sinclair/typebox';
import { CreditsSchema, IsoDateSchema, LevelSchema, UrnSchema } from './common';

/** `credit`: achieved with credit awarded; `exemption`: outside certification accepted in its place. */
export const AchievementBasisSchema = Type.Union([Type.Literal('credit'), Type.Literal('exemption')]);
export type AchievementBasis = Static<typeof AchievementBasisSchema>;

export const AchievementSchema = Type.Object(
  {
    urn: UrnSchema,
    credits: CreditsSchema,
    level: LevelSchema,
    achievedOn: IsoDateSchema,
    basis: AchievementBasisSchema,
  },
  { $id: 'Achievement' },
);
export type Achievement = Static<typeof AchievementSchema>;
