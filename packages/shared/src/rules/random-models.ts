/**
 * Random definitions and records for the engine's own property tests (not exported from the
 * package): the oracle's small cases, and larger ones shaped like the benchmark's catalogue.
 */

import { randomSmallCase, type SmallCase } from '../../bench/random-case';
import { makeQualification, makeUnits } from '../../bench/synthetic';
import type { Achievement, CatalogueUnit } from '../schemas';
import type { SearchModel } from './model';
import { maskFor } from './routes';
import { ALLOWED, FORBIDDEN, REQUIRED } from './search-mask';

export function lcg(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a * 1103515245 + 12345) % 2147483648;
    return a / 2147483648;
  };
}

let catalogue: CatalogueUnit[] | undefined;

/**
 * A benchmark-style qualification of 4–40 listed units (groups with minimums and caps, overlaps,
 * barred pairs, equivalents, level rules) and a learner holding a few of its units or their
 * equivalents, some expired or achieved after the date.
 */
export function syntheticCase(rand: () => number): SmallCase {
  catalogue ??= makeUnits(3000, 7);
  const units = catalogue;
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const q = makeQualification(units, int(4, 40), int(1, 1e9), int(0, 999));
  const listed = [...new Set(q.groups.flatMap((g) => g.units))];
  const byUrn = new Map(units.map((u) => [u.urn, u]));
  const eligible = [...listed, ...Object.values(q.equivalents ?? {}).flat()];
  const achievements = Array.from({ length: int(0, Math.min(8, listed.length)) }, (): Achievement => {
    const urn = eligible[int(0, eligible.length - 1)] as string;
    const u = byUrn.get(urn);
    return {
      urn,
      credits: u?.credits ?? int(1, 6),
      level: u?.level ?? '2',
      achievedOn: ['2019-03-15', '2024-01-31', '2026-05-31', '2026-07-01'][int(0, 3)] as string,
      basis: rand() < 0.9 ? 'credit' : 'exemption',
    };
  });
  const qualUnits = listed.flatMap((u) => byUrn.get(u) ?? []);
  return { qualification: q, units: qualUnits, achievements, on: '2026-06-01' };
}

/** The oracle's small cases, made friendlier to the held-placement fast path half of the time. */
export function smallCase(rand: () => number): SmallCase {
  const c = randomSmallCase(rand);
  if (rand() < 0.5) {
    for (const g of c.qualification.groups) {
      delete g.maxCredits;
      delete g.maxUnits;
    }
    delete c.qualification.barred;
    if (rand() < 0.5) delete c.qualification.equivalents;
  }
  return c;
}

/** A random mask: every kind of search the engine runs, and route subspaces' include/exclude sets. */
export function randomMask(model: SearchModel, rand: () => number): Uint8Array {
  const pick = rand();
  if (pick < 0.25) return maskFor(model, 'none');
  if (pick < 0.5) return maskFor(model, 'all');
  const mask = maskFor(model, 'all');
  model.fillers.forEach((f, i) => {
    if (f.cost === 0) return;
    const r = rand();
    mask[i] = r < 0.2 ? FORBIDDEN : r < 0.3 ? REQUIRED : ALLOWED;
  });
  return mask;
}
