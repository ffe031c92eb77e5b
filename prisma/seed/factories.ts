import { unitIndex } from '../../apps/api/src/catalogue/rules-version';
import type { PrismaClient } from '../../apps/api/src/generated/prisma/client';
import type {
  AchievementBasis,
  OrganisationCodeType,
  OrganisationType,
} from '../../apps/api/src/generated/prisma/enums';

/**
 * Seed functions: each creates (or, keyed by its natural identifier, updates) one real row and
 * returns it. They build the demo and serve Jest and Playwright as factories.
 */
export interface OrganisationSeed {
  type: OrganisationType;
  name: string;
  code: string;
  codeType?: OrganisationCodeType;
  address?: string;
  phone?: string;
}

export function seedOrganisation(prisma: PrismaClient, o: OrganisationSeed) {
  const data = {
    type: o.type,
    name: o.name,
    codeType: o.codeType ?? 'UKPRN',
    address: o.address ?? '1 High Street, Anytown, AN1 1AA',
    phone: o.phone ?? '01234 567890',
  };
  return prisma.organisation.upsert({
    where: { code: o.code },
    create: { code: o.code, ...data },
    update: data,
  });
}

export interface UserSeed {
  organisationId: string;
  userId: string;
  fullName: string;
  email: string;
  passwordHash: string;
  mustChangePassword?: boolean;
  memorableInfo?: string | null;
}

export function seedUser(prisma: PrismaClient, u: UserSeed) {
  const data = { ...u, mustChangePassword: u.mustChangePassword ?? false };
  return prisma.user.upsert({ where: { userId: u.userId }, create: data, update: data });
}

export interface LearnerSeed {
  uln: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  email?: string | null;
  passwordHash?: string | null;
  memorableInfo?: string | null;
  centreIds?: string[];
}

export async function seedLearner(prisma: PrismaClient, l: LearnerSeed) {
  const data = {
    givenName: l.givenName,
    familyName: l.familyName,
    dateOfBirth: new Date(`${l.dateOfBirth}T00:00:00Z`),
    email: l.email ?? null,
    passwordHash: l.passwordHash ?? null,
    memorableInfo: l.memorableInfo ?? null,
    mustChangePassword: false,
  };
  const learner = await prisma.learner.upsert({
    where: { uln: l.uln },
    create: { uln: l.uln, ...data },
    update: data,
  });
  for (const centreId of l.centreIds ?? []) {
    await prisma.registration.upsert({
      where: { learnerId_centreId: { learnerId: learner.id, centreId } },
      create: { learnerId: learner.id, centreId },
      update: {},
    });
  }
  return learner;
}

export interface UnitSeed {
  urn: string;
  title: string;
  level: string;
  credits: number;
}

export function seedUnit(prisma: PrismaClient, u: UnitSeed & { awardingOrganisationId: string }) {
  return prisma.unit.upsert({ where: { urn: u.urn }, create: u, update: u });
}

export interface AchievementSeed {
  learnerId: string;
  unitId: string;
  awardingOrganisationId: string;
  achievedOn: string;
  basis?: AchievementBasis;
}

/** One active (not withdrawn) achievement per learner and unit. */
export async function seedAchievement(prisma: PrismaClient, a: AchievementSeed) {
  const existing = await prisma.achievement.findFirst({
    where: { learnerId: a.learnerId, unitId: a.unitId, withdrawnAt: null },
  });
  if (existing) return existing;
  return prisma.achievement.create({
    data: { ...a, achievedOn: new Date(`${a.achievedOn}T00:00:00Z`), basis: a.basis ?? 'CREDIT' },
  });
}

export interface QualificationSeed {
  qan: string;
  title: string;
  level: string;
  groups: { units: string[] }[];
  equivalents?: Record<string, string[]>;
  [field: string]: unknown;
}

/**
 * A qualification with its rules as version 1 (a changed definition becomes a new version) and its
 * unit→qualification index: every listed URN, and every equivalent of one.
 */
export async function seedQualification(
  prisma: PrismaClient,
  rules: QualificationSeed,
  awardingOrganisationId: string,
  rulesSha256: string,
) {
  const qualification = await prisma.qualification.upsert({
    where: { qan: rules.qan },
    create: { qan: rules.qan, title: rules.title, level: rules.level, awardingOrganisationId },
    update: { title: rules.title, level: rules.level },
  });
  const current = await prisma.qualificationVersion.findFirst({
    where: { qualificationId: qualification.id },
    orderBy: { version: 'desc' },
  });
  if (current?.rulesSha256 !== rulesSha256) {
    const version = (current?.version ?? 0) + 1;
    await prisma.$transaction([
      prisma.qualificationVersion.create({
        data: { qualificationId: qualification.id, version, rules: rules as object, rulesSha256 },
      }),
      prisma.qualification.update({ where: { id: qualification.id }, data: { currentVersion: version } }),
      prisma.qualificationUnit.deleteMany({ where: { qualificationId: qualification.id } }),
      prisma.qualificationUnit.createMany({ data: unitIndex(rules, qualification.id) }),
    ]);
  }
  return qualification;
}
