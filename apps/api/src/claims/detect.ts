import {
  achievedCompiled,
  type CompiledQualification,
  RocTooComplexError,
  todayUtc,
} from '@lar/shared/rules';
import type { Achievement, CatalogueUnit, QualificationDefinition } from '@lar/shared/schemas';
import type { Database } from '../db/database';
import type { Prisma } from '../generated/prisma/client';
import type { JobHandler } from '../jobs/worker';
import { enqueueEmail } from '../mail/outbox';
import type { PossibleClaim } from '../mail/templates';
import { compiledFor } from './compiled-cache';

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
  awardingOrganisationId: string;
  compiled: CompiledQualification;
}

/** Compiled qualifications by id, kept across the batches of a rescan. */
export type CompiledQualifications = Map<string, Promise<LoadedQualification | undefined>>;

/**
 * Each qualification's rules in force, compiled once however many learners it is evaluated for: per
 * job, or across a whole rescan when the caller passes `loaded` (a qualification changed during a
 * rescan is then evaluated as it was when first met).
 */
function qualificationCache(tx: Tx, loaded: CompiledQualifications = new Map()) {
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
      awardingOrganisationId: q.awardingOrganisationId,
      compiled: compiledFor(version.id, rules, units),
    };
  };
  return (id: string) => {
    const entry = loaded.get(id) ?? load(id);
    loaded.set(id, entry);
    return entry;
  };
}

/**
 * The evaluation when the learner now meets the rules (with the units used), null when not, and
 * `undefined` when too complex to tell. Only whether and how the record achieves the qualification
 * matters here, so the engine skips the credit still needed (`achievedCompiled`).
 */
