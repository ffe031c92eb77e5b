import type { Achievement, CatalogueUnit, QualificationDefinition } from '../schemas';
import { monthsBefore } from './dates';
import { copyFloat64, freshInt32 } from './fresh';
import { levelRank } from './levels';
import { compileParts, countFillers, type ModelParts, mayFill, slotWith } from './model-parts';

/**
 * The search model: a definition, a learner and a date flattened into arrays of numbers so the
 * search loops touch no strings or maps.
 */

/** Something that can fill a place: a valid achievement, or a catalogue unit the learner could add. */
export interface Filler {
  urn: string;
  credits: number;
  rank: number;
  /** Credit the learner would still have to achieve: 0 for an achievement, credits for a unit. */
  cost: number;
  /** Index into the input achievements, or -1 for a unit that could be added. */
  achievement: number;
}

export interface Option {
  filler: number;
  group: number;
}

/** One listed URN: it is filled at most once, whichever groups list it (rule 2). */
export interface Slot {
  urn: string;
  groups: number[];
  /** Groups with `all: true` listing this URN; more than one makes the definition unsatisfiable. */
  allGroups: number[];
  options: Option[];
  barred: number[];
  /** The URN's equivalents: achievements of these fill the place too (shared empty list when none). */
  equivalents: string[];
  /**
   * Indexes into the listed URNs of those whose catalogue unit may fill this place, in the order
   * the search tries units (see model-parts.ts); null when the URN has no equivalents: then its
   * own unit, if it has one.
   */
  catalogueOrder: number[] | null;
}

export interface GroupModel {
  id: string;
  all: boolean;
  size: number;
  minCredits: number;
  maxCredits: number;
  minUnits: number;
  maxUnits: number;
  urns: string[];
}

export interface SearchModel {
  slots: Slot[];
  fillers: Filler[];
  groups: GroupModel[];
  minCredits: number;
  levelRules: { rank: number; credits: number }[];
  /** The rules' level strings, for the output. */
  levelRuleLevels: string[];
  barredCount: number;
  /** Per slot, the largest credit of any of its options (0 without options): a search-order key. */
  slotMost: Float64Array;
  /** Per filler, how many slots list it among their options (rule 1 makes it count in one). */
  fillerSlots: Int32Array;
  /** Slot s's options are numbered optionStart[s] … optionStart[s + 1] - 1 across the model. */
  optionStart: Int32Array;
  /** Per group, its listed URNs (in listed order) as slot indexes. */
  groupSlots: number[][];
  /** Some URN is listed in two `all` groups: no assignment can satisfy the definition. */
  allClash: boolean;
  /**
   * The slots the learner's achievements can fill, ascending: the only ones with options that cost
   * nothing (every other slot offers catalogue units alone).
   */
  heldSlots: Int32Array;
}

export interface ModelInput {
  qualification: QualificationDefinition;
  units: readonly CatalogueUnit[];
  achievements: readonly Achievement[];
  on: string;
}

/**
 * The model for one learner. `parts` (the qualification's share, see model-parts.ts) may come
 * from a compiled qualification; it is computed here otherwise.
 *
 * Fillers: the catalogue units first (parts.unitFillers, shared), then the learner's valid
 * achievements that can fill some place, in input order (an achievement that fills no place takes
 * part in no search). Only the relative order within each kind matters to the search (option
 * order, ties), so this numbering gives the same answers as any other. A slot none of the
 * learner's achievements can fill is the empty record's (parts.baseSlots); the others are rebuilt
 * with the learner's achievements first (larger credit first, then input order) and without the
 * units of URNs the learner validly holds (an expired achievement's unit may be taken again).
 */
