import type { ClaimSort, ClaimStatus, ClaimsPage, ClaimsQuery, ClaimView } from '@lar/shared/api';
import type { Database } from '../db/database';
import type { Prisma } from '../generated/prisma/client';
import { audit } from '../lib/audit';
import { AppError } from '../lib/errors';
import { ulnStartingWith } from '../lib/uln-search';
import { enqueueEmail } from '../mail/outbox';
import type { MailContext } from '../mail/templates';

type Tx = Prisma.TransactionClient;

/** Who is looking: a centre sees its own claims; an awarding organisation the claims submitted to it. */
export interface ClaimsViewer {
  role: 'centre' | 'awarding_organisation';
  organisationId: string;
  userId: string;
}

/** Awarding organisations see a claim once a centre has submitted it, and keep seeing it after. */
const SEEN_BY_AWARDING: ClaimStatus[] = ['SUBMITTED', 'AWARDED', 'REJECTED', 'WITHDRAWN'];

const include = {
  learner: { select: { id: true, uln: true, givenName: true, familyName: true } },
  centre: { select: { name: true, code: true } },
  qualification: { include: { awardingOrganisation: { select: { id: true, name: true } } } },
  qualificationVersion: { select: { version: true, rules: true } },
} as const;

type ClaimRow = Prisma.ClaimGetPayload<{ include: typeof include }>;

function scope(viewer: ClaimsViewer): Prisma.ClaimWhereInput {
  return viewer.role === 'centre'
    ? { centreId: viewer.organisationId }
    : {
        qualification: { awardingOrganisationId: viewer.organisationId },
        // A withdrawal before submission never reached the awarding organisation.
        OR: [
          { status: { in: SEEN_BY_AWARDING.filter((s) => s !== 'WITHDRAWN') } },
          { status: 'WITHDRAWN', submittedAt: { not: null } },
        ],
      };
}

const words = (text: string) => text.trim().split(/\s+/).filter(Boolean).slice(0, 6);

function filters(query: ClaimsQuery): Prisma.ClaimWhereInput[] {
  const where: Prisma.ClaimWhereInput[] = [];
  if (query.qualification?.trim()) {
    const q = query.qualification.trim();
    where.push(
      /^\d/.test(q)
        ? { qualification: { qan: { startsWith: q.toUpperCase() } } }
        : {
            AND: words(q).map((w) => ({
              qualification: { title: { contains: w, mode: 'insensitive' as const } },
            })),
          },
    );
  }
  if (query.learner?.trim()) {
    const l = query.learner.trim();
    where.push(
      /^\d+$/.test(l)
        ? { learner: { uln: ulnStartingWith(l) } }
        : {
            AND: words(l).map((w) => ({
              learner: {
                OR: [
                  { givenName: { contains: w, mode: 'insensitive' as const } },
                  { familyName: { contains: w, mode: 'insensitive' as const } },
                ],
              },
            })),
          },
    );
  }
  return where;
}

const ORDERS: Record<string, (dir: 'asc' | 'desc') => Prisma.ClaimOrderByWithRelationInput[]> = {
  evaluatedAt: (dir) => [{ evaluatedAt: dir }],
  learner: (dir) => [{ learner: { familyName: dir } }, { learner: { givenName: dir } }],
  qualification: (dir) => [{ qualification: { title: dir } }],
  status: (dir) => [{ status: dir }],
};

function orderBy(sort: ClaimSort = '-evaluatedAt') {
  const descending = sort.startsWith('-');
  const order = ORDERS[descending ? sort.slice(1) : sort] ?? ORDERS.evaluatedAt;
  return [...(order?.(descending ? 'desc' : 'asc') ?? []), { id: 'asc' as const }];
}

/** Unit titles and credits for the URNs claims used, in one query for a whole page. */
async function unitDetails(db: Database, rows: ClaimRow[]) {
  const urns = new Set(rows.flatMap((r) => (r.unitsUsed as { units: string[] }[]).flatMap((g) => g.units)));
  const units = await db.prisma.unit.findMany({
    where: { urn: { in: [...urns] } },
    select: { urn: true, title: true, credits: true },
  });
  return new Map(units.map((u) => [u.urn, u]));
}

function view(row: ClaimRow, units: Map<string, { urn: string; title: string; credits: number }>): ClaimView {
  return {
    id: row.id,
    status: row.status,
    learner: {
      id: row.learner.id,
      uln: row.learner.uln,
      name: `${row.learner.givenName} ${row.learner.familyName}`,
    },
    centre: row.centre,
    qualification: {
      id: row.qualification.id,
      qan: row.qualification.qan,
      title: row.qualification.title,
      level: row.qualification.level,
      version: row.qualificationVersion.version,
      awardingOrganisation: row.qualification.awardingOrganisation.name,
    },
    unitsUsed: unitsUsedView(row.unitsUsed, row.qualificationVersion.rules, units),
    countedCredits: row.countedCredits,
    evaluatedAt: row.evaluatedAt.toISOString(),
    submittedAt: row.submittedAt?.toISOString() ?? null,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    reason: row.reason,
  };
}

