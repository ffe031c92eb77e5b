import type {
  AccessLogView,
  GrantPermissionBody,
  OrganisationSummary,
  PermissionView,
  RecordSectionName,
} from '@lar/shared/api';
import { isIsoDate } from '@lar/shared/rules';
import type { Database } from '../db/database';
import type { Prisma, RecordSection } from '../generated/prisma/client';
import { audit } from '../lib/audit';
import { AppError } from '../lib/errors';
import { fieldError } from '../lib/password-policy';
import { enqueueEmail } from '../mail/outbox';
import type { MailContext } from '../mail/templates';

export const SECTION_OF: Record<RecordSectionName, RecordSection> = {
  units: 'UNITS',
  qualifications: 'QUALIFICATIONS',
  progress: 'PROGRESS',
};
export const SECTION_NAME: Record<RecordSection, RecordSectionName> = {
  UNITS: 'units',
  QUALIFICATIONS: 'qualifications',
  PROGRESS: 'progress',
};

const DEFAULT_DAYS = 90;
const MAX_YEARS = 2;

/** The organisations a learner can share the record with: centres and third parties. */
const SHAREABLE = ['CENTRE', 'THIRD_PARTY'] as const;

export async function organisationByCode(db: Database, code: string): Promise<OrganisationSummary> {
  const found = await db.prisma.organisation.findUnique({ where: { code: code.trim() } });
  if (!found || !(SHAREABLE as readonly string[]).includes(found.type)) {
    throw new AppError('NOT_FOUND', `No centre or employer on LAR has the code ${code.trim()}.`);
  }
  return {
    id: found.id,
    name: found.name,
    code: found.code,
    type: found.type as OrganisationSummary['type'],
  };
}

/** The end of the last day of access, from `YYYY-MM-DD` (default 90 days ahead), checked against the limits. */
function expiryFrom(expiresOn: string | undefined, now: Date): Date {
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const text = expiresOn ?? day(new Date(now.getTime() + DEFAULT_DAYS * 86_400_000));
  const max = new Date(now);
  max.setUTCFullYear(max.getUTCFullYear() + MAX_YEARS);
  const problem = !isIsoDate(text)
    ? 'Enter the last day of access as a real date'
    : text < day(now)
      ? 'The last day of access cannot be in the past'
      : text > day(max)
        ? `Access can last at most ${MAX_YEARS} years: choose ${day(max)} or earlier`
        : null;
  if (problem) throw new AppError('VALIDATION_FAILED', problem, fieldError('expiresOn', problem));
  return new Date(`${text}T23:59:59.999Z`);
}

type PermissionRow = Prisma.PermissionGetPayload<{ include: { organisation: true } }>;

function view(p: PermissionRow, now = new Date()): PermissionView {
  return {
    id: p.id,
    organisation: {
      id: p.organisation.id,
      name: p.organisation.name,
      code: p.organisation.code,
      type: p.organisation.type as OrganisationSummary['type'],
    },
    section: SECTION_NAME[p.section],
    grantedAt: p.createdAt.toISOString(),
    expiresAt: p.expiresAt.toISOString(),
    revokedAt: p.revokedAt?.toISOString() ?? null,
    active: p.revokedAt === null && p.expiresAt > now,
  };
}

export async function listPermissions(db: Database, learnerId: string): Promise<PermissionView[]> {
  const rows = await db.prisma.permission.findMany({
    where: { learnerId },
    include: { organisation: true },
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
  });
  const now = new Date();
  // Active ones first; then the rest, newest first.
  return rows.map((p) => view(p, now)).sort((a, b) => Number(b.active) - Number(a.active));
}

/**
 * Grants sections of the learner's record to an organisation until the end of `expiresOn`. A section
 * the organisation already has (active) gets the new expiry instead of a second grant. The
 * organisation's users are emailed, and the grant is audited.
 */
