import type {
  CatalogueQualificationDetail,
  CatalogueQualificationsPage,
  CatalogueQuery,
  CatalogueUnitDetail,
  CatalogueUnitsPage,
} from '@lar/shared/api';
import type { QualificationDefinition } from '@lar/shared/schemas';
import type { Database } from '../db/database';
import type { Prisma } from '../generated/prisma/client';
import { AppError } from '../lib/errors';

const owner = { awardingOrganisation: { select: { name: true, code: true } } } as const;

/** Title words (each must appear, any case), or an identifier (QAN or URN) whole or its start. */
function textSearch(q: string | undefined, identifier: 'qan' | 'urn') {
  const text = q?.trim() ?? '';
  if (text === '') return {};
  if (/^[0-9A-Z]{1,3}(\/|$)/.test(text) && /\d/.test(text))
    return { [identifier]: { startsWith: text.toUpperCase() } };
  return {
    AND: text
      .split(/\s+/)
      .slice(0, 8)
      .map((word) => ({ title: { contains: word, mode: 'insensitive' as const } })),
  };
}

const paging = (query: CatalogueQuery) => ({ skip: (query.page - 1) * query.pageSize, take: query.pageSize });

export async function listQualifications(
  db: Database,
  query: CatalogueQuery,
): Promise<CatalogueQualificationsPage> {
  const where: Prisma.QualificationWhereInput = {
    ...textSearch(query.q, 'qan'),
    ...(query.level ? { level: query.level } : {}),
  };
  const [rows, total] = await Promise.all([
    db.prisma.qualification.findMany({
      where,
      orderBy: [{ title: 'asc' }, { qan: 'asc' }],
      // The newest version is the one in force.
      include: { ...owner, versions: { orderBy: { version: 'desc' }, take: 1, select: { rules: true } } },
      ...paging(query),
    }),
    db.prisma.qualification.count({ where }),
  ]);
  return {
    items: rows.map((q) => {
      const current = q.versions[0];
      return {
        id: q.id,
        qan: q.qan,
        title: q.title,
        level: q.level,
        minCredits: (current?.rules as QualificationDefinition | undefined)?.minCredits ?? 0,
        currentVersion: q.currentVersion,
        awardingOrganisation: q.awardingOrganisation,
      };
    }),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function qualificationDetail(db: Database, id: string): Promise<CatalogueQualificationDetail> {
  const q = await db.prisma.qualification.findUnique({
    where: { id },
    include: { ...owner, versions: { orderBy: { version: 'desc' } } },
  });
  const current = q?.versions.find((v) => v.version === q.currentVersion);
  if (!q || !current) throw new AppError('NOT_FOUND', 'No such qualification in the catalogue.');
  const rules = current.rules as unknown as QualificationDefinition;
  const urns = new Set([
    ...rules.groups.flatMap((g) => g.units),
    ...Object.values(rules.equivalents ?? {}).flat(),
  ]);
  const units = await db.prisma.unit.findMany({
    where: { urn: { in: [...urns] } },
    include: owner,
    orderBy: { urn: 'asc' },
  });
  return {
    id: q.id,
    qan: q.qan,
    title: q.title,
    level: q.level,
    minCredits: rules.minCredits,
    currentVersion: q.currentVersion,
    awardingOrganisation: q.awardingOrganisation,
    rules,
    units: units.map(unitView),
    versions: q.versions.map((v) => ({ version: v.version, createdAt: v.createdAt.toISOString() })),
  };
}

type UnitRow = Prisma.UnitGetPayload<{ include: typeof owner }>;

const unitView = (u: UnitRow) => ({
  id: u.id,
  urn: u.urn,
  title: u.title,
  level: u.level,
  credits: u.credits,
  awardingOrganisation: u.awardingOrganisation,
});

export async function listUnits(db: Database, query: CatalogueQuery): Promise<CatalogueUnitsPage> {
  const where: Prisma.UnitWhereInput = {
    ...textSearch(query.q, 'urn'),
    ...(query.level ? { level: query.level } : {}),
  };
  const [rows, total] = await Promise.all([
    db.prisma.unit.findMany({
      where,
      orderBy: [{ title: 'asc' }, { urn: 'asc' }],
      include: owner,
      ...paging(query),
    }),
    db.prisma.unit.count({ where }),
  ]);
  return { items: rows.map(unitView), total, page: query.page, pageSize: query.pageSize };
}

export async function unitDetail(db: Database, id: string): Promise<CatalogueUnitDetail> {
  const unit = await db.prisma.unit.findUnique({ where: { id }, include: owner });
  if (!unit) throw new AppError('NOT_FOUND', 'No such unit in the catalogue.');
  const uses = await db.prisma.qualificationUnit.findMany({
    where: { urn: unit.urn },
    include: { qualification: { select: { id: true, qan: true, title: true } } },
    orderBy: { qualification: { title: 'asc' } },
  });
  return {
    ...unitView(unit),
    qualifications: uses.map((u) => ({ ...u.qualification, viaEquivalent: u.viaEquivalent })),
  };
}
