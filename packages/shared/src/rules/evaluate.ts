import type { Achievement, CatalogueUnit, EvaluationResult, QualificationDefinition } from '../schemas';
import { todayUtc } from './dates';
import { type BudgetOptions, WorkBudget } from './errors';
import { asSolution, heldPlacement, satisfiesWith } from './held-placement';
import { buildModel, type SearchModel } from './model';
import type { ModelParts } from './model-parts';
import { ownCouldSatisfy } from './quick-checks';
import { describeAssignment, type Placement } from './report';
import { bestAddSet, maskFor, routesToAchievement } from './routes';
import { type Solution, search } from './search';

export interface EvaluateOptions {
  qualification: QualificationDefinition;
  /** Catalogue entries; those of listed URNs are the units a learner could add. */
  units: readonly CatalogueUnit[];
  achievements: readonly Achievement[];
  /** Evaluation date, YYYY-MM-DD; defaults to today in UTC. */
  on?: string;
  /** How many routes to achievement to list (default 3). */
  routes?: number;
  budget?: BudgetOptions;
}

/**
 * Evaluates a learner's achievements against a qualification's rules of combination, exactly as
 * docs/rules-of-combination.md specifies. Throws RocTooComplexError rather than searching past the
 * work budget.
 *
 * - Achieved: the satisfying assignment that counts the most credit.
 * - Not achieved but reachable: `additionalCreditsNeeded` is the least credit to add; the reported
 *   ("closest") assignment is the one counting the most credit alongside the first route's units
 *   (or, with no routes asked for, a least-credit set's), with those units taken out, so each
 *   group shows what it still needs.
 * - Unreachable: the assignment counting the most credit, satisfying or not.
 */
export function evaluate(options: EvaluateOptions): EvaluationResult {
  return evaluateDetailed(options).result;
}

/** As `evaluate`, plus which achievement fills which place (for explanations and tests). */
export function evaluateDetailed(
  options: EvaluateOptions,
  /** The qualification's compiled share of the model, when the caller has one. */
  parts?: ModelParts,
): {
  result: EvaluationResult;
  placements: Placement[];
} {
  return evaluateWith(options, parts, true);
}

/**
 * The evaluation, with the fast exact paths (held placement, the quick check before "achieved?",
 * the search's shortcuts; see README) or, for the tests that compare them with it, without: every
 * answer is the general search's either way.
 */
export function evaluateWith(
  options: EvaluateOptions,
  parts: ModelParts | undefined,
  fastPaths: boolean,
): {
  result: EvaluationResult;
  placements: Placement[];
} {
  const { qualification: q, achievements } = options;
  const on = options.on ?? todayUtc();
  const model = buildModel({ qualification: q, units: options.units, achievements, on }, parts);
  return evaluateModel(options, model, fastPaths);
}

/** evaluateWith for a model already built from the options (compiled.ts builds it itself). */
export function evaluateModel(
  options: EvaluateOptions,
  model: SearchModel,
  fastPaths: boolean,
): {
  result: EvaluationResult;
  placements: Placement[];
} {
  return reportDecision(options, model, decide(options, model, fastPaths));
}

/**
 * What the searches decide for a model, before the report: the outcome and the assignment shown.
 * It depends on the model alone (and the routes asked for): the learner's achievements enter only
 * through the report (which achievement is shown, `unused`).
 */
export interface Decision {
  achieved: boolean;
  reachable: boolean;
  additional: number | null;
  routes: EvaluationResult['routes'];
  /** The assignment shown: option index per slot (-1: empty), as Solution.choice. */
  shown: Solution | null;
}

