import { WorkBudget } from './errors';
import { buildModel } from './model';
import { compileParts, mayFill, slotWith } from './model-parts';
import { lcg, randomMask, smallCase, syntheticCase } from './random-models';
import { bestAddSet, maskFor } from './routes';

/**
 * Invariants the engine's shortcuts rely on (README, "Making it fast", 2026-11-30), checked on
 * random models: each is what makes a cheaper computation give exactly the old one's answer.
 */
describe('model numbering and add-set order', () => {
  it('numbers the units first, in the order of their distinct sorted URNs (700 random models)', () => {
    const rand = lcg(20261130);
    for (let i = 0; i < 700; i++) {
      const c = i % 2 === 0 ? syntheticCase(rand) : smallCase(rand);
      const model = buildModel(c);
      let units = 0;
      while (units < model.fillers.length && (model.fillers[units]?.cost ?? 0) > 0) units++;
      // Only units cost credit, and every achievement comes after them.
      for (let f = units; f < model.fillers.length; f++) expect(model.fillers[f]?.cost).toBe(0);
      for (let f = 1; f < units; f++) {
        expect((model.fillers[f - 1]?.urn ?? '') < (model.fillers[f]?.urn ?? '')).toBe(true);
      }
    }
  });

  it('lists an add-set by URN, the order a comparator on URNs gives (700 random searches)', () => {
    const rand = lcg(7);
    for (let i = 0; i < 700; i++) {
      const c = i % 2 === 0 ? syntheticCase(rand) : smallCase(rand);
      const model = buildModel(c);
      const mask = i % 3 === 0 ? maskFor(model, 'all') : randomMask(model, rand);
      const found = bestAddSet(model, mask, new WorkBudget({ maxNodes: 1e9, maxMillis: 1e9 }));
      if (!found) continue;
      const byUrn = found.fillers
        .map((f) => ({ f, urn: model.fillers[f]?.urn ?? '' }))
        .sort((a, b) => (a.urn < b.urn ? -1 : a.urn > b.urn ? 1 : 0));
      expect(found.fillers).toEqual(byUrn.map((x) => x.f));
      expect(found.urns).toEqual(byUrn.map((x) => x.urn));
    }
  });

  it('keeps every URN that can fill a place in the URN filter (700 random qualifications)', () => {
    const rand = lcg(20261201);
    let equivalents = 0;
    for (let i = 0; i < 700; i++) {
      const c = i % 2 === 0 ? syntheticCase(rand) : smallCase(rand);
      const parts = compileParts(c.qualification, c.units);
      for (const urn of parts.slotOf.keys()) expect(mayFill(parts.urnFilter, urn)).toBe(true);
      for (const urn of parts.equivalentSlots.keys()) {
        equivalents++;
        expect(mayFill(parts.urnFilter, urn)).toBe(true);
      }
      // The same model as with a filter that rules nothing out.
      const all = { ...parts, urnFilter: new Int32Array(parts.urnFilter.length).fill(-1) };
      expect(buildModel(c, parts)).toEqual(buildModel(c, all));
    }
    expect(equivalents).toBeGreaterThan(100);
  });

  it('gives a slot the options (filler, group) of its fillers in order, in each of its groups (shared objects)', () => {
    const rand = lcg(5);
    for (let i = 0; i < 3000; i++) {
      const groups = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => Math.floor(rand() * 12));
      const fillers = Array.from({ length: Math.floor(rand() * 4) }, () => Math.floor(rand() * 200));
      const shape = {
        urn: 'U',
        groups,
        allGroups: [],
        options: [],
        barred: [],
        equivalents: [],
        catalogueOrder: null,
      };
      const expected = fillers.flatMap((filler) => groups.map((group) => ({ filler, group })));
      expect(slotWith(shape, fillers).options).toEqual(expected);
    }
  });
});
