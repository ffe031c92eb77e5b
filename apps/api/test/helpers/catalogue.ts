import { randomInt } from 'node:crypto';
import fixture from '../../../../prisma/seed/data/level2-diploma-business-admin.json';

/** The list's element at `index`, which the test knows is there. */
export function nth<T>(list: readonly T[], index: number): T {
  const item = list[index];
  if (item === undefined) throw new Error(`no element ${index}`);
  return item;
}

/**
 * The fixture qualification (../shared/fixtures/roc) and its units under URNs and a QAN of their own,
 * so tests do not collide; `urn` maps a fixture URN to this copy's (for the fixture's achievements).
 */
export function fixtureCatalogue() {
  // Each of the fixture's URN prefixes (F/100, T/500) gets a random one of its own.
  const prefixes = new Map<string, string>();
  const urn = (old: string) => {
    const from = old.slice(0, 5);
    if (!prefixes.has(from))
      prefixes.set(from, `${String.fromCharCode(65 + randomInt(26))}/${randomInt(100, 999)}`);
    return `${prefixes.get(from)}/${old.slice(-4)}`;
  };
  const qualification = structuredClone(fixture.qualification) as Omit<
    typeof fixture.qualification,
    'equivalents'
  > & {
    equivalents: Record<string, string[]>;
  };
  qualification.qan = `${randomInt(100, 999)}/${randomInt(1000, 9999)}/X`;
  qualification.groups = qualification.groups.map((g) => ({ ...g, units: g.units.map(urn) }));
  qualification.barred = qualification.barred.map((set) => set.map(urn));
  qualification.equivalents = Object.fromEntries(
    Object.entries(qualification.equivalents).map(([k, v]) => [urn(k), v.map(urn)]),
  );
  const units = fixture.units.map((u) => ({ ...u, urn: urn(u.urn) }));
  const achievements = fixture.achievements.map((a) => ({ ...a, urn: urn(a.urn) }));
  return { units, qualifications: [qualification], achievements, urn };
}
