import type { Achievement, CatalogueUnit, EvaluationResult, QualificationDefinition } from '../schemas';
import { todayUtc } from './dates';
import type { BudgetOptions } from './errors';
import { evaluateDetailed, evaluateModel } from './evaluate';
import { buildModel } from './model';
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
  const achievements = options.achievements;
  const full = { qualification, units, achievements, on, routes, budget: options.budget };
  const model = buildModel({ qualification, units, achievements, on }, parts);
  // An achievement valid on `on` that can fill a place becomes a filler after the units'.
  if (model.fillers.length > parts.unitFillers.length) return evaluateModel(full, model, true).result;
  // No achievement fills a place: the search sees the same slots and options as for an empty record
  // (only the achievements' filler numbers shift, which keeps every order), so only `unused` differs.
  let empty = compiled.emptyRecord.get(routes);
  if (!empty) {
    empty = evaluateDetailed({ ...full, achievements: [] }, parts).result;
    compiled.emptyRecord.set(routes, empty);
  }
  const unused = [...new Set(achievements.map((a) => a.urn))].sort();
  return { ...structuredCopy(empty), unused };
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