/** The searches of an evaluation (see `evaluate` for what each outcome shows). */
export function decide(options: EvaluateOptions, model: SearchModel, fastPaths: boolean): Decision {
  const budget = new WorkBudget(options.budget);
  const own = maskFor(model, 'none');
  const { ownPlacement, achieved } = ownSearch(model, own, budget, fastPaths);
  if (achieved) return achievedDecision(achieved);

  const all = maskFor(model, 'all');
  const first = bestAddSet(model, all, budget, 0, fastPaths);
  if (!first) {
    const closest = ownPlacement
      ? asSolution(model, ownPlacement)
      : search({ model, allowed: own, objective: 'maxCredit', satisfy: false, budget, shortcuts: fastPaths });
    return { achieved: false, reachable: false, additional: null, routes: [], shown: closest };
  }

  const count = Math.max(0, options.routes ?? 3);
  const routes = routesToAchievement(model, all, first, count, budget, fastPaths);
  // Closest: the assignment counting the most credit alongside the first listed route's units,
  // minus those units, so the groups show what that route completes. (Maximising over every
  // least-credit route instead costs a search of its own.)
  const shownRoute = routes[0] ?? first;
  const withRoute = maskFor(model, shownRoute.fillers);
  const routePlacement = fastPaths ? heldPlacement(model, withRoute) : null;
  const closest = routePlacement
    ? asSolution(model, routePlacement)
    : (search({
        model,
        allowed: withRoute,
        objective: 'maxCredit',
        satisfy: true,
        budget,
        shortcuts: fastPaths,
      }) ?? shownRoute.solution);
  return {
    achieved: false,
    reachable: true,
    additional: first.cost,
    routes: routes.map((r) => ({ addUnits: r.urns, additionalCredits: r.cost })),
    shown: closest,
  };
}

/**
 * The first of `decide`'s searches: with the learner's own achievements only, the satisfying
 * assignment counting the most credit, or null when there is none.
 */
function ownSearch(
  model: SearchModel,
  own: Uint8Array,
  budget: WorkBudget,
  fastPaths: boolean,
): { ownPlacement: ReturnType<typeof heldPlacement>; achieved: Solution | null } {
  // Where the learner's achievements each have one place, the maximising searches' answer is
  // known: all of them in their places (held-placement.ts).
  const ownPlacement = fastPaths ? heldPlacement(model, own) : null;
  if (ownPlacement) {
    return {
      ownPlacement,
      achieved: satisfiesWith(model, ownPlacement) ? asSolution(model, ownPlacement) : null,
    };
  }
  const achieved =
    !fastPaths || ownCouldSatisfy(model)
      ? search({ model, allowed: own, objective: 'maxCredit', satisfy: true, budget, shortcuts: fastPaths })
      : null;
  return { ownPlacement, achieved };
}

const achievedDecision = (shown: Solution): Decision => ({
  achieved: true,
  reachable: true,
  additional: 0,
  routes: [],
  shown,
});

/**
 * The result `evaluate` gives when the record achieves the qualification, or null when it does not,
 * without the searches that only a record short of it needs (the credit still needed, the routes, the
 * closest assignment): most of an evaluation's work when the qualification is not achieved.
 */
export function achievedResult(options: EvaluateOptions, model: SearchModel): EvaluationResult | null {
  const { achieved } = ownSearch(model, maskFor(model, 'none'), new WorkBudget(options.budget), true);
  return achieved ? reportDecision(options, model, achievedDecision(achieved)).result : null;
}

/** The result for a decision: the assignment described with the learner's own achievements. */
export function reportDecision(
  options: EvaluateOptions,
  model: SearchModel,
  d: Decision,
): { result: EvaluationResult; placements: Placement[] } {
  const q = options.qualification;
  const header = { qan: q.qan, requiredCredits: q.minCredits };
  const shown = describeAssignment(model, d.shown, options.achievements);
  return result(header, shown, d);
}

function result(
  header: { qan: string; requiredCredits: number },
  shown: ReturnType<typeof describeAssignment>,
  outcome: {
    achieved: boolean;
    reachable: boolean;
    additional: number | null;
    routes: EvaluationResult['routes'];
  },
): { result: EvaluationResult; placements: Placement[] } {
  // Key order follows the contract's Output example, so printed JSON reads the same.
  const result: EvaluationResult = {
    qan: header.qan,
    achieved: outcome.achieved,
    reachable: outcome.reachable,
    countedCredits: shown.countedCredits,
    requiredCredits: header.requiredCredits,
    additionalCreditsNeeded: outcome.additional,
    levelRules: shown.levelRules,
    groups: shown.groups,
    unused: shown.unused,
    routes: outcome.routes,
  };
  return { result, placements: shown.placements };
}
