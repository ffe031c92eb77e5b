import {
  type CompiledQualification,
  compileQualification,
  evaluateCompiled,
  RocTooComplexError,
  todayUtc,
} from '@lar/shared/rules';
import type { Achievement, CatalogueUnit, QualificationDefinition } from '@lar/shared/schemas';
import type { Database } from '../db/database';
import type { Prisma } from '../generated/prisma/client';
import type { JobHandler } from '../jobs/worker';
import { enqueueEmail } from '../mail/outbox';
import type { PossibleClaim } from '../mail/templates';

export const CLAIMS_DETECT_QUEUE = 'claims-detect';

/** A learner whose achievements of these units changed (recorded or withdrawn). */
export interface LearnerChange {
  learnerId: string;
  urns: string[];
}

type Tx = Prisma.TransactionClient;

interface LoadedQualification {
  id: string;
  versionId: string;
  title: string;
  qan: string;
  compiled: CompiledQualification;
}

/** Each qualification's rules in force, compiled once per job however many learners it is evaluated for. */
function qualificationCache(tx: Tx) {
  const loaded = new Map<string, Promise<LoadedQualification | undefined>>();
  const load = async (id: string) => {
    const q = await tx.qualification.findUnique({ where: { id } });
    const version =
      q &&
      (await tx.qualificationVersion.findUnique({
        where: { qualificationId_version: { qualificationId: id, version: q.currentVersion } },
      }));
    if (!q || !version) return undefined;
    const rules = version.rules as unknown as QualificationDefinition;
    const listed = [...new Set(rules.groups.flatMap((g) => g.units))];
    const units: CatalogueUnit[] = (await tx.unit.findMany({ where: { urn: { in: listed } } })).map((u) => ({
      urn: u.urn,
      title: u.title,
      level: u.level as CatalogueUnit['level'],
      credits: u.credits,
    }));
    return {
      id,
      versionId: version.id,
      title: q.title,
      qan: q.qan,
      compiled: compileQualification(rules, units),
    };
  };
  return (id: string) => {
    const entry = loaded.get(id) ?? load(id);
    loaded.set(id, entry);
    return entry;
  };
}

/** Whether the learner now meets the rules, and with which units; `undefined` when too complex to tell. */
function evaluateFor(q: LoadedQualification, achievements: Achievement[], on: string) {
  try {
    return evaluateCompiled(q.compiled, { achievements, on, routes: 0 });
  } catch (error) {
    if (error instanceof RocTooComplexError) return undefined;
    throw error;
  }
}

export interface ClaimsDetectionOptions {
  db: Database;
  publicUrl: string;
  log?: { warn(obj: object, msg: string): void };
}

/**
 * Claims detection after achievements change. For each changed learner it evaluates only the
 * qualifications that list (or accept as an equivalent) one of the changed units, through the
 * unit→qualification index. A qualification newly achieved becomes a possible claim for every centre
 * the learner is registered with (a unique key keeps it to one, however many jobs race); one no longer
 * achieved (after a withdrawal) marks its possible or submitted claims so. Each centre's users get one
 * digest email of the job's new claims. All of it is one transaction: a job that dies is redone whole.
 */
export function claimsDetectionHandler(options: ClaimsDetectionOptions): JobHandler {
  const { db } = options;
  return async (job) => {
    const { changes } = job.payload as { changes: LearnerChange[] };
    await db.prisma.$transaction(
      (tx) =>
        detectClaims(tx, changes, { publicUrl: options.publicUrl, digestKey: job.id, log: options.log }),
      { timeout: 300_000, maxWait: 60_000 },
    );
  };
}

/**
 * The detection itself, in the caller's transaction (a detection job, or a batch of a rescan). Returns
 * how many learner×qualification evaluations it made and how many claims it created or revived.
 */
