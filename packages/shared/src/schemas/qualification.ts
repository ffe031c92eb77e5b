import { type Static, Type } from '@sinclair/typebox';
import { LevelSchema, QanSchema, UrnSchema } from './common';

const Count = Type.Integer({ minimum: 0 });

export const LevelRuleSchema = Type.Object({ level: LevelSchema, credits: Count });
export type LevelRule = Static<typeof LevelRuleSchema>;

export const RuleGroupSchema = Type.Object({
  id: Type.String({ minLength: 1 }),
  title: Type.Optional(Type.String()),
  all: Type.Optional(Type.Boolean()),
  minCredits: Type.Optional(Count),
  maxCredits: Type.Optional(Count),
  minUnits: Type.Optional(Count),
  maxUnits: Type.Optional(Count),
  units: Type.Array(UrnSchema),
});
export type RuleGroup = Static<typeof RuleGroupSchema>;

/** A qualification's rules of combination, as in docs/rules-of-combination.md. */
export const QualificationDefinitionSchema = Type.Object(
  {
    qan: QanSchema,
    title: Type.String(),
    level: LevelSchema,
    minCredits: Count,
    minCreditsAtOrAboveLevel: Type.Optional(Type.Array(LevelRuleSchema)),
    groups: Type.Array(RuleGroupSchema),
    barred: Type.Optional(Type.Array(Type.Array(UrnSchema))),
    equivalents: Type.Optional(Type.Record(Type.String(), Type.Array(UrnSchema))),
    creditValidityMonths: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { $id: 'QualificationDefinition' },
);
export type QualificationDefinition = Static<typeof QualificationDefinitionSchema>;
