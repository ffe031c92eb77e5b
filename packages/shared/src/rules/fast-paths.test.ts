import fc from 'fast-check';
import type { SmallCase } from '../../bench/random-case';
import { RocTooComplexError, WorkBudget } from './errors';
import { evaluateWith } from './evaluate';
import { heldPlacement } from './held-placement';
import { buildModel, type SearchModel } from './model';
import { ownCouldSatisfy } from './quick-checks';
import { lcg, randomMask, smallCase, syntheticCase } from './random-models';
import { maskFor } from './routes';
import { search } from './search';
import { ALLOWED } from './search-mask';

/** Budgets by nodes only: on a busy machine a clock would fail a comparison that is not wrong. */
const NO_CLOCK = { maxNodes: 4_000_000, maxMillis: 600_000 };

/** The fast paths must give byte for byte what the general search gives. */
function sameAsGeneral(c: SmallCase, routes: number): boolean {
  const input = { ...c, routes, budget: NO_CLOCK };
  const run = (fast: boolean) => {
    try {
      return JSON.stringify(evaluateWith(input, undefined, fast));
    } catch (error) {
      if (error instanceof RocTooComplexError) return 'too complex';
      throw error;
    }
  };
  expect(run(true)).toBe(run(false));
  const model = buildModel(c);
  return heldPlacement(model, maskFor(model, 'none')) !== null;
}

/** The learner's achievements and a few units, as the mask of a route's "assignment shown". */
function routeMask(model: SearchModel, rand: () => number): Uint8Array {
  const mask = maskFor(model, 'none');
  const units = model.fillers.flatMap((f, i) => (f.cost > 0 ? [i] : []));
  for (let k = 0; k < 8 && units.length > 0; k++) {
    mask[units[Math.floor(rand() * units.length)] ?? 0] = ALLOWED;
  }
  return mask;
}

const seeds = fc.tuple(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: 0, max: 3 }));

describe('fast exact paths agree with the general search', () => {
  it('on small random definitions (held placement, quick checks)', () => {
    let fastPathUsed = 0;
    fc.assert(
      fc.property(seeds, ([seed, routes]) => {
        if (sameAsGeneral(smallCase(lcg(seed)), routes)) fastPathUsed++;
      }),
      { numRuns: 600 },
    );
    // The comparison only means something if the fast path is taken often.
    expect(fastPathUsed).toBeGreaterThan(150);
  });

  it('on benchmark-style definitions and records', () => {
    let fastPathUsed = 0;
    fc.assert(
      fc.property(seeds, ([seed, routes]) => {
        if (sameAsGeneral(syntheticCase(lcg(seed)), routes)) fastPathUsed++;
      }),
      { numRuns: 500 },
    );
    expect(fastPathUsed).toBeGreaterThan(100);
  });

  it("the search's shortcuts give the plain search's solution, for every objective and mask", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.boolean(), (seed, small) => {
        const rand = lcg(seed);
        const model = buildModel((small ? smallCase : syntheticCase)(rand));
        // (minCost's shortcut is also compared through whole evaluations above, with the masks
        // the engine uses; random include/exclude masks on the larger definitions are slow.)
        const searches = [
          ['maxCredit', true],
          ['maxCredit', false],
          ['minCost', true],
        ] as const;
        for (const [objective, satisfy] of small ? searches : searches.slice(0, 2)) {
          // Maximising over every unit of a 40-unit definition without the shortcut is slow, so
          // those searches get the learner's achievements and up to eight units, as the engine's do.
          const allowed = objective === 'minCost' ? randomMask(model, rand) : routeMask(model, rand);
          const run = (shortcuts: boolean) => {
            const budget = new WorkBudget(NO_CLOCK);
            const found = search({ model, allowed, objective, satisfy, budget, shortcuts });
            return found && { ...found, choice: [...found.choice] };
          };
          expect(run(true)).toEqual(run(false));
        }
      }),
      { numRuns: 600 },
    );
  });

  it("a search past its second round gives the plain climb's solution (benchmark-style definitions)", () => {
    let long = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const rand = lcg(seed);
        const model = buildModel(syntheticCase(rand));
        const allowed = rand() < 0.5 ? maskFor(model, 'all') : randomMask(model, rand);
        const stats = { rounds: 0 };
        const run = (shortcuts: boolean) => {
          const budget = new WorkBudget(NO_CLOCK);
          const found = search({
            model,
            allowed,
            objective: 'minCost',
            satisfy: true,
            budget,
            shortcuts,
            stats,
          });
          return found && { ...found, choice: [...found.choice] };
        };
        const plain = run(false);
        if (stats.rounds > 2) long++;
        expect(run(true)).toEqual(plain);
      }),
      { numRuns: 1000 },
    );
    // The comparison means something only if many searches get past their second round.
    expect(long).toBeGreaterThan(30);
  });

  it('ownCouldSatisfy is false only where the search finds no satisfying assignment', () => {
    let refuted = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.boolean(), (seed, small) => {
        const c = (small ? smallCase : syntheticCase)(lcg(seed));
        const model = buildModel(c);
        if (ownCouldSatisfy(model)) return;
        refuted++;
        const budget = new WorkBudget(NO_CLOCK);
        const allowed = maskFor(model, 'none');
        expect(search({ model, allowed, objective: 'maxCredit', satisfy: true, budget })).toBeNull();
      }),
      { numRuns: 600 },
    );
    expect(refuted).toBeGreaterThan(100);
  });
});
