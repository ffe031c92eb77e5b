import { randomInt } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import fixture from '../../../../prisma/seed/data/level2-diploma-business-admin.json';
import { seedLearner } from '../../../../prisma/seed/factories';
import type { PrismaClient } from '../../src/db/database';
import { hashPassword } from '../../src/lib/password';
import { cookiesFrom, type SignedIn, TEST_PASSWORD } from './auth';
import { freshUln } from './learners';

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

/**
 * A learner (Noor Haddad) holding the fixture's achievements, recorded by `awarding` (two credits
 * short of its qualification), signed in; with an email address unless `email` is null.
 */
export async function fixtureLearner(
  app: FastifyInstance,
  prisma: PrismaClient,
  awarding: SignedIn,
  catalogue: ReturnType<typeof fixtureCatalogue>,
  options: { email?: string | null; notifyOnView?: boolean } = {},
) {
  const uln = freshUln();
  const row = await seedLearner(prisma, {
    uln,
    givenName: 'Noor',
    familyName: 'Haddad',
    dateOfBirth: '2001-03-04',
    passwordHash: await hashPassword(TEST_PASSWORD),
  });
  await prisma.learner.update({
    where: { id: row.id },
    data: {
      mustChangePassword: false,
      email: options.email === undefined ? `noor.${uln}@example.org` : options.email,
      notifyOnView: options.notifyOnView ?? true,
    },
  });
  const recorded = await app.inject({
    method: 'POST',
    url: '/api/v1/achievements',
    headers: awarding.headers,
    payload: {
      achievements: catalogue.achievements.map(({ urn, achievedOn }) => ({ uln, urn, achievedOn })),
    },
  });
  if (recorded.json().rejected !== 0) throw new Error(`fixture achievements rejected: ${recorded.body}`);
  const signIn = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/learner-sign-in',
    payload: { uln, password: TEST_PASSWORD },
  });
  return { id: row.id, uln, headers: { cookie: cookiesFrom(signIn.headers['set-cookie']) } };
}
