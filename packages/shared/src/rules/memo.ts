import type { SearchModel } from './model';
import type { SearchState } from './state';
import { StateTable } from './state-table';

/**
 * Transposition table for the branch and bound. Two partial assignments at the same depth with the
 * same key have exactly the same completions (same capacity left under every maximum, same
 * deficits, same units still usable, same barred sets open), so the one reached with the worse
 * score so far can be dropped: whatever it could reach, the other reached or cut for a reason
 * that still holds. This collapses the many orders and subsets that reach the same totals, which
 * is what makes several optional groups tractable.
 *
 * Numbers that no longer matter are capped: credit in a group without a maximum only matters up
 * to its minimum, the total up to `minCredits`, level credit up to the rule; a group with no slots
 * left only matters as met or not.
 */
export class StateMemo {
  private openGroups: number[][] = [];
  private closedGroups: number[][] = [];
  private fillers: number[][] = [];
  private barred: number[][] = [];
  /** Per depth, 1 once a state at that depth was recorded (until `clear`); null until laid out. */
  private recorded: Uint8Array | null = null;

  constructor(
    private readonly model: SearchModel,
    private readonly active: number[],
    private readonly allowed: Uint8Array,
    /** Shared between searches (cleared by each round). */
    private readonly table: StateTable = new StateTable(),
  ) {}

  /**
   * The key layout per depth, built when the first node is recorded: a search whose first dive
   * succeeds (the common case) records nothing and so never needs it. The layout depends only on
   * the model, the active slots and the mask, so building it later gives the same keys.
   */
  private layOut(): Uint8Array {
    const { model, active, allowed } = this;
    const n = active.length;
    // The layout lives in buffers shared by every search (one runs at a time), grown as needed:
    // allocating them per search was a tenth of what an evaluation allocated.
    const buffers = layoutBuffers(n + 1, model.groups.length, model.barredCount, allowed.length);
    this.openGroups = buffers.openGroups;
    this.closedGroups = buffers.closedGroups;
    this.fillers = buffers.fillers;
    this.barred = buffers.barred;
    const recorded = buffers.recorded;
    recorded.fill(0);
    // Built from the last depth backwards, so each depth adds one slot's references; a new list
    // only where one changes (a few times per search).
    const groupCount = model.groups.length;
    const groupOpen = buffers.groupOpen.fill(0, 0, groupCount);
    const barredOpen = buffers.barredOpen.fill(0, 0, model.barredCount);
    let openCount = 0;
    let barredCount = 0;
    for (let d = n; d >= 0; d--) {
      const slot = d < n ? model.slots[active[d] ?? 0] : undefined;
      const groupsBefore = openCount;
      const barredBefore = barredCount;
      for (const g of slot?.groups ?? []) {
        if (groupOpen[g] === 1) continue;
        groupOpen[g] = 1;
        openCount++;
      }
      for (const b of slot?.barred ?? []) {
        if (barredOpen[b] === 1) continue;
        barredOpen[b] = 1;
        barredCount++;
      }
      const same = d < n && groupsBefore === openCount;
      this.openGroups[d] = same
        ? (this.openGroups[d + 1] as number[])
        : indexesWith(groupOpen, groupCount, 1);
      this.closedGroups[d] = same
        ? (this.closedGroups[d + 1] as number[])
        : indexesWith(groupOpen, groupCount, 0);
      this.barred[d] =
        d < n && barredBefore === barredCount
          ? (this.barred[d + 1] as number[])
          : indexesWith(barredOpen, model.barredCount, 1);
    }
    this.layoutFillers(active, allowed, buffers);
    this.recorded = recorded;
    return recorded;
  }

  /**
   * Which fillers' "used" flags go in the key at each depth: those that can still matter (offered
   * by a slot at this depth or later, or required, which must be used wherever) and can already be
   * used (offered by a slot before this depth). Any other flag is 0 at every node of that depth —
   * a filler offered only by undecided slots is unused — so leaving it out keeps exactly the same
   * keys equal while making the key O(shared fillers) rather than O(slots).
   */
  private layoutFillers(active: number[], allowed: Uint8Array, buffers: LayoutBuffers): void {
    const n = active.length;
    const first = buffers.first.fill(n, 0, allowed.length);
    const last = buffers.last.fill(-1, 0, allowed.length);
    active.forEach((s, d) => {
      for (const o of this.model.slots[s]?.options ?? []) {
        if (allowed[o.filler] === 0) continue;
        if (d < (first[o.filler] ?? n)) first[o.filler] = d;
        last[o.filler] = d;
      }
    });
    const candidates: number[] = [];
    for (let f = 0; f < allowed.length; f++) {
      const from = first[f] ?? n;
      if (from < n && (allowed[f] === 2 || (last[f] ?? -1) > from)) candidates.push(f);
    }
    // A candidate's flag is in from depth first + 1 and out after its last slot (never, if required).
    let previous: number[] = [];
    for (let d = 0; d <= n; d++) {
      let changes = false;
      for (const f of candidates) {
        if ((first[f] ?? n) + 1 === d || (allowed[f] !== 2 && (last[f] ?? -1) + 1 === d)) changes = true;
      }
      if (changes) {
        previous = [];
        for (const f of candidates) {
          if ((first[f] ?? n) < d && (allowed[f] === 2 || (last[f] ?? -1) >= d)) previous.push(f);
        }
      }
      this.fillers[d] = previous;
    }
  }

  /** Forgets every state, for the next round of iterative deepening. */
  clear(): void {
    this.table.clear();
    this.recorded?.fill(0);
  }

