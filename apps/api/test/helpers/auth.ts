import { randomInt, randomUUID } from 'node:crypto';
import { generateUln } from '@lar/shared/identifiers';
import type { FastifyInstance } from 'fastify';
import { seedLearner, seedOrganisation, seedUser } from '../../../../prisma/seed/factories';
import type { Role } from '../../src/lib/access';
import { hashPassword } from '../../src/lib/password';

const ORGANISATION_TYPE = {
  centre: 'CENTRE',
  third_party: 'THIRD_PARTY',
  awarding_organisation: 'AWARDING_ORGANISATION',
  administrator: 'SERVICE_DESK',
} as const;

export const TEST_PASSWORD = 'correct horse battery 42';
let hashed: Promise<string> | undefined;

export interface SignedIn {
  /** Cookie header carrying the session, as a browser would send it. */
  headers: { cookie: string };
  id: string;
  signInId: string;
  organisationId?: string;
}

/** Session cookies from a sign-in response's Set-Cookie headers. */
export function cookiesFrom(setCookie: string | string[] | undefined): string {
  const list = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  return list.map((c) => c.split(';')[0]).join('; ');
}

/**
 * A new account of `role` (in an organisation of its own unless one is given), signed in through
 * the real sign-in route. Tests reach guarded routes with the returned cookie header.
 */
export async function signInAs(
  app: FastifyInstance,
  role: Role,
  options: { organisationId?: string; mustChangePassword?: boolean } = {},
): Promise<SignedIn> {
  const { prisma } = app.db;
  hashed ??= hashPassword(TEST_PASSWORD);
  const passwordHash = await hashed;
  if (role === 'learner') {
    const uln = generateUln(randomInt(2 ** 31)) ?? '';
    const learner = await seedLearner(prisma, {
      uln,
      givenName: 'Test',
      familyName: 'Learner',
      dateOfBirth: '2000-01-01',
      passwordHash,
    });
    if (options.mustChangePassword)
      await prisma.learner.update({ where: { id: learner.id }, data: { mustChangePassword: true } });
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/learner-sign-in',
      payload: { uln, password: TEST_PASSWORD },
    });
    if (res.statusCode !== 200) throw new Error(`learner sign-in failed: ${res.body}`);
    return { headers: { cookie: cookiesFrom(res.headers['set-cookie']) }, id: learner.id, signInId: uln };
  }
  const organisationId =
    options.organisationId ??
    (
      await seedOrganisation(prisma, {
        type: ORGANISATION_TYPE[role],
        name: `Test ${role}`,
        code: String(randomInt(10_000_000, 99_999_999)),
      })
    ).id;
  const userId = `test-${randomUUID().slice(0, 8)}`;
  const user = await seedUser(prisma, {
    organisationId,
    userId,
    fullName: `Test ${role}`,
    email: `${userId}@example.org`,
    passwordHash,
    mustChangePassword: options.mustChangePassword ?? false,
  });
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: { userId, password: TEST_PASSWORD },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.body}`);
  return {
    headers: { cookie: cookiesFrom(res.headers['set-cookie']) },
    id: user.id,
    signInId: userId,
    organisationId,
  };
}

/** A correctly signed access token with no session behind it: must be refused. */
export function sessionlessToken(app: FastifyInstance, role: Role): string {
  return app.jwt.sign({
    sub: randomUUID(),
    role,
    kind: role === 'learner' ? 'learner' : 'user',
    sid: randomUUID(),
  });
}
