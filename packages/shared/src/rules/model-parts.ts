import type { CatalogueUnit, QualificationDefinition } from '../schemas';
import { levelRank } from './levels';
import type { Filler, GroupModel, Slot } from './model';

/** A listed URN's place in the definition, before any learner is known. */
export interface SlotShape {
  urn: string;
  groups: number[];
  allGroups: number[];
  /** The URN and its equivalents: achievements of these fill the place. */
  eligible: string[];
  barred: number[];
  /**
   * Indexes into `listed` of the URNs whose catalogue unit may fill this place (the URN and any
   * listed equivalent with a catalogue entry), in the order the search tries units: the slot's own
   * first, then larger credit, then listed order (which is the units' filler order).
   */
  catalogueOrder: number[];
}

/**
 * Everything in the search model that depends on the qualification and its catalogue entries
 * only. Computed once per qualification (see `compileQualification`), so evaluating many learners
 * against one qualification only adds each learner's fillers.
 */
export interface ModelParts {
  qualification: QualificationDefinition;
  groups: GroupModel[];
  /** Distinct listed URNs, sorted: the search decides slots in this order. */
  listed: string[];
  slots: SlotShape[];
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
   * every slot that none of their valid achievements can fill, with its option order and counts.
   */
  baseSlots: Slot[];
  baseSlotMost: number[];
  baseFillerSlots: Int32Array;
  baseOptionStart: Int32Array;
  /**
   * Slots whose place a URN's achievement could fill (its own and those it is an equivalent of);
   * its keys are every URN whose achievement could fill some place.
   */
  slotsByEligible: ReadonlyMap<string, number[]>;
  /** Some URN is listed in two `all` groups: no assignment can satisfy the definition. */
  allClash: boolean;
  /** Per group, its listed URNs (in listed order) as slot indexes. */
  groupSlots: number[][];
}

/** The empty list, shared by every slot without barred sets or `all` groups (never mutated). */
const NONE: number[] = [];

