import type { Achievement, CatalogueUnit, EvaluationResult, QualificationDefinition } from '../schemas';
import { todayUtc } from './dates';
import type { BudgetOptions } from './errors';
import { achievedResult, type Decision, decide, evaluateDetailed, reportDecision } from './evaluate';
import { freshInt32 } from './fresh';
import { buildModel, type Filler, type SearchModel } from './model';
import { compileParts, type ModelParts } from './model-parts';
import type { Solution } from './search';

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
  /**
   * Internal: the searches' decisions for records of one filler with routes asked for, by number of
   * routes and that filler (see `heldKey`): the first DECISIONS_KEPT_EACH.
   */
  readonly decisions: Map<string, KeptDecision>;
  /**
   * Internal: every decision for a record of one filler with no routes asked for, packed; at most
   * `PackedDecisions.capacity`.
   */
  readonly single: PackedDecisions;
}

/**
 * Decisions are kept for records of one filler only (two pairs in three in the benchmark): records
 * of two or more almost never repeat (over every benchmark pair, 65,043 distinct of 71,393 with two,
 * 36,152 of 37,020 with three), so a process-wide ring of 32,768 such decisions (about 11 MB) that
 * was kept until 2026-11-30 gained nothing measurable. With routes asked for, each compiled
 * qualification keeps its first DECISIONS_KEPT_EACH (about 330 bytes each with their keys).
 */
export const DECISIONS_KEPT_EACH = 32;

/**
 * Decisions for records of one filler and no routes, all kept, four integers each (16 bytes, about
 * 90 with the key and the map's entry, against about 330 for a `KeptDecision`): two pairs in three
 * in the benchmark are such records, and a qualification has about as many as the units that can
 * fill its places, so keeping all of them costs a few megabytes across a catalogue's thousands of
 * qualifications. Beyond `capacity` (only records whose units' credit or level vary would get there),
 * decisions are not kept.
 */
export class PackedDecisions {
  private readonly index = new Map<string, number>();
  private data = new Int32Array(32);

  constructor(readonly capacity: number) {}

  get size(): number {
    return this.index.size;
  }

  get(key: string): KeptDecision | undefined {
    const k = this.index.get(key);
    if (k === undefined) return undefined;
    const d = this.data;
    const at = k * 4;
    const flags = d[at] as number;
    const slot = d[at + 2] as number;
    return {
      achieved: (flags & 1) !== 0,
      reachable: (flags & 2) !== 0,
      additional: (flags & 4) !== 0 ? null : (d[at + 1] as number),
      routes: NO_ROUTES,
      shown: slot === NOT_SHOWN ? null : slot === NOT_PLACED ? [] : [slot, d[at + 3] as number],
    };
  }

