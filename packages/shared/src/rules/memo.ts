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

  key(st: SearchState, depth: number, satisfy: boolean): string {
    const m = this.model;
    let key = `${depth}:${Math.min(st.total, m.minCredits)}`;
    for (const g of this.openGroups[depth] ?? []) {
      const group = m.groups[g];
      if (!group) continue;
      const credits = st.groupCredits[g] ?? 0;
      const units = st.groupUnits[g] ?? 0;
      const creditCap = Number.isFinite(group.maxCredits) ? credits : Math.min(credits, group.minCredits);
      const unitCap = Number.isFinite(group.maxUnits)
        ? units
        : Math.min(units, Math.max(group.minUnits, group.all ? group.size : 0));
      key += `,${creditCap}/${unitCap}`;
    }
    if (satisfy) {
      key += '|';
      for (const g of this.closedGroups[depth] ?? []) {
        const group = m.groups[g];
        const credits = st.groupCredits[g] ?? 0;
        const units = st.groupUnits[g] ?? 0;
        const met =
          group &&
          credits >= group.minCredits &&
          units >= group.minUnits &&
          (!group.all || units >= group.size);
        key += met ? '1' : '0';
      }
    }
    key += '|';
    for (let r = 0; r < m.levelRules.length; r++) {
      key += `${Math.min(st.levelCounted[r] ?? 0, m.levelRules[r]?.credits ?? 0)},`;
    }
    key += '|';
    for (const b of this.barred[depth] ?? []) key += (st.barredUsed[b] ?? 0) > 0 ? '1' : '0';
    key += '|';
    for (const f of this.fillers[depth] ?? []) key += st.fillerUsed[f] === 1 ? '1' : '0';
    return key;
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
