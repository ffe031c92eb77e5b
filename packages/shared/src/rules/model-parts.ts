import type { CatalogueUnit, QualificationDefinition } from '../schemas';
import { levelRank } from './levels';
import type { Filler, GroupModel, Option, Slot } from './model';

/**
 * Everything in the search model that depends on the qualification and its catalogue entries
 * only. Computed once per qualification (see `compileQualification`), so evaluating many learners
 * against one qualification only adds each learner's fillers. Kept small: a process holds one per
 * qualification it has evaluated, and the garbage collector copies each as it ages.
 */
export interface ModelParts {
  qualification: QualificationDefinition;
  groups: GroupModel[];
  /** Distinct listed URNs, sorted: the search decides slots in this order. */
  listed: string[];
  /** Each listed URN's index in `listed` (its slot). */
  slotOf: ReadonlyMap<string, number>;
  /**
   * For each URN that is an equivalent of some listed URN, the slots it can fill as one (its own
   * slot, if it is listed, is in `slotOf`). With `slotOf`, its keys are every URN whose achievement
   * could fill some place.
   */
  equivalentSlots: ReadonlyMap<string, number[]>;
  /**
   * A bit per `urnHash` value of every key of `slotOf` and `equivalentSlots`: a URN whose bit is
   * clear can fill no place, so the learner's model skips its map lookups (most of a learner's
   * achievements belong to other qualifications).
   */
  urnFilter: Int32Array;
  levelRules: { rank: number; credits: number }[];
  levelRuleLevels: string[];
  barredCount: number;
  /**
   * The units a learner could add, one filler per listed URN with a catalogue entry (in listed
   * order), numbered first in every learner's model; -1 in `unitFillerOf` for a URN without one.
   */
  unitFillers: Filler[];
  unitFillerOf: Int32Array;
  /**
   * The slots of a learner who holds none of the URNs (the empty record): a learner's model shares
   * every slot that none of their valid achievements can fill, with its option order and counts,
   * and rebuilds the others from these (their groups, equivalents and unit order).
   */
  baseSlots: Slot[];
  baseSlotMost: Float64Array;
  baseFillerSlots: Int32Array;
  baseOptionStart: Int32Array;
  /** Some URN is listed in two `all` groups: no assignment can satisfy the definition. */
  allClash: boolean;
  /** Per group, its listed URNs (in listed order) as slot indexes. */
  groupSlots: number[][];
}

/** The empty list, shared by every slot without barred sets, `all` groups or equivalents (never mutated). */
const NONE: never[] = [];

