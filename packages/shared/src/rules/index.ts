export {
  achievedCompiled,
  type CompiledEvaluateOptions,
  type CompiledQualification,
  compileQualification,
  evaluateCompiled,
} from './compiled';
export { isIsoDate, isValidOn, monthsBefore, todayUtc } from './dates';
export { type BudgetOptions, DEFAULT_BUDGET, RocTooComplexError } from './errors';
export { type EvaluateOptions, evaluate, evaluateDetailed } from './evaluate';
export { compareLevels, isAtOrAboveLevel, isLevel, LEVELS, type Level, levelRank } from './levels';
export type { Placement } from './report';
export { type SizeWord, sizeWordForCredits } from './size';
export { type CheckOptions, checkCatalogueUnits, checkQualification } from './validate';
