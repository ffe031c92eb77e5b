/**
 * Brute-force reference for the rules engine: enumerates every assignment (and, for routes, every
 * subset of addable units) straight from the contract's wording, with no pruning. Exponential, so
 * only for small definitions; the property test and the benchmark compare the engine against it.
 * Deliberately shares no code with the engine beyond the schema types.
 */
import type { Achievement, CatalogueUnit, QualificationDefinition } from '../src/schemas';

export interface OracleInput {
  qualification: QualificationDefinition;
  units: readonly CatalogueUnit[];
  achievements: readonly Achievement[];
  on: string;
  routes?: number;
}

export interface OracleResult {
  achieved: boolean;
  reachable: boolean;
  countedCredits: number;
  additionalCreditsNeeded: number | null;
  /** Every inclusion-minimal achieving add-set in route order (first `routes` are the routes). */
  routes: { addUnits: string[]; additionalCredits: number }[];
}

const LEVELS = ['E1', 'E2', 'E3', '1', '2', '3', '4', '5', '6', '7', '8'];
const rank = (l: string) => LEVELS.indexOf(l);

function validOn(a: Achievement, on: string, months?: number): boolean {
  if (a.achievedOn > on) return false;
  if (months === undefined) return true;
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  const idx = y * 12 + (m - 1) - months;
  const cy = Math.floor(idx / 12);
  const cm = idx - cy * 12 + 1;
  const last = new Date(Date.UTC(cy, cm, 0)).getUTCDate();
  const cutoff = `${String(cy).padStart(4, '0')}-${String(cm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
  return a.achievedOn >= cutoff;
}

/** Calls `visit(total, satisfied)` for every assignment obeying rules 1–4. */
function forEachAssignment(
  q: QualificationDefinition,
  achs: readonly Achievement[],
  visit: (total: number, satisfied: boolean) => void,
): void {
  const listed = [...new Set(q.groups.flatMap((g) => g.units))].sort();
  const used = new Array<boolean>(achs.length).fill(false);
  const fills: { urn: string; group: number; a: Achievement }[] = [];
  const rec = (i: number) => {
    if (i === listed.length) {
      visit(
        fills.reduce((s, f) => s + f.a.credits, 0),
        satisfies(q, fills),
      );
      return;
    }
    rec(i + 1);
    const urn = listed[i] as string;
    const eligible = new Set([urn, ...(q.equivalents?.[urn] ?? [])]);
    const barredOk = (q.barred ?? []).every(
      (set) => !set.includes(urn) || !fills.some((f) => set.includes(f.urn)),
    );
    if (!barredOk) return;
    achs.forEach((a, ai) => {
      if (used[ai] || !eligible.has(a.urn)) return;
      q.groups.forEach((g, gi) => {
        if (!g.units.includes(urn)) return;
        const mine = fills.filter((f) => f.group === gi);
        const credits = mine.reduce((s, f) => s + f.a.credits, 0) + a.credits;
        if (credits > (g.maxCredits ?? Infinity) || mine.length + 1 > (g.maxUnits ?? Infinity)) return;
        used[ai] = true;
        fills.push({ urn, group: gi, a });
        rec(i + 1);
        fills.pop();
        used[ai] = false;
      });
    });
  };
  rec(0);
}

function satisfies(
  q: QualificationDefinition,
  fills: { urn: string; group: number; a: Achievement }[],
): boolean {
  const ok = q.groups.every((g, gi) => {
    const mine = fills.filter((f) => f.group === gi);
    const credits = mine.reduce((s, f) => s + f.a.credits, 0);
    if (g.all && !g.units.every((u) => mine.some((f) => f.urn === u))) return false;
    return credits >= (g.minCredits ?? 0) && mine.length >= (g.minUnits ?? 0);
  });
  if (!ok || fills.reduce((s, f) => s + f.a.credits, 0) < q.minCredits) return false;
  return (q.minCreditsAtOrAboveLevel ?? []).every(
    (r) => fills.reduce((s, f) => s + (rank(f.a.level) >= rank(r.level) ? f.a.credits : 0), 0) >= r.credits,
  );
}

/** Most counted credit over assignments (satisfying ones only when `satisfy`), or null if none. */
export function oracleBest(
  q: QualificationDefinition,
  achs: readonly Achievement[],
  satisfy: boolean,
): number | null {
  let best: number | null = null;
  forEachAssignment(q, achs, (total, sat) => {
    if ((sat || !satisfy) && (best === null || total > best)) best = total;
  });
  return best;
}

export function compareRoutes(a: string[], ac: number, b: string[], bc: number): number {
  if (ac !== bc) return ac - bc;
  if (a.length !== b.length) return a.length - b.length;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] as string) < (b[i] as string) ? -1 : 1;
  return 0;
}

export function oracleEvaluate(input: OracleInput): OracleResult {
  const q = input.qualification;
  const valid = input.achievements.filter((a) => validOn(a, input.on, q.creditValidityMonths));
  const achievedBest = oracleBest(q, valid, true);
  if (achievedBest !== null) {
    return {
      achieved: true,
      reachable: true,
      countedCredits: achievedBest,
      additionalCreditsNeeded: 0,
      routes: [],
    };
  }
  const listed = [...new Set(q.groups.flatMap((g) => g.units))].sort();
  const addable = input.units
    .filter((u) => listed.includes(u.urn) && !valid.some((a) => a.urn === u.urn))
    .sort((a, b) => (a.urn < b.urn ? -1 : 1));
  const achieving: { units: CatalogueUnit[]; credits: number }[] = [];
  for (let mask = 1; mask < 1 << addable.length; mask++) {
    const units = addable.filter((_, i) => mask & (1 << i));
    const extra = units.map(
      (u): Achievement => ({
        urn: u.urn,
        credits: u.credits,
        level: u.level,
        achievedOn: input.on,
        basis: 'credit',
      }),
    );
    if (oracleBest(q, [...valid, ...extra], true) !== null) {
      achieving.push({ units, credits: units.reduce((s, u) => s + u.credits, 0) });
    }
  }
  achieving.sort((a, b) =>
    compareRoutes(
      a.units.map((u) => u.urn),
      a.credits,
      b.units.map((u) => u.urn),
      b.credits,
    ),
  );
  const minimal = achieving.filter(
    (s) => !achieving.some((t) => t !== s && t.units.every((u) => s.units.includes(u))),
  );
  const first = minimal[0];
  if (!first) {
    return {
      achieved: false,
      reachable: false,
      countedCredits: oracleBest(q, valid, false) ?? 0,
      additionalCreditsNeeded: null,
      routes: [],
    };
  }
  // Closest: among the cheapest sets, the assignment counting most of the learner's own credit.
  let counted = 0;
  for (const s of minimal.filter((m) => m.credits === first.credits)) {
    const extra = s.units.map(
      (u): Achievement => ({
        urn: u.urn,
        credits: u.credits,
        level: u.level,
        achievedOn: input.on,
        basis: 'credit',
      }),
    );
    counted = Math.max(counted, (oracleBest(q, [...valid, ...extra], true) ?? 0) - s.credits);
  }
  return {
    achieved: false,
    reachable: true,
    countedCredits: counted,
    additionalCreditsNeeded: first.credits,
    routes: minimal.map((s) => ({ addUnits: s.units.map((u) => u.urn), additionalCredits: s.credits })),
  };
}