export function compileParts(q: QualificationDefinition, units: readonly CatalogueUnit[]): ModelParts {
  // Distinct listed URNs, sorted; the map first collects them, then holds each one's index.
  const slotOf = new Map<string, number>();
  const listed: string[] = [];
  for (const g of q.groups) {
    for (const urn of g.units) {
      // One map operation per URN: a new key is seen by the map growing.
      const size = slotOf.size;
      slotOf.set(urn, 0);
      if (slotOf.size !== size) listed.push(urn);
    }
  }
  listed.sort();
  const n = listed.length;
  for (let i = 0; i < n; i++) slotOf.set(listed[i] as string, i);
  // Each group's listed URNs as slot indexes, a repeat dropped (`seen` holds 1 + the group's index).
  const groups: GroupModel[] = [];
  const groupSlots: number[][] = [];
  const seen = new Int32Array(n);
  for (let gi = 0; gi < q.groups.length; gi++) {
    const g = q.groups[gi] as QualificationDefinition['groups'][number];
    const slots: number[] = [];
    for (const urn of g.units) {
      const i = slotOf.get(urn) as number;
      if (seen[i] === gi + 1) continue;
      seen[i] = gi + 1;
      slots.push(i);
    }
    // The definition's own list when it has no repeats (the definition is not changed after compiling).
    let urns = g.units;
    if (slots.length !== g.units.length) {
      urns = [];
      for (const i of slots) urns.push(listed[i] as string);
    }
    groups.push(toGroupModel(g, urns));
    groupSlots.push(exact(slots));
  }
  const listedUnits: (CatalogueUnit | undefined)[] = new Array(n);
  for (const u of units) {
    const i = slotOf.get(u.urn);
    // The last entry of a URN wins, as in a Map built from the list.
    if (i !== undefined) listedUnits[i] = u;
  }
  // Slot i is listed[i]: its groups and barred sets, in definition order. A slot in one group (the
  // usual case) shares that group's one-element list; lists are never written after compiling.
  const slotGroups: number[][] = new Array(n).fill(NONE);
  for (let gi = 0; gi < groups.length; gi++) {
    const single = [gi];
    for (const i of groupSlots[gi] as number[]) {
      const list = slotGroups[i] as number[];
      slotGroups[i] = list === NONE ? single : [...list, gi];
    }
  }
  const slotBarred: number[][] = new Array(n).fill(NONE);
  (q.barred ?? []).forEach((set, b) => {
    for (const urn of new Set(set)) {
      const i = slotOf.get(urn);
      if (i === undefined) continue;
      const list = slotBarred[i] as number[];
      slotBarred[i] = list === NONE ? [b] : [...list, b];
    }
  });
  // Equivalents by slot, read once from the definition's map rather than looked up per URN.
  const slotEquivalents: string[][] = new Array(n).fill(NONE);
  const equivalentSlots = new Map<string, number[]>();
  const eq = q.equivalents;
  if (eq) {
    for (const urn of Object.keys(eq)) {
      const s = slotOf.get(urn);
      const list = eq[urn];
      if (s === undefined || !list || list.length === 0) continue;
      slotEquivalents[s] = list;
    }
    for (let s = 0; s < n; s++) {
      for (const u of slotEquivalents[s] as string[]) {
        if (u === listed[s]) continue;
        const slots = equivalentSlots.get(u);
        if (!slots) equivalentSlots.set(u, [s]);
        else if (slots[slots.length - 1] !== s) slots.push(s);
      }
    }
  }
  const urnFilter = new Int32Array(URN_FILTER_WORDS);
  for (let i = 0; i < n; i++) addToFilter(urnFilter, listed[i] as string);
  for (const u of equivalentSlots.keys()) addToFilter(urnFilter, u);
  const unitFillerOf = new Int32Array(n).fill(-1);
  const unitFillers: Filler[] = [];
  for (let i = 0; i < n; i++) {
    const unit = listedUnits[i];
    if (!unit) continue;
    unitFillerOf[i] = unitFillers.length;
    unitFillers.push({
      urn: listed[i] as string,
      credits: unit.credits,
      rank: levelRank(unit.level),
      cost: unit.credits,
      achievement: -1,
    });
  }
  const baseSlots: Slot[] = [];
  let allClash = false;
  const credits = (i: number) => listedUnits[i]?.credits ?? 0;
  for (let s = 0; s < n; s++) {
    const inGroups = slotGroups[s] as number[];
    const equivalents = slotEquivalents[s] as string[];
    let catalogueOrder: number[] | null = null;
    const fillers: number[] = [];
    if (equivalents === NONE) {
      if ((unitFillerOf[s] ?? -1) >= 0) fillers.push(unitFillerOf[s] ?? -1);
    } else {
      // The slot's own unit first, then larger credit, then listed order (the units' filler order).
      const order: number[] = [];
      for (const u of [listed[s] as string, ...equivalents]) {
        const i = slotOf.get(u);
        if (i !== undefined && listedUnits[i] !== undefined && !order.includes(i)) order.push(i);
      }
      const own = (i: number) => (i === s ? 0 : 1);
      if (order.length > 1) order.sort((a, b) => own(a) - own(b) || credits(b) - credits(a) || a - b);
      catalogueOrder = order;
      for (const i of order) fillers.push(unitFillerOf[i] ?? -1);
    }
    let allGroups: number[] = NONE;
    for (const g of inGroups) if (groups[g]?.all) allGroups = allGroups === NONE ? [g] : [...allGroups, g];
    if (allGroups.length > 1) allClash = true;
    baseSlots.push(
      slotWith(
        {
          urn: listed[s] as string,
          groups: inGroups,
          allGroups,
          options: NONE,
          barred: slotBarred[s] as number[],
          equivalents,
          catalogueOrder,
        },
        fillers,
      ),
    );
  }
  const derived = slotCounts(baseSlots, unitFillers);
  const levelRules: { rank: number; credits: number }[] = [];
  const levelRuleLevels: string[] = [];
  for (const r of q.minCreditsAtOrAboveLevel ?? []) {
    levelRules.push({ rank: levelRank(r.level), credits: r.credits });
    levelRuleLevels.push(r.level);
  }
  return {
    qualification: q,
    groups,
    listed,
    slotOf,
    equivalentSlots,
    urnFilter,
    unitFillers,
    unitFillerOf,
    baseSlots,
    baseSlotMost: derived.most,
    baseFillerSlots: derived.fillerSlots,
    baseOptionStart: derived.optionStart,
    allClash,
    groupSlots,
    levelRules,
    levelRuleLevels,
    barredCount: q.barred?.length ?? 0,
  };
}

/** Words of a URN filter: 1,024 bits, so a qualification's few dozen URNs leave most clear. */
const URN_FILTER_WORDS = 32;

/**
 * A hash of the URN's length and last four characters (URNs differ most at the end), in
 * 0 … 1,023: cheaper than a map lookup, which must also find the URN's table entry.
 */
export function urnHash(urn: string): number {
  const len = urn.length;
  let h = len;
  for (let i = len > 4 ? len - 4 : 0; i < len; i++) h = (h * 31 + urn.charCodeAt(i)) | 0;
  return (h ^ (h >>> 10)) & 1023;
}

