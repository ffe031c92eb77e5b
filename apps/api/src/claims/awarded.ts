import type { AwardedQualificationView } from '@lar/shared/api';
import type { Database } from '../db/database';
import { unitsUsedView } from './service';

/** The qualifications awarded to a learner, newest first, each with the units that achieved it. */
export async function awardedQualifications(
  db: Database,
  learnerId: string,
): Promise<AwardedQualificationView[]> {
  const awards = await db.prisma.awardedQualification.findMany({
    where: { learnerId },
    orderBy: [{ awardedOn: 'desc' }, { id: 'asc' }],
    include: {
      qualification: { select: { qan: true, title: true, level: true } },
      qualificationVersion: { select: { version: true, rules: true } },
      awardingOrganisation: { select: { name: true } },
    },
  });
  const used = (a: (typeof awards)[number]) => a.unitsUsed as { group: string; units: string[] }[];
  const urns = new Set(awards.flatMap((a) => used(a).flatMap((g) => g.units)));
  const units = new Map(
    (
      await db.prisma.unit.findMany({
        where: { urn: { in: [...urns] } },
        select: { urn: true, title: true, credits: true },
      })
    ).map((u) => [u.urn, u]),
  );
  return awards.map((a) => ({
    id: a.id,
    qan: a.qualification.qan,
    title: a.qualification.title,
    level: a.qualification.level,
    awardingOrganisation: a.awardingOrganisation.name,
    awardedOn: a.awardedOn.toISOString().slice(0, 10),
    rulesVersion: a.qualificationVersion.version,
    unitsUsed: unitsUsedView(a.unitsUsed, a.qualificationVersion.rules, units),
  }));
}
