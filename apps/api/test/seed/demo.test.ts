import { isValidUln, validateUkprn } from '@lar/shared/identifiers';
import {
  DEMO_MEMORABLE_INFORMATION,
  DEMO_PASSWORD,
  demoSignIns,
  isDemoSeeded,
  seedDemo,
} from '../../../../prisma/seed/demo';
import { hashPassword, verifyPassword } from '../../src/lib/password';
import { sealer } from '../../src/lib/secrets';
import { createTestDatabase, type TestDatabase } from '../helpers/database';

const demoOptions = { hashPassword, sealMemorable: sealer('s'.repeat(48)).seal };

describe('the demo seed', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => db.close());

  async function counts() {
    const p = db.prisma;
    return {
      organisations: await p.organisation.count(),
      users: await p.user.count(),
      learners: await p.learner.count(),
      registrations: await p.registration.count(),
      units: await p.unit.count(),
      qualifications: await p.qualification.count(),
      versions: await p.qualificationVersion.count(),
      achievements: await p.achievement.count(),
    };
  }

  it('creates each role, three learners with valid ULNs and the fixture qualification, once however often it runs', async () => {
    expect(await isDemoSeeded(db.prisma)).toBe(false);
    await seedDemo(db.prisma, demoOptions);
    const first = await counts();
    await seedDemo(db.prisma, demoOptions);
    expect(await counts()).toEqual(first);
    expect(first).toEqual({
      organisations: 4,
      users: 4,
      learners: 3,
      registrations: 3,
      units: 26,
      qualifications: 1,
      versions: 1,
      achievements: 13,
    });
    expect(await isDemoSeeded(db.prisma)).toBe(true);

    const types = (await db.prisma.organisation.findMany()).map((o) => o.type).sort();
    expect(types).toEqual(['AWARDING_ORGANISATION', 'CENTRE', 'SERVICE_DESK', 'THIRD_PARTY']);
    for (const o of await db.prisma.organisation.findMany()) expect(validateUkprn(o.code).ok).toBe(true);
    const learners = await db.prisma.learner.findMany();
    expect(learners.every((l) => isValidUln(l.uln))).toBe(true);
    expect(learners.map((l) => l.uln).sort()).toEqual(
      demoSignIns
        .filter((s) => s.signInWith === 'ULN')
        .map((s) => s.id)
        .sort(),
    );
  });

  it('gives every printed sign-in the printed password', async () => {
    const admin = await db.prisma.user.findUniqueOrThrow({ where: { userId: 'admin' } });
    expect(await verifyPassword(DEMO_PASSWORD, admin.passwordHash)).toBe(true);
    expect(await verifyPassword('not-the-password', admin.passwordHash)).toBe(false);
    expect(sealer('s'.repeat(48)).open(admin.memorableInfo ?? '')).toBe(DEMO_MEMORABLE_INFORMATION);
  });

  it('indexes every listed unit and equivalent of the qualification by URN', async () => {
    const index = await db.prisma.qualificationUnit.findMany({
      where: { urn: { in: ['F/100/0002', 'T/500/0002'] } },
    });
    expect(index.map((i) => [i.urn, i.viaEquivalent]).sort()).toEqual([
      ['F/100/0002', false],
      ['T/500/0002', true],
    ]);
    expect(await db.prisma.qualificationUnit.count()).toBe(26);
  });
});