function addToFilter(filter: Int32Array, urn: string): void {
  const h = urnHash(urn);
  filter[h >>> 5] = (filter[h >>> 5] ?? 0) | (1 << (h & 31));
}

/** False only when the URN is not among the filter's: then it is neither listed nor an equivalent. */
export function mayFill(filter: Int32Array, urn: string): boolean {
  const h = urnHash(urn);
  return ((filter[h >>> 5] ?? 0) & (1 << (h & 31))) !== 0;
}

/** The group's rules, with its distinct listed URNs in listed order. */
function toGroupModel(g: QualificationDefinition['groups'][number], urns: string[]): GroupModel {
  return {
    id: g.id,
    all: g.all === true,
    size: urns.length,
    minCredits: g.minCredits ?? 0,
    maxCredits: g.maxCredits ?? Number.POSITIVE_INFINITY,
    minUnits: g.minUnits ?? 0,
    maxUnits: g.maxUnits ?? Number.POSITIVE_INFINITY,
    urns,
  };
}

/**
 * The list without spare room. An array grown by push from empty keeps room for 16 more elements,
 * which for the one or two options of a typical slot made a compiled qualification twice the size
 * (45 KB for 40 slots), and every compiled qualification is copied by the garbage collector as it
 * ages. A copy of a short list is exactly as long as it.
 */
function exact<T>(list: T[]): T[] {
  return list === (NONE as unknown[]) || list.length > 16 ? list : list.slice();
}

/** A slot of the model: the base slot's place with these fillers (in order), each in every group. */
export function slotWith(shape: Slot, fillers: number[]): Slot {
  const groups = shape.groups;
  let options: Slot['options'];
  if (fillers.length === 1 && groups.length === 1) {
    options = onlyOption(fillers[0] as number, groups[0] as number);
  } else {
    options = [];
    for (let i = 0; i < fillers.length; i++) {
      const filler = fillers[i] as number;
      for (let k = 0; k < groups.length; k++) options.push(optionOf(filler, groups[k] as number));
    }
    options = exact(options);
  }
  return {
    urn: shape.urn,
    groups: shape.groups,
    allGroups: shape.allGroups,
    options,
    barred: shape.barred,
    equivalents: shape.equivalents,
    catalogueOrder: shape.catalogueOrder,
  };
}

/**
 * Options and one-option lists are never written after they are made (by slotWith, for compiled
 * and learners' models alike), so one object per (filler, group) and one list per such object
 * serve every model: a compiled qualification is mostly slots of one option, and each object the
 * collector does not have to copy as the qualification ages is time saved. Indexed by group, then
 * filler; grown as needed.
 */
const optionsByGroup: Option[][] = [];
const onlyOptionsByGroup: Option[][][] = [];

/** The shared option of this filler in this group. */
export function optionOf(filler: number, group: number): Option {
  while (optionsByGroup.length <= group) optionsByGroup.push([]);
  const row = optionsByGroup[group] as Option[];
  while (row.length <= filler) row.push({ filler: row.length, group });
  return row[filler] as Option;
}

/** The shared list holding just that option. */
function onlyOption(filler: number, group: number): Option[] {
  while (onlyOptionsByGroup.length <= group) onlyOptionsByGroup.push([]);
  const row = onlyOptionsByGroup[group] as Option[][];
  while (row.length <= filler) row.push([optionOf(row.length, group)]);
  return row[filler] as Option[];
}

/**
 * Per slot the largest option credit; per filler how many slots offer it; where each slot's
 * options start in the model-wide numbering.
 */
export function slotCounts(
  slots: Slot[],
  fillers: Filler[],
): { most: Float64Array; fillerSlots: Int32Array; optionStart: Int32Array } {
  const fillerSlots = new Int32Array(fillers.length);
  const optionStart = new Int32Array(slots.length + 1);
  // Plain loops: an inlined `slots.map` here sent compileParts into a loop of deoptimisations
  // ("wrong map", over a hundred in the benchmark's first row), each followed by a recompile.
  const most = new Float64Array(slots.length);
  for (let s = 0; s < slots.length; s++) {
    const slot = slots[s] as Slot;
    optionStart[s + 1] = (optionStart[s] ?? 0) + slot.options.length;
    countFillers(slot, fillerSlots, 1);
    let m = 0;
    const options = slot.options;
    for (let i = 0; i < options.length; i++)
      m = Math.max(m, fillers[(options[i] as Option).filler]?.credits ?? 0);
    most[s] = m;
  }
  return { most, fillerSlots, optionStart };
}

/** Adds sign to the count of each distinct filler the slot offers. */
export function countFillers(slot: Slot, fillerSlots: Int32Array, sign: number): void {
  let last = -1;
  // Options list each filler once per group, consecutively, so a change of filler is a new one.
  const options = slot.options;
  for (let i = 0; i < options.length; i++) {
    const o = options[i] as Option;
    if (o.filler === last) continue;
    last = o.filler;
    fillerSlots[last] = (fillerSlots[last] ?? 0) + sign;
  }
}
