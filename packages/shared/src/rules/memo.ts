import type { SearchModel } from './model';
import type { SearchState } from './state';

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
  private readonly table = new Map<string, number>();
  private readonly buf: number[] = [];
  private readonly bits = new BitPacker(this.buf);
  private readonly openGroups: number[][];
  private readonly closedGroups: number[][];
  private readonly fillers: number[][];
  private readonly barred: number[][];

  constructor(
    private readonly model: SearchModel,
    active: number[],
    allowed: Uint8Array,
  ) {
    const n = active.length;
    this.openGroups = new Array(n + 1);
    this.closedGroups = new Array(n + 1);
    this.fillers = new Array(n + 1);
    this.barred = new Array(n + 1);
    // Built from the last depth backwards, so each depth adds one slot's references.
    const groups = new Set<number>();
    // Required units always count: one left unused dooms the state wherever its slot was.
    const fillers = new Set<number>([...allowed.keys()].filter((f) => allowed[f] === 2));
    const barred = new Set<number>();
    const sorted = (set: Set<number>) => [...set].sort((a, b) => a - b);
    for (let d = n; d >= 0; d--) {
      const slot = d < n ? model.slots[active[d] ?? 0] : undefined;
      const before = [groups.size, fillers.size, barred.size];
      for (const g of slot?.groups ?? []) groups.add(g);
      for (const o of slot?.options ?? []) if (allowed[o.filler] !== 0) fillers.add(o.filler);
      for (const b of slot?.barred ?? []) barred.add(b);
      const same = d < n && before[0] === groups.size;
      this.openGroups[d] = same ? (this.openGroups[d + 1] as number[]) : sorted(groups);
      this.closedGroups[d] = same
        ? (this.closedGroups[d + 1] as number[])
        : model.groups.flatMap((_, g) => (groups.has(g) ? [] : [g]));
      this.fillers[d] =
        d < n && before[1] === fillers.size ? (this.fillers[d + 1] as number[]) : sorted(fillers);
      this.barred[d] = d < n && before[2] === barred.size ? (this.barred[d + 1] as number[]) : sorted(barred);
    }
  }

  /**
   * The state as a short string: every number as two UTF-16 code units, flags 16 to a code unit.
   * At one depth the lists below are fixed, so the layout is unambiguous; one string per node
   * instead of a long decimal concatenation keeps the garbage collector out of the hot loop.
   */
  key(st: SearchState, depth: number, satisfy: boolean): string {
    const m = this.model;
    const buf = this.buf;
    buf.length = 0;
    push(buf, depth);
    push(buf, Math.min(st.total, m.minCredits));
    for (const g of this.openGroups[depth] ?? []) {
      const group = m.groups[g];
      if (!group) continue;
      const credits = st.groupCredits[g] ?? 0;
      const units = st.groupUnits[g] ?? 0;
      push(buf, Number.isFinite(group.maxCredits) ? credits : Math.min(credits, group.minCredits));
      push(
        buf,
        Number.isFinite(group.maxUnits)
          ? units
          : Math.min(units, Math.max(group.minUnits, group.all ? group.size : 0)),
      );
    }
    const bits = this.bits;
    if (satisfy) {
      for (const g of this.closedGroups[depth] ?? []) {
        const group = m.groups[g];
        const credits = st.groupCredits[g] ?? 0;
        const units = st.groupUnits[g] ?? 0;
        bits.add(
          group !== undefined &&
            credits >= group.minCredits &&
            units >= group.minUnits &&
            (!group.all || units >= group.size),
        );
      }
    }
    for (const b of this.barred[depth] ?? []) bits.add((st.barredUsed[b] ?? 0) > 0);
    for (const f of this.fillers[depth] ?? []) bits.add(st.fillerUsed[f] === 1);
    bits.flush();
    for (let r = 0; r < m.levelRules.length; r++) {
      push(buf, Math.min(st.levelCounted[r] ?? 0, m.levelRules[r]?.credits ?? 0));
    }
    return String.fromCharCode.apply(null, buf);
  }

  /**
   * Records the score so far (lower is better) and says whether an earlier visit of the same state
   * was at least as good, in which case this one can be dropped.
   */
  dominated(key: string, score: number): boolean {
    const seen = this.table.get(key);
    if (seen !== undefined && seen <= score) return true;
    this.table.set(key, score);
    return false;
  }
}

/** Two code units per number: credit and unit counts are non-negative integers below 2^32. */
function push(buf: number[], v: number): void {
  buf.push(v & 0xffff, (v >>> 16) & 0xffff);
}

/** Packs flags 16 to a code unit, in order. */
class BitPacker {
  private word = 0;
  private n = 0;
  constructor(private readonly buf: number[]) {}
  add(flag: boolean): void {
    if (flag) this.word |= 1 << this.n;
    if (++this.n === 16) this.flush();
  }
  flush(): void {
    if (this.n === 0) return;
    this.buf.push(this.word);
    this.word = 0;
    this.n = 0;
  }
}