export function compileParts(q: QualificationDefinition, units: readonly CatalogueUnit[]): ModelParts {
  const groups = q.groups.map(toGroupModel);
  // Distinct listed URNs, sorted; the map first collects them, then holds each one's index.
  const listedIndex = new Map<string, number>();
  for (const g of groups) for (const urn of g.urns) if (!listedIndex.has(urn)) listedIndex.set(urn, 0);
  const listed = [...listedIndex.keys()].sort();
  for (let i = 0; i < listed.length; i++) listedIndex.set(listed[i] as string, i);
  const listedUnits: (CatalogueUnit | undefined)[] = new Array(listed.length);
  for (const u of units) {
    const i = listedIndex.get(u.urn);
    // The last entry of a URN wins, as in a Map built from the list.
    if (i !== undefined) listedUnits[i] = u;
  }
  // Slot i is listed[i]: its groups and barred sets, in definition order.
  const slotGroups: number[][] = [];
  for (let i = 0; i < listed.length; i++) slotGroups.push([]);
  for (let gi = 0; gi < groups.length; gi++) {
    for (const urn of (groups[gi] as GroupModel).urns) slotGroups[listedIndex.get(urn) ?? 0]?.push(gi);
  }
  const slotBarred: number[][] = [];
  for (let i = 0; i < listed.length; i++) slotBarred.push(NONE);
  (q.barred ?? []).forEach((set, b) => {
    for (const urn of new Set(set)) {
      const i = listedIndex.get(urn);
      if (i === undefined) continue;
      const list = slotBarred[i] as number[];
      if (list === NONE) slotBarred[i] = [b];
      else list.push(b);
    }
  });
  const slots: SlotShape[] = [];
  for (let s = 0; s < listed.length; s++) {
    const urn = listed[s] as string;
    // Lists built by push keep room for 16 more numbers; what is kept is trimmed (see `exact`).
    const inGroups = exact(slotGroups[s] ?? NONE);
    const equivalents = q.equivalents?.[urn];
    const eligible = equivalents ? [urn, ...equivalents] : [urn];
    const order: number[] = [];
    for (const u of eligible) {
      const i = listedIndex.get(u);
      if (i !== undefined && listedUnits[i] !== undefined && !order.includes(i)) order.push(i);
    }
    const credits = (i: number) => listedUnits[i]?.credits ?? 0;
    const own = (i: number) => (i === s ? 0 : 1);
    let allGroups = NONE;
    for (const g of inGroups) if (groups[g]?.all) allGroups = allGroups === NONE ? [g] : [...allGroups, g];
    slots.push({
      urn,
      groups: inGroups,
      allGroups,
      eligible,
      barred: exact(slotBarred[s] ?? NONE),
      catalogueOrder: exact(
        order.length > 1 ? order.sort((a, b) => own(a) - own(b) || credits(b) - credits(a) || a - b) : order,
      ),
    });
  }
  const unitFillerOf = new Int32Array(listed.length).fill(-1);
  const unitFillers: Filler[] = [];
  listed.forEach((urn, i) => {
    const unit = listedUnits[i];
    if (!unit) return;
    unitFillerOf[i] = unitFillers.length;
    unitFillers.push({
      urn,
      credits: unit.credits,
      rank: levelRank(unit.level),
      cost: unit.credits,
      achievement: -1,
    });
  });
  const baseSlots = slots.map((shape): Slot => {
    const fillers: number[] = [];
    for (const i of shape.catalogueOrder) fillers.push(unitFillerOf[i] ?? -1);
    return slotWith(shape, fillers);
  });
  const slotsByEligible = new Map<string, number[]>();
  slots.forEach((shape, s) => {
    for (const u of shape.eligible) {
      const list = slotsByEligible.get(u);
      if (!list) slotsByEligible.set(u, [s]);
      else if (list[list.length - 1] !== s) list.push(s);
    }
  });
  const derived = slotCounts(baseSlots, unitFillers);
  return {
    qualification: q,
    groups,
    listed,
    slots,
    unitFillers,
    unitFillerOf,
    baseSlots,
    baseSlotMost: derived.most,
    baseFillerSlots: derived.fillerSlots,
    baseOptionStart: derived.optionStart,
    slotsByEligible,
    allClash: slots.some((s) => s.allGroups.length > 1),
    groupSlots: groups.map((g) => g.urns.map((u) => listedIndex.get(u) ?? -1)),
    levelRules: (q.minCreditsAtOrAboveLevel ?? []).map((r) => ({
      rank: levelRank(r.level),
      credits: r.credits,
    })),
    levelRuleLevels: (q.minCreditsAtOrAboveLevel ?? []).map((r) => r.level),
    barredCount: q.barred?.length ?? 0,
  };
}

function toGroupModel(g: QualificationDefinition['groups'][number]): GroupModel {
  const distinct = new Set(g.units);
  const urns = distinct.size === g.units.length ? g.units.slice() : [...distinct];
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

/** A slot of the model: the shape's place with these fillers (in order), each in every group. */
export function slotWith(shape: SlotShape, fillers: number[]): Slot {
  const options: Slot['options'] = [];
  for (const filler of fillers) for (const group of shape.groups) options.push({ filler, group });
  return {
    urn: shape.urn,
    groups: shape.groups,
    allGroups: shape.allGroups,
    options: exact(options),
    barred: shape.barred,
  };
}

/**
 * Per slot the largest option credit; per filler how many slots offer it; where each slot's
 * options start in the model-wide numbering.
 */
export function slotCounts(
  slots: Slot[],
  fillers: Filler[],
): { most: number[]; fillerSlots: Int32Array; optionStart: Int32Array } {
  const fillerSlots = new Int32Array(fillers.length);
  const optionStart = new Int32Array(slots.length + 1);
  const most = slots.map((slot, s) => {
    optionStart[s + 1] = (optionStart[s] ?? 0) + slot.options.length;
    countFillers(slot, fillerSlots, 1);
    let m = 0;
    for (const o of slot.options) m = Math.max(m, fillers[o.filler]?.credits ?? 0);
    return m;
  });
  return { most, fillerSlots, optionStart };
}

/** Adds sign to the count of each distinct filler the slot offers. */
export function countFillers(slot: Slot, fillerSlots: Int32Array, sign: number): void {
  let last = -1;
  // Options list each filler once per group, consecutively, so a change of filler is a new one.
  for (const o of slot.options) {
    if (o.filler === last) continue;
    last = o.filler;
    fillerSlots[last] = (fillerSlots[last] ?? 0) + sign;
  }
}