type UnitDetail = { urn: string; title: string; credits: number };

/** The stored units used (group ids and URNs) with each group's title from the rules and each unit's details. */
export function unitsUsedView(unitsUsed: unknown, rules: unknown, units: Map<string, UnitDetail>) {
  const titles = new Map(
    ((rules as { groups?: { id: string; title?: string }[] }).groups ?? []).map((g) => [g.id, g.title]),
  );
  return (unitsUsed as { group: string; units: string[] }[]).map((g) => ({
    group: g.group,
    title: titles.get(g.group) || g.group,
    units: g.units.map((urn) => units.get(urn) ?? { urn, title: urn, credits: 0 }),
  }));
}

export async function listClaims(
  db: Database,
  viewer: ClaimsViewer,
  query: ClaimsQuery,
): Promise<ClaimsPage> {
  const base: Prisma.ClaimWhereInput = { AND: [scope(viewer), ...filters(query)] };
  const where: Prisma.ClaimWhereInput = query.status ? { AND: [base, { status: query.status }] } : base;
  const [rows, total, grouped] = await Promise.all([
    db.prisma.claim.findMany({
      where,
      include,
      orderBy: orderBy(query.sort),
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    }),
    db.prisma.claim.count({ where }),
    db.prisma.claim.groupBy({ by: ['status'], where: base, _count: { _all: true } }),
  ]);
  const units = await unitDetails(db, rows);
  return {
    items: rows.map((r) => view(r, units)),
    total,
    page: query.page,
    pageSize: query.pageSize,
    counts: Object.fromEntries(grouped.map((g) => [g.status, g._count._all])),
  };
}

/** Every claim matching the filters, 1,000 at a time, for the CSV export. */
export async function* allClaims(
  db: Database,
  viewer: ClaimsViewer,
  query: ClaimsQuery,
): AsyncGenerator<ClaimView[]> {
  for (let page = 1; ; page++) {
    const { items } = await listClaims(db, viewer, { ...query, page, pageSize: 1_000 });
    if (items.length > 0) yield items;
    if (items.length < 1_000) return;
  }
}

export async function getClaim(db: Database, viewer: ClaimsViewer, id: string): Promise<ClaimView> {
  const row = await db.prisma.claim.findFirst({ where: { AND: [{ id }, scope(viewer)] }, include });
  if (!row) throw new AppError('NOT_FOUND', 'No such claim.');
  return view(row, await unitDetails(db, [row]));
}

type Transition = 'submit' | 'withdraw' | 'award' | 'reject';

const RULES: Record<Transition, { role: ClaimsViewer['role']; from: ClaimStatus[]; to: ClaimStatus }> = {
  submit: { role: 'centre', from: ['POSSIBLE'], to: 'SUBMITTED' },
  withdraw: { role: 'centre', from: ['POSSIBLE', 'SUBMITTED', 'NO_LONGER_ACHIEVABLE'], to: 'WITHDRAWN' },
  award: { role: 'awarding_organisation', from: ['SUBMITTED'], to: 'AWARDED' },
  reject: { role: 'awarding_organisation', from: ['SUBMITTED'], to: 'REJECTED' },
};

const STATUS_WORDS: Record<ClaimStatus, string> = {
  POSSIBLE: 'possible',
  NO_LONGER_ACHIEVABLE: 'no longer achievable',
  SUBMITTED: 'submitted',
  AWARDED: 'awarded',
  REJECTED: 'rejected',
  WITHDRAWN: 'withdrawn',
};

/**
 * Moves a claim along its lifecycle — possible → submitted → awarded, or rejected with a reason, or
 * withdrawn by the centre — checking who may and from which status (a claim changed meanwhile is a
 * conflict). Each transition is audited and emailed: a submission or a withdrawal of a submitted claim
 * to the awarding organisation's users, a decision to the centre's users. An award puts the
 * qualification on the learner's record with the units used, and ends the learner's other claims for it.
 */