  /**
   * Whether an earlier node at this depth with the same key was reached with a score at least as
   * good (lower), in which case this one is dropped (see `record`).
   */
  dominated(st: SearchState, depth: number, satisfy: boolean, score: number): boolean {
    if (this.recorded === null || this.recorded[depth] === 0) return false;
    return this.table.has(this.writeKey(st, depth, satisfy), score);
  }

  /**
   * Records a node as the search leaves it, when the state is again what it was on entering.
   * Recording on leaving rather than on entering changes nothing: no other node at the same depth
   * is visited while a node's subtree is searched, so every lookup sees the same entries. But a
   * round that ends at its first solution never records the path that led there, and a depth with
   * nothing recorded needs no lookup: the first dive builds no keys at all.
   */
  record(st: SearchState, depth: number, satisfy: boolean, score: number): void {
    const recorded = this.recorded ?? this.layOut();
    this.table.record(this.writeKey(st, depth, satisfy), score);
    recorded[depth] = 1;
  }

  /**
   * Writes the node's key into the table's key buffer; returns its length. The key: depth,
   * capped total, each open group's capped credit and units, then flags 32 to an integer (closed
   * groups met, barred sets used, fillers used), then capped level credit. At one depth the lists
   * are fixed, so the layout is unambiguous.
   */
  private writeKey(st: SearchState, depth: number, satisfy: boolean): number {
    const m = this.model;
    const table = this.table;
    const open = this.openGroups[depth] ?? [];
    const closed = satisfy ? (this.closedGroups[depth] ?? []) : [];
    const barred = this.barred[depth] ?? [];
    const fillers = this.fillers[depth] ?? [];
    const flags = closed.length + barred.length + fillers.length;
    table.reserve(2 + 2 * open.length + ((flags + 31) >>> 5) + m.levelRules.length);
    const key = table.key;
    let n = 0;
    key[n++] = depth;
    key[n++] = Math.min(st.total, m.minCredits);
    for (let k = 0; k < open.length; k++) {
      const g = open[k] as number;
      const group = m.groups[g];
      if (!group) continue;
      const credits = st.groupCredits[g] ?? 0;
      const units = st.groupUnits[g] ?? 0;
      key[n++] = Number.isFinite(group.maxCredits) ? credits : Math.min(credits, group.minCredits);
      key[n++] = Number.isFinite(group.maxUnits)
        ? units
        : Math.min(units, Math.max(group.minUnits, group.all ? group.size : 0));
    }
    // Flags, 32 to an integer: bit i of the flags goes in key[base + (i >> 5)].
    const base = n;
    const words = (flags + 31) >>> 5;
    for (let w = base; w < base + words; w++) key[w] = 0;
    let i = 0;
    for (let k = 0; k < closed.length; k++) {
      const g = closed[k] as number;
      const group = m.groups[g];
      const credits = st.groupCredits[g] ?? 0;
      const units = st.groupUnits[g] ?? 0;
      const met =
        group !== undefined &&
        credits >= group.minCredits &&
        units >= group.minUnits &&
        (!group.all || units >= group.size);
      if (met) key[base + (i >>> 5)] = (key[base + (i >>> 5)] ?? 0) | (1 << (i & 31));
      i++;
    }
    for (let k = 0; k < barred.length; k++) {
      const b = barred[k] as number;
      if ((st.barredUsed[b] ?? 0) > 0) key[base + (i >>> 5)] = (key[base + (i >>> 5)] ?? 0) | (1 << (i & 31));
      i++;
    }
    for (let k = 0; k < fillers.length; k++) {
      const f = fillers[k] as number;
      if (st.fillerUsed[f] === 1) key[base + (i >>> 5)] = (key[base + (i >>> 5)] ?? 0) | (1 << (i & 31));
      i++;
    }
    n = base + words;
    for (let r = 0; r < m.levelRules.length; r++) {
      key[n++] = Math.min(st.levelCounted[r] ?? 0, m.levelRules[r]?.credits ?? 0);
    }
    return n;
  }
}

/** The indexes i < n with marks[i] === mark, ascending. */
function indexesWith(marks: Uint8Array, n: number, mark: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (marks[i] === mark) out.push(i);
  return out;
}

interface LayoutBuffers {
  openGroups: number[][];
  closedGroups: number[][];
  fillers: number[][];
  barred: number[][];
  recorded: Uint8Array;
  groupOpen: Uint8Array;
  barredOpen: Uint8Array;
  first: Int32Array;
  last: Int32Array;
}

let buffers: LayoutBuffers | null = null;

/** The shared layout buffers, with room for `depths` depths, the groups, barred sets and fillers. */
function layoutBuffers(depths: number, groups: number, barred: number, fillers: number): LayoutBuffers {
  const b = buffers;
  if (
    b &&
    b.recorded.length >= depths &&
    b.groupOpen.length >= groups &&
    b.barredOpen.length >= barred &&
    b.first.length >= fillers
  ) {
    return b;
  }
  const size = Math.max(depths, b?.recorded.length ?? 0);
  const room = Math.max(fillers, b?.first.length ?? 0);
  groups = Math.max(groups, b?.groupOpen.length ?? 0);
  barred = Math.max(barred, b?.barredOpen.length ?? 0);
  buffers = {
    openGroups: new Array(size),
    closedGroups: new Array(size),
    fillers: new Array(size),
    barred: new Array(size),
    recorded: new Uint8Array(size),
    groupOpen: new Uint8Array(groups),
    barredOpen: new Uint8Array(barred),
    first: new Int32Array(room),
    last: new Int32Array(room),
  };
  return buffers;
}