export async function grantPermissions(
  db: Database,
  learnerId: string,
  body: GrantPermissionBody,
  mail: MailContext,
): Promise<PermissionView[]> {
  const now = new Date();
  const expiresAt = expiryFrom(body.expiresOn, now);
  const organisation = await organisationByCode(db, body.organisationCode);
  const learner = await db.prisma.learner.findUniqueOrThrow({ where: { id: learnerId } });
  const ids = await db.prisma.$transaction(async (tx) => {
    const granted: string[] = [];
    for (const name of body.sections) {
      const section = SECTION_OF[name];
      const active = await tx.permission.findFirst({
        where: {
          learnerId,
          organisationId: organisation.id,
          section,
          revokedAt: null,
          expiresAt: { gt: now },
        },
      });
      const row = active
        ? await tx.permission.update({ where: { id: active.id }, data: { expiresAt } })
        : await tx.permission.create({
            data: { learnerId, organisationId: organisation.id, section, expiresAt },
          });
      granted.push(row.id);
    }
    await audit(tx, {
      action: 'permission.granted',
      actor: `learner:${learnerId}`,
      subjectType: 'Organisation',
      subjectId: organisation.id,
      details: { sections: body.sections, expiresAt: expiresAt.toISOString() },
    });
    const users = await tx.user.findMany({
      where: { organisationId: organisation.id, disabledAt: null },
      select: { id: true, fullName: true, email: true },
    });
    for (const user of users) {
      await enqueueEmail(
        tx,
        {
          idempotencyKey: `permission-granted:${granted.join(',')}:${now.getTime()}:${user.id}`,
          to: user.email,
          template: 'permission-granted',
          data: {
            recipientName: user.fullName,
            organisationName: organisation.name,
            learnerName: `${learner.givenName} ${learner.familyName}`,
            uln: learner.uln,
            sections: body.sections,
            expiresAt,
          },
        },
        mail,
      );
    }
    return granted;
  });
  const rows = await db.prisma.permission.findMany({
    where: { id: { in: ids } },
    include: { organisation: true },
  });
  return rows.map((p) => view(p));
}

async function ownPermission(db: Database, learnerId: string, id: string) {
  const found = await db.prisma.permission.findFirst({
    where: { id, learnerId },
    include: { organisation: true },
  });
  if (!found) throw new AppError('NOT_FOUND', 'No such permission on your record.');
  if (found.revokedAt) throw new AppError('CONFLICT', 'This permission was revoked; grant it again instead.');
  return found;
}

export async function changePermission(db: Database, learnerId: string, id: string, expiresOn: string) {
  const found = await ownPermission(db, learnerId, id);
  const expiresAt = expiryFrom(expiresOn, new Date());
  const updated = await db.prisma.$transaction(async (tx) => {
    await audit(tx, {
      action: 'permission.changed',
      actor: `learner:${learnerId}`,
      subjectType: 'Permission',
      subjectId: id,
      details: { from: found.expiresAt.toISOString(), to: expiresAt.toISOString() },
    });
    return tx.permission.update({ where: { id }, data: { expiresAt }, include: { organisation: true } });
  });
  return view(updated);
}

export async function revokePermission(db: Database, learnerId: string, id: string) {
  await ownPermission(db, learnerId, id);
  await db.prisma.$transaction(async (tx) => {
    await tx.permission.update({ where: { id }, data: { revokedAt: new Date() } });
    await audit(tx, {
      action: 'permission.revoked',
      actor: `learner:${learnerId}`,
      subjectType: 'Permission',
      subjectId: id,
    });
  });
}

export async function accessLog(db: Database, learnerId: string, paging: { page: number; pageSize: number }) {
  const where = { learnerId };
  const [rows, total] = await Promise.all([
    db.prisma.accessLogEntry.findMany({
      where,
      include: { organisation: { select: { name: true, code: true, type: true } } },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (paging.page - 1) * paging.pageSize,
      take: paging.pageSize,
    }),
    db.prisma.accessLogEntry.count({ where }),
  ]);
  const items: AccessLogView[] = rows.map((r) => ({
    id: r.id,
    organisation: r.organisation,
    viewedBy: r.viewedBy,
    sections: r.sections.map((s) => SECTION_NAME[s]),
    viewedAt: r.createdAt.toISOString(),
  }));
  return { items, total, ...paging };
}
