import { type Static, Type } from '@sinclair/typebox';
import { AchievementSchema } from './achievement';
import { CatalogueUnitSchema } from './catalogue';
import { IsoDateSchema, LevelSchema, QanSchema, UrnSchema } from './common';
import { QualificationDefinitionSchema } from './qualification';

/** The `lar roc` FILE shape; `on` defaults to today (UTC) and `routes` to 3. */
export const EvaluationInputSchema = Type.Object({
  qualification: QualificationDefinitionSchema,
  units: Type.Array(CatalogueUnitSchema),
  achievements: Type.Array(AchievementSchema),
  on: Type.Optional(IsoDateSchema),
  routes: Type.Optional(Type.Integer({ minimum: 0, maximum: 50 })),
});
export type EvaluationInput = Static<typeof EvaluationInputSchema>;

export const LevelRuleResultSchema = Type.Object({
  level: LevelSchema,
  required: Type.Integer(),
  counted: Type.Integer(),
});
export type LevelRuleResult = Static<typeof LevelRuleResultSchema>;

export const GroupResultSchema = Type.Object({
  id: Type.String(),
  assigned: Type.Array(UrnSchema),
  credits: Type.Integer(),
  units: Type.Integer(),
  satisfied: Type.Boolean(),
  missing: Type.Array(UrnSchema),
});
export type GroupResult = Static<typeof GroupResultSchema>;

export const RouteSchema = Type.Object({
  addUnits: Type.Array(UrnSchema),
  additionalCredits: Type.Integer(),
});
export type Route = Static<typeof RouteSchema>;

/** Output of `evaluate`, field for field as in the contract's Output section. */
export const EvaluationResultSchema = Type.Object(
  {
    qan: QanSchema,
    achieved: Type.Boolean(),
    reachable: Type.Boolean(),
    countedCredits: Type.Integer(),
    requiredCredits: Type.Integer(),
    additionalCreditsNeeded: Type.Union([Type.Integer(), Type.Null()]),
    levelRules: Type.Array(LevelRuleResultSchema),
    groups: Type.Array(GroupResultSchema),
    unused: Type.Array(UrnSchema),
    routes: Type.Array(RouteSchema),
  },
  { $id: 'EvaluationResult' },
);
export type EvaluationResult = Static<typeof EvaluationResultSchema>;
