import { rulesSha256 } from '../../apps/api/src/catalogue/rules-version';
import type { PrismaClient } from '../../apps/api/src/generated/prisma/client';
import fixture from './data/level2-diploma-business-admin.json';
import {
  type QualificationSeed,
  seedAchievement,
  seedLearner,
  seedOrganisation,
  seedQualification,
  seedUnit,
  seedUser,
} from './factories';

/** The demo's one password for every sign-in; printed at start, never used outside the demo. */
export const DEMO_PASSWORD = 'lar-demo-2026';
/** The demo's memorable information, asked back three characters at a time by password reset. */
export const DEMO_MEMORABLE_INFORMATION = 'blue heron';

export const demoSignIns = [
  { role: 'administrator', signInWith: 'User ID', id: 'admin' },
  { role: 'centre', signInWith: 'User ID', id: 'centre' },
  { role: 'awarding organisation', signInWith: 'User ID', id: 'awarding' },
  { role: 'third party', signInWith: 'User ID', id: 'employer' },
  { role: 'learner', signInWith: 'ULN', id: '9276308686' },
  { role: 'learner', signInWith: 'ULN', id: '1000000043' },
  { role: 'learner', signInWith: 'ULN', id: '4812305178' },
] as const;

export interface DemoOptions {
  hashPassword: (password: string) => Promise<string>;
  /** Encrypts memorable information as the API stores it (the key comes from the server secret). */
  sealMemorable: (value: string) => string;
}

/** Whether the demo has been seeded (its administrator exists). */
export async function isDemoSeeded(prisma: PrismaClient): Promise<boolean> {
  return (await prisma.user.count({ where: { userId: 'admin' } })) > 0;
}

/**
 * The demo: an administrator, a centre, an awarding organisation, a third party, three learners
 * and the Level 2 Diploma of ../../shared/fixtures/roc (copied into ./data). Idempotent.
 */
export async function seedDemo(prisma: PrismaClient, { hashPassword, sealMemorable }: DemoOptions) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const memorableInfo = sealMemorable(DEMO_MEMORABLE_INFORMATION);
  const desk = await seedOrganisation(prisma, {
    type: 'SERVICE_DESK',
    name: 'LAR Service Desk',
    code: '10000001',
  });
  const centre = await seedOrganisation(prisma, {
    type: 'CENTRE',
    name: 'Northgate College',
    code: '10012345',
  });
  const awarding = await seedOrganisation(prisma, {
    type: 'AWARDING_ORGANISATION',
    name: 'Example Awarding Body',
    code: '10054321',
  });
  const employer = await seedOrganisation(prisma, {
    type: 'THIRD_PARTY',
    name: 'Acme Employer Ltd',
    code: '10098765',
  });
  const users = [
    { organisationId: desk.id, userId: 'admin', fullName: 'Sam Service-Desk', email: 'admin@lar.localhost' },
    {
      organisationId: centre.id,
      userId: 'centre',
      fullName: 'Chris Centre',
      email: 'centre@northgate.localhost',
    },
    {
      organisationId: awarding.id,
      userId: 'awarding',
      fullName: 'Alex Awarding',
      email: 'ao@example-ab.localhost',
    },
    {
      organisationId: employer.id,
      userId: 'employer',
      fullName: 'Erin Employer',
      email: 'hr@acme.localhost',
    },
  ];
  for (const user of users) await seedUser(prisma, { ...user, passwordHash, memorableInfo });

  const units = new Map<string, string>();
  for (const unit of fixture.units) {
    const row = await seedUnit(prisma, { ...unit, awardingOrganisationId: awarding.id });
    units.set(unit.urn, row.id);
  }
  const rules = fixture.qualification as QualificationSeed;
  await seedQualification(prisma, rules, awarding.id, rulesSha256(rules));

  const centreIds = [centre.id];
  const sample = await seedLearner(prisma, {
    uln: '9276308686',
    givenName: 'Priya',
    familyName: 'Shah',
    dateOfBirth: '2004-03-14',
    email: 'priya.shah@learner.localhost',
    passwordHash,
    memorableInfo,
    centreIds,
  });
  await seedLearner(prisma, {
    uln: '1000000043',
    givenName: 'Tom',
    familyName: 'Okafor',
    dateOfBirth: '2006-11-02',
    email: 'tom.okafor@learner.localhost',
    passwordHash,
    memorableInfo,
    centreIds,
  });
  await seedLearner(prisma, {
    uln: '4812305178',
    givenName: 'Ffion',
    familyName: 'Jones',
    dateOfBirth: '1998-07-21',
    email: null,
    passwordHash,
    memorableInfo,
    centreIds,
  });
  for (const a of fixture.achievements) {
    const unitId = units.get(a.urn);
    if (!unitId) throw new Error(`Demo achievement ${a.urn} has no unit in the demo catalogue`);
    await seedAchievement(prisma, {
      learnerId: sample.id,
      unitId,
      awardingOrganisationId: awarding.id,
      achievedOn: a.achievedOn,
      basis: a.basis === 'exemption' ? 'EXEMPTION' : 'CREDIT',
    });
  }
  return { desk, centre, awarding, employer, sample };
}
