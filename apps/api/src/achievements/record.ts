import type { AchievementInput, AchievementRowReport, AchievementsReport } from '@lar/shared/api';
import { CLAIMS_DETECT_QUEUE, type LearnerChange } from '../claims/detect';
import type { Database } from '../db/database';
import { enqueueJob } from '../jobs/queue';
import { audit } from '../lib/audit';
import { checkAchievementRow } from './check-row';

type Tx = Parameters<Parameters<Database['prisma']['$transaction']>[0]>[0];

/** Learners per claims-detection job: a big batch becomes several jobs that workers share. */
const LEARNERS_PER_DETECTION_JOB = 500;

/**
 * Queues claims detection for changed achievements: which learners, and which of their units changed,
 * so that only the qualifications listing those units are evaluated. Call it in the transaction that
 * makes the change, so that no change goes undetected.
 */
export async function queueClaimsDetection(tx: Tx, changes: LearnerChange[], key: string) {
  for (let i = 0; i < changes.length; i += LEARNERS_PER_DETECTION_JOB) {
    await enqueueJob(tx, {
      queue: CLAIMS_DETECT_QUEUE,
      payload: { changes: changes.slice(i, i + LEARNERS_PER_DETECTION_JOB) } as object,
      idempotencyKey: `${CLAIMS_DETECT_QUEUE}:${key}:${i / LEARNERS_PER_DETECTION_JOB}`,
    });
  }
}

export interface RecordInput {
  awardingOrganisationId: string;
  /** `user:<id>` for the audit trail. */
  actor: string;
  /** Rows with their report numbers (the batch position or the CSV row). */
  rows: { row: number; input: Partial<AchievementInput>; problem?: string }[];
  today?: Date;
}

/**
 * Records unit achievements for an awarding organisation, each row reported: recorded, or rejected with
 * the reason (field checks; learner not on LAR; unit not in the catalogue or awarded by another
 * organisation; achieved before the learner was born; the same learner and unit twice in the batch or
 * already recorded). Recorded rows and their claims-detection jobs commit together.
 */
export async function recordAchievements(db: Database, input: RecordInput): Promise<AchievementsReport> {
  const today = input.today ?? new Date();
  const reports = new Map<number, AchievementRowReport>();
  const reject = (row: number, uln: string, urn: string, message: string) =>
    reports.set(row, { row, uln, urn, outcome: 'rejected', message, achievementId: null });
  const checked = input.rows.flatMap(({ row, input: raw, problem }) => {
    if (problem) {
      reject(row, String(raw.uln ?? ''), String(raw.urn ?? ''), problem);
      return [];
    }
    const result = checkAchievementRow(raw, today);
    if (result.ok) return [{ row, ...result.value }];
    reject(row, String(raw.uln ?? ''), String(raw.urn ?? ''), result.message);
    return [];
  });

  return db.prisma.$transaction(
    async (tx) => {
      const learners = new Map(
        (
          await tx.learner.findMany({
            where: { uln: { in: [...new Set(checked.map((c) => c.uln))] } },
            select: { id: true, uln: true, dateOfBirth: true },
          })
        ).map((l) => [l.uln, l]),
      );
      // One batch at a time per learner, so two batches cannot both record the same unit for a learner.
      const learnerIds = [...learners.values()].map((l) => l.id).sort();
      await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtextextended(id, 0))::text FROM unnest(${learnerIds}::text[]) AS id ORDER BY id`;
      const units = new Map(
        (
          await tx.unit.findMany({
            where: { urn: { in: [...new Set(checked.map((c) => c.urn))] } },
            select: { id: true, urn: true, awardingOrganisationId: true },
          })
        ).map((u) => [u.urn, u]),
      );
      const held = await tx.achievement.findMany({
        where: {
          withdrawnAt: null,
          learnerId: { in: [...learners.values()].map((l) => l.id) },
          unitId: { in: [...units.values()].map((u) => u.id) },
        },
        select: { learnerId: true, unitId: true, achievedOn: true },
      });
      const heldOn = new Map(
        held.map((a) => [`${a.learnerId}:${a.unitId}`, a.achievedOn.toISOString().slice(0, 10)]),
      );
      const inBatch = new Map<string, number>();
      const accepted: {
        row: number;
        uln: string;
        urn: string;
        learnerId: string;
        unitId: string;
        achievedOn: string;
        basis: 'CREDIT' | 'EXEMPTION';
      }[] = [];
      for (const c of checked) {
        const learner = learners.get(c.uln);
        const unit = units.get(c.urn);
        if (!learner) reject(c.row, c.uln, c.urn, `No learner on LAR has ULN ${c.uln}`);
        else if (!unit) reject(c.row, c.uln, c.urn, `URN ${c.urn} is not in the catalogue`);
        else if (unit.awardingOrganisationId !== input.awardingOrganisationId) {
          reject(
            c.row,
            c.uln,
            c.urn,
            `Unit ${c.urn} is awarded by another organisation: only it can record it`,
          );
        } else if (c.achievedOn < learner.dateOfBirth.toISOString().slice(0, 10)) {
          reject(c.row, c.uln, c.urn, `AchievedOn ${c.achievedOn} is before the learner's date of birth`);
        } else {
          const key = `${learner.id}:${unit.id}`;
          const earlier = inBatch.get(key);
          const recordedOn = heldOn.get(key);
          if (earlier !== undefined)
            reject(c.row, c.uln, c.urn, `The same learner and unit as row ${earlier}`);
          else if (recordedOn)
            reject(
              c.row,
              c.uln,
              c.urn,
              `Already recorded (achieved on ${recordedOn}); withdraw it first to correct it`,
            );
          else {
            inBatch.set(key, c.row);
            accepted.push({ ...c, learnerId: learner.id, unitId: unit.id });
          }
        }
      }
      const created = await tx.achievement.createManyAndReturn({
        data: accepted.map((a) => ({
          learnerId: a.learnerId,
          unitId: a.unitId,
          achievedOn: new Date(`${a.achievedOn}T00:00:00Z`),
          basis: a.basis,
          awardingOrganisationId: input.awardingOrganisationId,
        })),
        select: { id: true, learnerId: true, unitId: true },
      });
      const ids = new Map(created.map((a) => [`${a.learnerId}:${a.unitId}`, a.id]));
      for (const a of accepted) {
        const achievementId = ids.get(`${a.learnerId}:${a.unitId}`) ?? null;
        reports.set(a.row, {
          row: a.row,
          uln: a.uln,
          urn: a.urn,
          outcome: 'recorded',
          message: '',
          achievementId,
        });
      }
      if (created.length > 0) {
        const byLearner = new Map<string, Set<string>>();
        for (const a of accepted)
          byLearner.set(a.learnerId, (byLearner.get(a.learnerId) ?? new Set()).add(a.urn));
        const changes = [...byLearner].map(([learnerId, urns]) => ({ learnerId, urns: [...urns] }));
        const first = created[0]?.id ?? '';
        await queueClaimsDetection(tx, changes, `achievements:${first}`);
        await audit(tx, {
          action: 'achievements.recorded',
          actor: input.actor,
          subjectType: 'Organisation',
          subjectId: input.awardingOrganisationId,
          details: {
            recorded: created.length,
            rejected: reports.size - created.length,
            firstAchievementId: first,
          },
        });
      }
      const rows = [...reports.values()].sort((a, b) => a.row - b.row);
      const recorded = rows.filter((r) => r.outcome === 'recorded').length;
      return { recorded, rejected: rows.length - recorded, rows };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