export function buildModel(
  input: ModelInput,
  parts: ModelParts = compileParts(input.qualification, input.units),
): SearchModel {
  const months = input.qualification.creditValidityMonths;
  // isValidOn's two comparisons, with the validity period's first day computed once.
  const from = months === undefined ? '' : monthsBefore(input.on, months);
  let fillers = parts.unitFillers;
  let heldByUrn: Map<string, number[]> | null = null;
  const unitCount = fillers.length;
  const heldList: Filler[] = [];
  const n = parts.baseSlots.length;
  if (touched.length < n) touched = new Uint8Array(n * 2);
  touched.fill(0, 0, n);
  const achievements = input.achievements;
  const { slotOf, equivalentSlots, urnFilter } = parts;
  const anyEquivalents = equivalentSlots.size > 0;
  for (let i = 0; i < achievements.length; i++) {
    const a = achievements[i] as Achievement;
    // Most of a learner's achievements belong to other qualifications: the filter and the map
    // tests go first (a URN the filter rules out is in neither map).
    if (!mayFill(urnFilter, a.urn)) continue;
    const own = slotOf.get(a.urn);
    const others = anyEquivalents ? equivalentSlots.get(a.urn) : undefined;
    if ((own === undefined && others === undefined) || a.achievedOn > input.on || a.achievedOn < from)
      continue;
    if (!heldByUrn) heldByUrn = new Map();
    const id = unitCount + heldList.length;
    const list = heldByUrn.get(a.urn);
    if (list) list.push(id);
    else heldByUrn.set(a.urn, [id]);
    heldList.push({ urn: a.urn, credits: a.credits, rank: levelRank(a.level), cost: 0, achievement: i });
    if (own !== undefined) touched[own] = 1;
    if (others) for (const s of others) touched[s] = 1;
  }
  // One list of exactly the units and the held achievements (pushing onto a copy of the units'
  // grew it by half again, about a kilobyte per evaluation).
  if (heldList.length > 0) fillers = fillers.concat(heldList);
  if (!heldByUrn) {
    return modelOf(
      parts,
      parts.baseSlots,
      fillers,
      parts.baseSlotMost,
      parts.baseFillerSlots,
      parts.baseOptionStart,
      NO_SLOTS,
    );
  }
  const held = heldByUrn;
  const slots = parts.baseSlots.slice();
  // The model's typed arrays die with the evaluation: carved from shared buffers (fresh.ts).
  const slotMost = copyFloat64(parts.baseSlotMost);
  const fillerSlots = freshInt32(fillers.length);
  fillerSlots.set(parts.baseFillerSlots);
  for (let s = 0; s < slots.length; s++) {
    if (touched[s] !== 1) continue;
    const shape = parts.baseSlots[s] as Slot;
    countFillers(shape, fillerSlots, -1);
    const ids = heldFillers(shape.urn, shape.equivalents, held, fillers);
    const order = shape.catalogueOrder;
    if (order === null) {
      const own = parts.unitFillerOf[s] ?? -1;
      if (own >= 0 && !held.has(shape.urn)) ids.push(own);
    } else {
      for (const i of order) {
        if (!held.has(parts.listed[i] ?? '')) ids.push(parts.unitFillerOf[i] ?? -1);
      }
    }
    const slot = slotWith(shape, ids);
    countFillers(slot, fillerSlots, 1);
    slots[s] = slot;
    let most = 0;
    for (const f of ids) most = Math.max(most, fillers[f]?.credits ?? 0);
    slotMost[s] = most;
  }
  // An untouched slot has its base options, whose count the base numbering already holds: only the
  // rebuilt slots are read (each slot read is likely a cache miss when many are compiled).
  const optionStart = freshInt32(slots.length + 1);
  const base = parts.baseOptionStart;
  for (let s = 0; s < slots.length; s++) {
    const count = touched[s] === 1 ? (slots[s] as Slot).options.length : (base[s + 1] ?? 0) - (base[s] ?? 0);
    optionStart[s + 1] = (optionStart[s] ?? 0) + count;
  }
  let rebuilt = 0;
  for (let s = 0; s < n; s++) rebuilt += touched[s] ?? 0;
  const heldSlots = freshInt32(rebuilt);
  for (let s = 0, k = 0; s < n; s++) if (touched[s] === 1) heldSlots[k++] = s;
  return modelOf(parts, slots, fillers, slotMost, fillerSlots, optionStart, heldSlots);
}

/**
 * Every model is built here, with its fields in one order, so the engine's hot loops see one
 * object shape (an object spread made shapes that V8 optimised less well).
 */
function modelOf(
  parts: ModelParts,
  slots: Slot[],
  fillers: Filler[],
  slotMost: Float64Array,
  fillerSlots: Int32Array,
  optionStart: Int32Array,
  heldSlots: Int32Array,
): SearchModel {
  return {
    slots,
    fillers,
    groups: parts.groups,
    minCredits: parts.qualification.minCredits,
    levelRules: parts.levelRules,
    levelRuleLevels: parts.levelRuleLevels,
    barredCount: parts.barredCount,
    slotMost,
    fillerSlots,
    optionStart,
    groupSlots: parts.groupSlots,
    allClash: parts.allClash,
    heldSlots,
  };
}

/** The base model's heldSlots: no learner's filler. */
const NO_SLOTS = new Int32Array(0);

/** Per slot, 1 when one of the learner's achievements can fill it: scratch for buildModel. */
let touched = new Uint8Array(64);

/**
 * The learner's achievements that can fill a place with these eligible URNs, larger credit first
 * (finds high-credit assignments early), then in input order.
 */
function heldFillers(
  urn: string,
  equivalents: string[],
  heldByUrn: Map<string, number[]>,
  fillers: Filler[],
): number[] {
  const ids: number[] = [];
  for (const f of heldByUrn.get(urn) ?? []) if (!ids.includes(f)) ids.push(f);
  for (const u of equivalents) for (const f of heldByUrn.get(u) ?? []) if (!ids.includes(f)) ids.push(f);
  const credits = (id: number) => fillers[id]?.credits ?? 0;
  return ids.length > 1 ? ids.sort((a, b) => credits(b) - credits(a) || a - b) : ids;
}