export async function moveClaim(
  db: Database,
  viewer: ClaimsViewer,
  input: { id: string; transition: Transition; reason?: string },
  mail: MailContext,
): Promise<ClaimView> {
  const rule = RULES[input.transition];
  if (viewer.role !== rule.role)
    throw new AppError(
      'FORBIDDEN',
      `Only ${rule.role === 'centre' ? 'the centre' : 'the awarding organisation'} can do this.`,
    );
  // Read before the transaction: Prisma loads the four relations in parallel, which a transaction's one
  // connection could only queue. The update is guarded on the status that was read.
  const claim = await db.prisma.claim.findFirst({
    where: { AND: [{ id: input.id }, scope(viewer)] },
    include,
  });
  if (!claim) throw new AppError('NOT_FOUND', 'No such claim.');
  const conflict = (status: ClaimStatus) =>
    new AppError(
      'CONFLICT',
      `This claim is ${STATUS_WORDS[status]}, so it cannot be ${STATUS_WORDS[rule.to]} now.`,
    );
  if (!rule.from.includes(claim.status)) throw conflict(claim.status);
  await db.prisma.$transaction(async (tx) => {
    const now = new Date();
    const moved = await tx.claim.updateMany({
      where: { id: claim.id, status: claim.status },
      data: {
        status: rule.to,
        ...(rule.to === 'SUBMITTED' ? { submittedAt: now } : {}),
        ...(rule.to === 'AWARDED' || rule.to === 'REJECTED' ? { decidedAt: now } : {}),
        ...(input.reason ? { reason: input.reason.trim() } : {}),
      },
    });
    if (moved.count === 0) {
      const current = await tx.claim.findUnique({ where: { id: claim.id }, select: { status: true } });
      throw conflict(current?.status ?? claim.status);
    }
    if (rule.to === 'AWARDED') await award(tx, claim, now);
    await audit(tx, {
      action: `claim.${rule.to.toLowerCase()}`,
      actor: `user:${viewer.userId}`,
      subjectType: 'Claim',
      subjectId: claim.id,
      details: { from: claim.status, to: rule.to, ...(input.reason ? { reason: input.reason.trim() } : {}) },
    });
    await notify(tx, claim, { to: rule.to, from: claim.status, at: now, reason: input.reason?.trim() }, mail);
  });
  return getClaim(db, viewer, input.id);
}

async function award(tx: Tx, claim: ClaimRow, now: Date) {
  await tx.awardedQualification.create({
    data: {
      learnerId: claim.learnerId,
      qualificationId: claim.qualificationId,
      qualificationVersionId: claim.qualificationVersionId,
      claimId: claim.id,
      awardingOrganisationId: claim.qualification.awardingOrganisationId,
      awardedOn: new Date(`${now.toISOString().slice(0, 10)}T00:00:00Z`),
      unitsUsed: claim.unitsUsed as Prisma.InputJsonValue,
    },
  });
  await tx.claim.updateMany({
    where: {
      learnerId: claim.learnerId,
      qualificationId: claim.qualificationId,
      id: { not: claim.id },
      status: { in: ['POSSIBLE', 'NO_LONGER_ACHIEVABLE', 'SUBMITTED'] },
    },
    data: { status: 'WITHDRAWN', reason: 'The qualification was awarded through another centre' },
  });
}

async function notify(
  tx: Tx,
  claim: ClaimRow,
  change: { to: ClaimStatus; from: ClaimStatus; at: Date; reason?: string },
  mail: MailContext,
) {
  const common = {
    centreName: claim.centre.name,
    claimId: claim.id,
    learnerName: `${claim.learner.givenName} ${claim.learner.familyName}`,
    uln: claim.learner.uln,
    qualificationTitle: claim.qualification.title,
    qan: claim.qualification.qan,
  };
  const key = `claim:${claim.id}:${change.to}:${change.at.getTime()}`;
  const usersOf = (organisationId: string) =>
    tx.user.findMany({
      where: { organisationId, disabledAt: null },
      select: { id: true, fullName: true, email: true },
    });
  if (change.to === 'SUBMITTED' || (change.to === 'WITHDRAWN' && change.from === 'SUBMITTED')) {
    for (const user of await usersOf(claim.qualification.awardingOrganisationId)) {
      await enqueueEmail(
        tx,
        {
          idempotencyKey: `${key}:${user.id}`,
          to: user.email,
          template: 'claim-update',
          data: {
            ...common,
            action: change.to === 'SUBMITTED' ? 'submitted' : 'withdrawn',
            recipientName: user.fullName,
            awardingOrganisationName: claim.qualification.awardingOrganisation.name,
            at: change.at,
          },
        },
        mail,
      );
    }
  }
  if (change.to === 'AWARDED' || change.to === 'REJECTED') {
    for (const user of await usersOf(claim.centreId)) {
      const base = {
        ...common,
        recipientName: user.fullName,
        awardingOrganisationName: claim.qualification.awardingOrganisation.name,
        decidedAt: change.at,
      };
      await enqueueEmail(
        tx,
        {
          idempotencyKey: `${key}:${user.id}`,
          to: user.email,
          template: 'claim-decision',
          data:
            change.to === 'AWARDED'
              ? { ...base, decision: 'awarded' }
              : { ...base, decision: 'rejected', reason: change.reason ?? '' },
        },
        mail,
      );
    }
  }
}