export async function detectClaims(
  tx: Tx,
  changes: LearnerChange[],
  options: { publicUrl: string; digestKey: string; on?: string; log?: ClaimsDetectionOptions['log'] },
): Promise<{ evaluations: number; newClaims: number }> {
  const on = options.on ?? todayUtc();
  const qualification = qualificationCache(tx);
  const fresh = new Map<string, { centreName: string; claims: PossibleClaim[] }>();
  let evaluations = 0;
  let newClaims = 0;
  for (const change of changes) {
    const listing = await tx.qualificationUnit.findMany({
      where: { urn: { in: change.urns } },
      distinct: ['qualificationId'],
      select: { qualificationId: true },
    });
    if (listing.length === 0) continue;
    // One relation per query: Prisma loads several relations of one query in parallel, which a
    // transaction's single connection can only queue (pg warns of it).
    const learner = await tx.learner.findUnique({ where: { id: change.learnerId } });
    if (!learner) continue;
    const registrations = await tx.registration.findMany({
      where: { learnerId: learner.id },
      include: { centre: { select: { id: true, name: true } } },
    });
    const held = await tx.achievement.findMany({
      where: { learnerId: learner.id, withdrawnAt: null },
      include: { unit: true },
    });
    const awards = await tx.awardedQualification.findMany({
      where: { learnerId: learner.id },
      select: { qualificationId: true },
    });
    const achievements: Achievement[] = held.map((a) => ({
      urn: a.unit.urn,
      credits: a.unit.credits,
      level: a.unit.level as Achievement['level'],
      achievedOn: a.achievedOn.toISOString().slice(0, 10),
      basis: a.basis === 'EXEMPTION' ? 'exemption' : 'credit',
    }));
    const awarded = new Set(awards.map((a) => a.qualificationId));
    for (const { qualificationId } of listing) {
      if (awarded.has(qualificationId)) continue;
      const q = await qualification(qualificationId);
      if (!q) continue;
      evaluations++;
      const result = evaluateFor(q, achievements, on);
      if (!result) {
        options.log?.warn(
          { qualificationId, learnerId: learner.id },
          'rules too complex to evaluate; no claim',
        );
        continue;
      }
      if (!result.achieved) {
        await tx.claim.updateMany({
          where: { learnerId: learner.id, qualificationId, status: { in: ['POSSIBLE', 'SUBMITTED'] } },
          data: {
            status: 'NO_LONGER_ACHIEVABLE',
            evaluatedAt: new Date(),
            reason: 'The learner no longer meets the rules of combination (an achievement was withdrawn)',
          },
        });
        continue;
      }
      const unitsUsed = result.groups.map((g) => ({ group: g.id, units: g.assigned }));
      for (const { centre } of registrations) {
        const rows = await tx.$queryRaw<{ id: string }[]>`
          INSERT INTO "Claim" (id, "learnerId", "centreId", "qualificationId", "qualificationVersionId", status,
                               "unitsUsed", "countedCredits", "evaluatedAt", "updatedAt")
          VALUES (gen_random_uuid(), ${learner.id}::uuid, ${centre.id}::uuid, ${qualificationId}::uuid,
                  ${q.versionId}::uuid, 'POSSIBLE', ${JSON.stringify(unitsUsed)}::jsonb, ${result.countedCredits},
                  now(), now())
          ON CONFLICT ("learnerId", "centreId", "qualificationId") DO UPDATE
             SET status = 'POSSIBLE', "qualificationVersionId" = EXCLUDED."qualificationVersionId",
                 "unitsUsed" = EXCLUDED."unitsUsed", "countedCredits" = EXCLUDED."countedCredits",
                 "evaluatedAt" = now(), reason = NULL, "updatedAt" = now()
           WHERE "Claim".status = 'NO_LONGER_ACHIEVABLE'
          RETURNING id`;
        if (rows.length === 0) continue;
        newClaims++;
        const digest = fresh.get(centre.id) ?? { centreName: centre.name, claims: [] };
        digest.claims.push({
          learnerName: `${learner.givenName} ${learner.familyName}`,
          uln: learner.uln,
          qualificationTitle: q.title,
          qan: q.qan,
        });
        fresh.set(centre.id, digest);
      }
    }
  }
  await sendDigests(tx, fresh, options.digestKey, options.publicUrl);
  return { evaluations, newClaims };
}

/** One digest per centre user (enabled, with an email) for this job's new claims. */
async function sendDigests(
  tx: Tx,
  fresh: Map<string, { centreName: string; claims: PossibleClaim[] }>,
  digestKey: string,
  publicUrl: string,
) {
  if (fresh.size === 0) return;
  const users = await tx.user.findMany({
    where: { organisationId: { in: [...fresh.keys()] }, disabledAt: null },
    select: { id: true, organisationId: true, fullName: true, email: true },
  });
  for (const user of users) {
    const digest = fresh.get(user.organisationId);
    if (!digest) continue;
    await enqueueEmail(
      tx,
      {
        idempotencyKey: `possible-claims-digest:${digestKey}:${user.id}`,
        to: user.email,
        template: 'possible-claims-digest',
        data: { recipientName: user.fullName, centreName: digest.centreName, claims: digest.claims },
      },
      { publicUrl },
    );
  }
}
