import type { Achievement, CatalogueUnit, EvaluationResult, QualificationDefinition } from '../schemas';
import { isValidOn, todayUtc } from './dates';
import type { BudgetOptions } from './errors';
import { evaluateDetailed } from './evaluate';
import { compileParts, type ModelParts } from './model-parts';

/**
 * A qualification prepared once for evaluating many learners (the API checks thousands of records
 * against one qualification). Holds the learner-independent part of the search model and, lazily,
 * the answer for an empty record, which every learner whose achievements fill no place shares.
 */
export interface CompiledQualification {
  readonly qualification: QualificationDefinition;
  readonly units: readonly CatalogueUnit[];
  /** Internal: the model's learner-independent part. */
  readonly parts: ModelParts;
  /** Internal: empty-record results by number of routes asked for (they do not depend on the date). */
  readonly emptyRecord: Map<number, EvaluationResult>;
}

export interface CompiledEvaluateOptions {
  achievements: readonly Achievement[];
  /** Evaluation date, YYYY-MM-DD; defaults to today in UTC. */
  on?: string;
  /** How many routes to achievement to list (default 3). */
  routes?: number;
  budget?: BudgetOptions;
}

export function compileQualification(
  qualification: QualificationDefinition,
  units: readonly CatalogueUnit[],
): CompiledQualification {
  return { qualification, units, parts: compileParts(qualification, units), emptyRecord: new Map() };
}

/**
 * Same result as `evaluate({ qualification, units, ...options })` for the compiled qualification
 * and units, byte for byte. The definition and units must not be mutated after compiling.
 */
export function evaluateCompiled(
  compiled: CompiledQualification,
  options: CompiledEvaluateOptions,
): EvaluationResult {
  const on = options.on ?? todayUtc();
  const routes = Math.max(0, options.routes ?? 3);
  const { qualification, units, parts } = compiled;
  const full = {
    qualification,
    units,
    achievements: options.achievements,
    on,
    routes,
    budget: options.budget,
  };
  if (!fillsNoPlace(compiled, options.achievements, on)) return evaluateDetailed(full, parts).result;
  // No achievement fills a place: the search sees the same slots and options as for an empty record
  // (only the achievements' filler numbers shift, which keeps every order), so only `unused` differs.
  let empty = compiled.emptyRecord.get(routes);
  if (!empty) {
    empty = evaluateDetailed({ ...full, achievements: [] }, parts).result;
    compiled.emptyRecord.set(routes, empty);
  }
  const unused = [...new Set(options.achievements.map((a) => a.urn))].sort();
  return { ...structuredCopy(empty), unused };
}

/** True when no achievement valid on `on` could fill any place of the qualification. */
function fillsNoPlace(
  compiled: CompiledQualification,
  achievements: readonly Achievement[],
  on: string,
): boolean {
  const months = compiled.qualification.creditValidityMonths;
  for (const a of achievements) {
    if (compiled.parts.slotsByEligible.has(a.urn) && isValidOn(a.achievedOn, on, months)) return false;
  }
  return true;
}

/** Callers may mutate what they get back; the cached result must not change with it. */
function structuredCopy(r: EvaluationResult): EvaluationResult {
  return {
    ...r,
    levelRules: r.levelRules.map((l) => ({ ...l })),
    groups: r.groups.map((g) => ({ ...g, assigned: [...g.assigned], missing: [...g.missing] })),
    routes: r.routes.map((x) => ({ ...x, addUnits: [...x.addUnits] })),
  };
}