  /** Whether it was kept (not when full, or when the decision has routes or more than one place). */
  set(key: string, k: KeptDecision): boolean {
    if (this.index.size >= this.capacity || k.routes.length > 0 || (k.shown && k.shown.length > 2))
      return false;
    const n = this.index.size;
    if ((n + 1) * 4 > this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    const at = n * 4;
    this.data[at] = (k.achieved ? 1 : 0) | (k.reachable ? 2 : 0) | (k.additional === null ? 4 : 0);
    this.data[at + 1] = k.additional ?? 0;
    this.data[at + 2] =
      k.shown === null ? NOT_SHOWN : k.shown.length === 0 ? NOT_PLACED : (k.shown[0] as number);
    this.data[at + 3] = k.shown?.[1] ?? 0;
    this.index.set(key, n);
    return true;
  }
}

/** PackedDecisions' slot for "no assignment shown", and for "shown, the achievement not placed". */
const NOT_SHOWN = -2;
const NOT_PLACED = -1;

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
  const parts = compileParts(qualification, units);
  return {
    qualification,
    units,
    parts,
    emptyRecord: new Map(),
    decisions: new Map(),
    single: new PackedDecisions(64 + 2 * parts.unitFillers.length),
  };
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
  const held = model.fillers.length - parts.unitFillers.length;
  if (held > 1) return reportDecision(full, model, decide(full, model, true)).result;
  if (held === 1) {
    // The model, and so every search, depends on the record only through its filler (its URN, credit
    // and level): the same filler gives the same decision. Only the report reads the achievements.
    const key = heldKey(model.fillers, parts.unitFillers.length, routes);
    const kept = routes === 0 ? compiled.single.get(key) : compiled.decisions.get(key);
    if (kept) return reportDecision(full, model, unkeep(model, kept)).result;
    const d = decide(full, model, true);
    const made = keep(model, d);
    if (routes === 0) compiled.single.set(key, made);
    else if (compiled.decisions.size < DECISIONS_KEPT_EACH) compiled.decisions.set(key, made);
    return reportDecision(full, model, d).result;
  }
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

/**
 * `evaluateCompiled`'s result when the record achieves the qualification, and null when it does not:
 * what claims detection needs. A record short of the qualification costs only the search that finds
 * no satisfying assignment, not those for the credit still needed and the closest assignment.
 */
export function achievedCompiled(
  compiled: CompiledQualification,
  options: Omit<CompiledEvaluateOptions, 'routes'>,
): EvaluationResult | null {
  const on = options.on ?? todayUtc();
  const { qualification, units, parts } = compiled;
  const { achievements, budget } = options;
  const model = buildModel({ qualification, units, achievements, on }, parts);
  return achievedResult({ qualification, units, achievements, on, routes: 0, budget }, model);
}

/**
 * The key of a record's fillers: each one's URN, credit and level rank, in filler order. Joined
 * rather than concatenated: a concatenated string is a chain of pieces (about 400 bytes for two
 * fillers, kept with the map entry), a joined one a single flat string.
 */
function heldKey(fillers: readonly Filler[], from: number, routes: number): string {
  const parts: (string | number)[] = [routes];
  for (let i = from; i < fillers.length; i++) {
    const f = fillers[i] as Filler;
    parts.push(f.urn, f.credits, f.rank);
  }
  return parts.join('\u0000');
}

/**
 * A decision in the form kept: the routes copied (the caller may mutate the ones it gets) and, of
 * the assignment shown, only the places of the learner's achievements (slot, option index), which
 * are all the report reads of it (units' places are not shown); at most one.
 */
interface KeptDecision {
  achieved: boolean;
  reachable: boolean;
  additional: number | null;
  routes: EvaluationResult['routes'];
  /** Slot and option index of each achievement placed, or null when nothing is shown. */
  shown: number[] | null;
}

function keep(model: SearchModel, d: Decision): KeptDecision {
  let shown: number[] | null = null;
  if (d.shown) {
    shown = [];
    const choice = d.shown.choice;
    for (let s = 0; s < choice.length; s++) {
      const i = choice[s] ?? -1;
      const o = i >= 0 ? model.slots[s]?.options[i] : undefined;
      if (o && model.fillers[o.filler]?.cost === 0) shown.push(s, i);
    }
  }
  return { ...d, routes: d.routes.length === 0 ? NO_ROUTES : copyRoutes(d.routes), shown };
}

/** Kept decisions' empty route list, shared (unkeep copies it). */
const NO_ROUTES: EvaluationResult['routes'] = [];

/** The kept decision for a model with the same fillers: the shown achievements in their places. */
function unkeep(model: SearchModel, k: KeptDecision): Decision {
  let shown: Solution | null = null;
  if (k.shown) {
    const choice = freshInt32(model.slots.length).fill(-1);
    for (let j = 0; j < k.shown.length; j += 2) choice[k.shown[j] as number] = k.shown[j + 1] as number;
    shown = { choice, total: 0, cost: 0, count: 0 };
  }
  return { ...k, routes: copyRoutes(k.routes), shown };
}

function copyRoutes(routes: EvaluationResult['routes']): EvaluationResult['routes'] {
  return routes.map((x) => ({ addUnits: [...x.addUnits], additionalCredits: x.additionalCredits }));
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
