import type {
  RecordedAchievement,
  RecordedAchievementsPage,
  RecordedAchievementsQuery,
} from '@lar/shared/api';
import type { Database } from '../db/database';
import type { Prisma } from '../generated/prisma/client';
import { audit } from '../lib/audit';
import { AppError } from '../lib/errors';
import { ulnStartingWith } from '../lib/uln-search';
import { queueClaimsDetection } from './record';

const include = {
  learner: { select: { uln: true, givenName: true, familyName: true } },
  unit: { select: { urn: true, title: true } },
} as const;

type Row = Prisma.AchievementGetPayload<{ include: typeof include }>;

const view = (a: Row): RecordedAchievement => ({
  id: a.id,
  uln: a.learner.uln,
  learnerName: `${a.learner.givenName} ${a.learner.familyName}`,
  urn: a.unit.urn,
  unitTitle: a.unit.title,
  achievedOn: a.achievedOn.toISOString().slice(0, 10),
  basis: a.basis === 'EXEMPTION' ? 'exemption' : 'credit',
  recordedAt: a.createdAt.toISOString(),
  withdrawnAt: a.withdrawnAt?.toISOString() ?? null,
  withdrawnReason: a.withdrawnReason,
});

/** The achievements an awarding organisation recorded, newest first, by ULN or URN start. */
export async function recordedAchievements(
  db: Database,
  awardingOrganisationId: string,
  query: RecordedAchievementsQuery,
): Promise<RecordedAchievementsPage> {
  const where: Prisma.AchievementWhereInput = {
    awardingOrganisationId,
    ...(query.uln ? { learner: { uln: ulnStartingWith(query.uln.trim()) } } : {}),
    ...(query.urn ? { unit: { urn: { startsWith: query.urn.trim().toUpperCase() } } } : {}),
  };
  const [rows, total] = await Promise.all([
    db.prisma.achievement.findMany({
      where,
      include,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    }),
    db.prisma.achievement.count({ where }),
  ]);
  return { items: rows.map(view), total, page: query.page, pageSize: query.pageSize };
}

/**
 * Withdraws an achievement the organisation recorded: it stays, with the reason, as history and no
 * longer counts; claims detection re-evaluates the learner's qualifications that list the unit.
 */
export async function withdrawAchievement(
  db: Database,
  input: { id: string; awardingOrganisationId: string; actor: string; reason: string },
): Promise<RecordedAchievement> {
  // Read before the transaction (its relations load in parallel); the update is guarded on what was read.
  const found = await db.prisma.achievement.findFirst({
    where: { id: input.id, awardingOrganisationId: input.awardingOrganisationId },
    include,
  });
  if (!found) throw new AppError('NOT_FOUND', 'No such achievement recorded by your organisation.');
  const withdrawnAt = new Date();
  const reason = input.reason.trim();
  await db.prisma.$transaction(async (tx) => {
    const updated = await tx.achievement.updateMany({
      where: { id: found.id, withdrawnAt: null },
      data: { withdrawnAt, withdrawnReason: reason },
    });
    if (updated.count === 0) throw new AppError('CONFLICT', 'This achievement was already withdrawn.');
    await queueClaimsDetection(
      tx,
      [{ learnerId: found.learnerId, urns: [found.unit.urn] }],
      `withdrawal:${found.id}`,
    );
    await audit(tx, {
      action: 'achievement.withdrawn',
      actor: input.actor,
      subjectType: 'Achievement',
      subjectId: found.id,
      details: { reason, uln: found.learner.uln, urn: found.unit.urn },
    });
  });
  return view({ ...found, withdrawnAt, withdrawnReason: reason });
}