function evaluateFor(q: LoadedQualification, achievements: Achievement[], on: string) {
  try {
    return achievedCompiled(q.compiled, { achievements, on });
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
  options: {
    publicUrl: string;
    digestKey: string;
    on?: string;
    log?: ClaimsDetectionOptions['log'];
    compiled?: CompiledQualifications;
  },
): Promise<{ evaluations: number; newClaims: number }> {
  const on = options.on ?? todayUtc();
  const qualification = qualificationCache(tx, options.compiled);
  const candidates: {
    learnerId: string;
    centreId: string;
    qualificationId: string;
    versionId: string;
    unitsUsed: string;
    countedCredits: number;
    digest: { centreName: string; claim: PossibleClaim };
  }[] = [];
  const noLonger: NoLonger[] = [];
  let evaluations = 0;
  // Everything the batch needs, one query per table (not per learner), as plain SQL: a rescan runs this
  // for every learner, and mapping thousands of rows through Prisma's models cost more than the engine.
  const learnerIds = changes.map((c) => c.learnerId);
  const rows = <T>(text: string, ...params: unknown[]) => tx.$queryRawUnsafe<T[]>(text, ...params);
  const listing = await rows<{ qualificationId: string; urn: string }>(
    `SELECT "qualificationId"::text AS "qualificationId", urn FROM "QualificationUnit" WHERE urn = ANY($1::text[])`,
    [...new Set(changes.flatMap((c) => c.urns))],
  );
  const qualificationsOf = groupBy(listing, (l) => l.urn);
  const learners = new Map(
    (
      await rows<{ id: string; uln: string; givenName: string; familyName: string }>(
        `SELECT id::text AS id, uln, "givenName", "familyName" FROM "Learner" WHERE id = ANY($1::uuid[])`,
        learnerIds,
      )
    ).map((l) => [l.id, l]),
  );
  const registrationsOf = groupBy(
    await rows<{ learnerId: string; centreId: string; centreName: string }>(
      `SELECT r."learnerId"::text AS "learnerId", o.id::text AS "centreId", o.name AS "centreName"
         FROM "Registration" r JOIN "Organisation" o ON o.id = r."centreId" WHERE r."learnerId" = ANY($1::uuid[])`,
      learnerIds,
    ),
    (r) => r.learnerId,
  );
  const heldBy = groupBy(
    await rows<{
      learnerId: string;
      urn: string;
      credits: number;
      level: string;
      achievedOn: string;
      basis: string;
    }>(
      `SELECT a."learnerId"::text AS "learnerId", u.urn, u.credits, u.level, a."achievedOn"::text AS "achievedOn", a.basis::text AS basis
         FROM "Achievement" a JOIN "Unit" u ON u.id = a."unitId"
        WHERE a."learnerId" = ANY($1::uuid[]) AND a."withdrawnAt" IS NULL`,
      learnerIds,
    ),
    (a) => a.learnerId,
  );
  const awardsOf = groupBy(
    await rows<{ learnerId: string; qualificationId: string }>(
      `SELECT "learnerId"::text AS "learnerId", "qualificationId"::text AS "qualificationId"
         FROM "AwardedQualification" WHERE "learnerId" = ANY($1::uuid[])`,
      learnerIds,
    ),
    (a) => a.learnerId,
  );
  const claimStatus = new Map(
    (
      await rows<{ key: string; status: string }>(
        `SELECT "learnerId"::text || ':' || "qualificationId"::text || ':' || "centreId"::text AS key, status::text AS status
           FROM "Claim" WHERE "learnerId" = ANY($1::uuid[])`,
        learnerIds,
      )
    ).map((c) => [c.key, c.status]),
  );
  // Each learner's achievements as the engine reads them, and the qualifications to evaluate.
  const pending: {
    learner: { id: string; uln: string; givenName: string; familyName: string };
    registrations: { centreId: string; centreName: string }[];
    achievements: Achievement[];
    qualificationIds: string[];
  }[] = [];
  for (const change of changes) {
    const learner = learners.get(change.learnerId);
    const listing = new Set(
      change.urns.flatMap((urn) => (qualificationsOf.get(urn) ?? []).map((l) => l.qualificationId)),
    );
    if (!learner || listing.size === 0) continue;
    const awarded = new Set((awardsOf.get(learner.id) ?? []).map((a) => a.qualificationId));
    pending.push({
      learner,
      registrations: registrationsOf.get(learner.id) ?? [],
      achievements: (heldBy.get(learner.id) ?? []).map((a) => ({
        urn: a.urn,
        credits: a.credits,
        level: a.level as Achievement['level'],
        achievedOn: a.achievedOn,
        basis: a.basis === 'EXEMPTION' ? 'exemption' : 'credit',
      })),
      qualificationIds: [...listing].filter((id) => !awarded.has(id)),
    });
  }
  // Evaluated qualification by qualification, not learner by learner: one qualification's learners one
  // after another find its compiled model at hand (over every pair of the rules benchmark, 140,000
  // against 96,000 per second). The results are then acted on in learner order, as before; of each,
  // only what that reads is kept (a rescan's batch has tens of thousands).
  const results = new Map<
    string,
    { achieved: false } | { achieved: true; unitsUsed: string; countedCredits: number } | null
  >();
  const order = pending.flatMap((p) => p.qualificationIds.map((qualificationId) => ({ p, qualificationId })));
  order.sort((a, b) =>
    a.qualificationId < b.qualificationId ? -1 : a.qualificationId > b.qualificationId ? 1 : 0,
  );
  for (const { p, qualificationId } of order) {
    const q = await qualification(qualificationId);
    if (!q) continue;
    evaluations++;
    const result = evaluateFor(q, p.achievements, on);
    if (result === undefined)
      options.log?.warn(
        { qualificationId, learnerId: p.learner.id },
        'rules too complex to evaluate; no claim',
      );
    results.set(
      `${p.learner.id}:${qualificationId}`,
      result === undefined
        ? null
        : result
          ? {
              achieved: true,
              unitsUsed: JSON.stringify(result.groups.map((g) => ({ group: g.id, units: g.assigned }))),
              countedCredits: result.countedCredits,
            }
          : { achieved: false },
    );
  }
  for (const { learner, registrations, qualificationIds } of pending) {
    for (const qualificationId of qualificationIds) {
      const result = results.get(`${learner.id}:${qualificationId}`);
      const q = await qualification(qualificationId);
      if (!result || !q) continue;
      const statuses = registrations.map(({ centreId }) =>
        claimStatus.get(`${learner.id}:${qualificationId}:${centreId}`),
      );
      if (!result.achieved) {
        if (!statuses.some((status) => status === 'POSSIBLE' || status === 'SUBMITTED')) continue;
        // Audited in the same statement, as every claim transition is; emailed below.
        const moved = await tx.$queryRaw<{ id: string; from: string; centreId: string }[]>`
          WITH moved AS (
            UPDATE "Claim" c SET status = 'NO_LONGER_ACHIEVABLE', "evaluatedAt" = now(), "updatedAt" = now(),
                   reason = 'The learner no longer meets the rules of combination (an achievement was withdrawn)'
              FROM "Claim" before
             WHERE c.id = before.id AND c."learnerId" = ${learner.id}::uuid
               AND c."qualificationId" = ${qualificationId}::uuid AND c.status IN ('POSSIBLE', 'SUBMITTED')
            RETURNING c.id, before.status AS "from", c."centreId"),
          audited AS (
            INSERT INTO "AuditEvent" (id, action, actor, "subjectType", "subjectId", details, "updatedAt")
            SELECT gen_random_uuid(), 'claim.no_longer_achievable', 'system', 'Claim', id::text,
                   jsonb_build_object('from', "from", 'to', 'NO_LONGER_ACHIEVABLE'), now() FROM moved)
          SELECT id::text AS id, "from"::text AS "from", "centreId"::text AS "centreId" FROM moved`;
        for (const claim of moved) {
          const centre = registrations.find((r) => r.centreId === claim.centreId);
          noLonger.push({
            ...claim,
            centreName: centre?.centreName ?? '',
            learnerName: `${learner.givenName} ${learner.familyName}`,
            uln: learner.uln,
            qualificationTitle: q.title,
            qan: q.qan,
            awardingOrganisationId: q.awardingOrganisationId,
          });
        }
        continue;
      }
      // Only a centre with no claim yet, or one no longer achievable, gets a (renewed) possible claim.
      if (statuses.every((status) => status !== undefined && status !== 'NO_LONGER_ACHIEVABLE')) continue;
      const { unitsUsed, countedCredits } = result;
      for (const { centreId, centreName } of registrations) {
        candidates.push({
          learnerId: learner.id,
          centreId,
          qualificationId,
          versionId: q.versionId,
          unitsUsed,
          countedCredits,
          digest: {
            centreName,
            claim: {
              learnerName: `${learner.givenName} ${learner.familyName}`,
              uln: learner.uln,
              qualificationTitle: q.title,
              qan: q.qan,
            },
          },
        });
      }
    }
  }
  // One statement for the batch's new or renewed possible claims; the unique key keeps one claim per
  // learner, centre and qualification however many jobs race, and RETURNING tells which were new here.
  const created =
    candidates.length === 0
      ? []
      : await tx.$queryRawUnsafe<
          { id: string; learnerId: string; centreId: string; qualificationId: string }[]
        >(
          `INSERT INTO "Claim" (id, "learnerId", "centreId", "qualificationId", "qualificationVersionId", status,
                          "unitsUsed", "countedCredits", "evaluatedAt", "updatedAt")
     SELECT gen_random_uuid(), l, c, q, v, 'POSSIBLE', u, n, now(), now()
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::jsonb[], $6::int[]) AS x(l, c, q, v, u, n)
     ON CONFLICT ("learnerId", "centreId", "qualificationId") DO UPDATE
        SET status = 'POSSIBLE', "qualificationVersionId" = EXCLUDED."qualificationVersionId",
            "unitsUsed" = EXCLUDED."unitsUsed", "countedCredits" = EXCLUDED."countedCredits",
            "evaluatedAt" = now(), reason = NULL, "updatedAt" = now()
      WHERE "Claim".status = 'NO_LONGER_ACHIEVABLE'
     RETURNING id::text, "learnerId"::text, "centreId"::text, "qualificationId"::text`,
          candidates.map((c) => c.learnerId),
          candidates.map((c) => c.centreId),
          candidates.map((c) => c.qualificationId),
          candidates.map((c) => c.versionId),
          candidates.map((c) => c.unitsUsed),
          candidates.map((c) => c.countedCredits),
        );
  if (created.length > 0) {
    await tx.$executeRawUnsafe(
      `INSERT INTO "AuditEvent" (id, action, actor, "subjectType", "subjectId", details, "updatedAt")
       SELECT gen_random_uuid(), 'claim.possible', 'system', 'Claim', id, '{"to":"POSSIBLE"}'::jsonb, now()
         FROM unnest($1::text[]) AS id`,
      created.map((r) => r.id),
    );
  }
  const isNew = new Set(created.map((r) => `${r.learnerId}:${r.centreId}:${r.qualificationId}`));
  const fresh = new Map<string, { centreName: string; claims: PossibleClaim[] }>();
  for (const c of candidates) {
    if (!isNew.has(`${c.learnerId}:${c.centreId}:${c.qualificationId}`)) continue;
    const digest = fresh.get(c.centreId) ?? { centreName: c.digest.centreName, claims: [] };
    digest.claims.push(c.digest.claim);
    fresh.set(c.centreId, digest);
  }
  const newClaims = created.length;
  await sendDigests(tx, fresh, options.digestKey, options.publicUrl);
  await sendNoLonger(tx, noLonger, options.publicUrl);
  return { evaluations, newClaims };
}

interface NoLonger {
  id: string;
  from: string;
  centreId: string;
  centreName: string;
  learnerName: string;
  uln: string;
  qualificationTitle: string;
  qan: string;
  awardingOrganisationId: string;
}

/**
 * Claims that a withdrawal made no longer achievable: the centre's users are told, and the awarding
 * organisation's too when the claim was submitted to it.
 */
async function sendNoLonger(tx: Tx, claims: NoLonger[], publicUrl: string) {
  if (claims.length === 0) return;
  const organisations = new Set(claims.flatMap((c) => [c.centreId, c.awardingOrganisationId]));
  const users = groupBy(
    await tx.user.findMany({
      where: { organisationId: { in: [...organisations] }, disabledAt: null },
      select: { id: true, organisationId: true, fullName: true, email: true },
    }),
    (u) => u.organisationId,
  );
  const names = new Map(
    (
      await tx.organisation.findMany({
        where: { id: { in: [...organisations] } },
        select: { id: true, name: true },
      })
    ).map((o) => [o.id, o.name]),
  );
  const at = new Date();
  for (const claim of claims) {
    const audiences: ['centre' | 'awarding', string][] = [['centre', claim.centreId]];
    if (claim.from === 'SUBMITTED') audiences.push(['awarding', claim.awardingOrganisationId]);
    for (const [audience, organisationId] of audiences) {
      for (const user of users.get(organisationId) ?? []) {
        await enqueueEmail(
          tx,
          {
            idempotencyKey: `claim:${claim.id}:NO_LONGER_ACHIEVABLE:${at.getTime()}:${user.id}`,
            to: user.email,
            template: 'claim-update',
            data: {
              action: 'no-longer-achievable',
              audience,
              recipientName: user.fullName,
              awardingOrganisationName: names.get(claim.awardingOrganisationId) ?? '',
              centreName: claim.centreName,
              claimId: claim.id,
              learnerName: claim.learnerName,
              uln: claim.uln,
              qualificationTitle: claim.qualificationTitle,
              qan: claim.qan,
              at,
            },
          },
          { publicUrl },
        );
      }
    }
  }
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

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
