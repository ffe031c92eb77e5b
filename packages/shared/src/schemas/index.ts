export {
  type Achievement,
  type AchievementBasis,
  AchievementBasisSchema,
  AchievementSchema,
} from './achievement';
export { type CatalogueUnit, CatalogueUnitSchema } from './catalogue';
export {
  CreditsSchema,
  IsoDateSchema,
  LEVELS,
  type Level,
  LevelSchema,
  QanSchema,
  UrnSchema,
} from './common';
export {
  type EvaluationInput,
  EvaluationInputSchema,
  type EvaluationResult,
  EvaluationResultSchema,
  type GroupResult,
  GroupResultSchema,
  type LevelRuleResult,
  LevelRuleResultSchema,
  type Route,
  RouteSchema,
} from './evaluation';
export {
  type LevelRule,
  LevelRuleSchema,
  type QualificationDefinition,
  QualificationDefinitionSchema,
  type RuleGroup,
  RuleGroupSchema,
} from './qualification';
export { type ValidationResult, ValidationResultSchema } from './validation';
