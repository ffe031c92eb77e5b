import { createHash } from 'node:crypto';
import type { CatalogueImportBody, CatalogueImportSummary } from '@lar/shared/api';
import { checkCatalogueUnits, checkQualification } from '@lar/shared/rules';
import type { CatalogueUnit, QualificationDefinition } from '@lar/shared/schemas';
import type { Database } from '../db/database';
import type { Prisma } from '../generated/prisma/client';
import { audit } from '../lib/audit';
import { AppError } from '../lib/errors';
import { canonicalJson, rulesSha256, unitIndex } from './rules-version';

type Tx = Prisma.TransactionClient;

export interface CatalogueImporter {
  /** The signed-in user. */
  userId: string;
  role: 'administrator' | 'awarding_organisation';
  /** The awarding organisation of an awarding organisation's user. */
  organisationId?: string;
}

interface Owner {
  id: string;
  name: string;
  code: string;
}

/** Whose catalogue entries these are: the importer's own organisation, or the one an administrator names. */
async function ownerOf(db: Database, importer: CatalogueImporter, code: string | undefined): Promise<Owner> {
  const select = { id: true, name: true, code: true, type: true } as const;
  if (importer.role === 'awarding_organisation') {
    const own = await db.prisma.organisation.findUniqueOrThrow({
      where: { id: importer.organisationId },
      select,
    });
    if (code !== undefined && code !== own.code) {
      throw invalid([
        `awardingOrganisation: you import for your own organisation (${own.code}); leave it out`,
      ]);
    }
    return own;
  }
  if (!code)
    throw invalid([
      'awardingOrganisation: required: the code of the awarding organisation that owns the entries',
    ]);
  const named = await db.prisma.organisation.findUnique({ where: { code }, select });
  if (named?.type !== 'AWARDING_ORGANISATION') {
    throw invalid([`awardingOrganisation: no awarding organisation has the code ${JSON.stringify(code)}`]);
  }
  return named;
}

const invalid = (errors: string[]) =>
  new AppError(
    'CATALOGUE_INVALID',
    `The catalogue has ${errors.length === 1 ? 'a problem' : `${errors.length} problems`}; nothing was imported`,
    { errors },
  );

/**
 * Checks the whole file, collecting every problem with its path: the units' entries; each
 * qualification with the rules engine's checks (against the file's units and those already in the
 * catalogue); repeated URNs or QANs; entries that belong to another awarding organisation.
 */
async function check(db: Database, owner: Owner, units: unknown[], qualifications: unknown[]) {
  const errors = checkCatalogueUnits(units);
  units.forEach((unit, i) => {
    const title = (unit as { title?: unknown } | null)?.title;
    if (typeof title !== 'string' || title.trim() === '' || title.length > 500) {
      errors.push(`units[${i}].title: must be text of 1 to 500 characters`);
    }
  });
  const warnings: string[] = [];
  const fileUnits = new Map<string, CatalogueUnit>();
  for (const unit of units as CatalogueUnit[])
    if (unit?.urn && !fileUnits.has(unit.urn)) fileUnits.set(unit.urn, unit);

  const mentioned = new Set(fileUnits.keys());
  for (const q of qualifications as Partial<QualificationDefinition>[]) {
    for (const group of Array.isArray(q?.groups) ? q.groups : []) {
      for (const urn of Array.isArray(group?.units) ? group.units : [])
        if (typeof urn === 'string') mentioned.add(urn);
    }
  }
  const stored = await db.prisma.unit.findMany({
    where: { urn: { in: [...mentioned] } },
    select: {
      urn: true,
      title: true,
      level: true,
      credits: true,
      awardingOrganisation: { select: { id: true, name: true } },
    },
  });
  const storedByUrn = new Map(stored.map((u) => [u.urn, u]));
  (units as CatalogueUnit[]).forEach((unit, i) => {
    const other = unit?.urn ? storedByUrn.get(unit.urn) : undefined;
    if (other && other.awardingOrganisation.id !== owner.id) {
      errors.push(
        `units[${i}].urn: ${unit.urn} belongs to ${other.awardingOrganisation.name}; only it can change the unit`,
      );
    }
  });

  const qans = qualifications
    .map((q) => (q as { qan?: unknown })?.qan)
    .filter((qan): qan is string => typeof qan === 'string');
  const storedQualifications = await db.prisma.qualification.findMany({
    where: { qan: { in: qans } },
    select: { qan: true, awardingOrganisation: { select: { id: true, name: true } } },
  });
  const storedByQan = new Map(storedQualifications.map((q) => [q.qan, q]));
  const seenQans = new Map<string, number>();
  qualifications.forEach((q, i) => {
    const path = `qualifications[${i}]`;
    const def = q as Partial<QualificationDefinition>;
    // The units each qualification is checked against: the file's entry, else the catalogue's.
    const catalogue: CatalogueUnit[] = [];
    for (const group of Array.isArray(def?.groups) ? def.groups : []) {
      for (const urn of Array.isArray(group?.units) ? group.units : []) {
        const entry = fileUnits.get(urn) ?? storedByUrn.get(urn);
        if (entry && !catalogue.some((u) => u.urn === urn)) {
          catalogue.push({
            urn,
            title: entry.title,
            level: entry.level as CatalogueUnit['level'],
            credits: entry.credits,
          });
        }
      }
    }
    const result = checkQualification(q, catalogue);
    // Problems of the unit entries themselves are reported once, at units[…].
    errors.push(...result.errors.filter((e) => !e.startsWith('units[')).map((e) => `${path}.${e}`));
    warnings.push(...result.warnings.map((w) => `${path}.${w}`));
    if (typeof def?.qan === 'string') {
      const before = seenQans.get(def.qan);
      if (before !== undefined) errors.push(`${path}.qan: ${def.qan} repeats qualifications[${before}]`);
      else seenQans.set(def.qan, i);
      const other = storedByQan.get(def.qan);
      if (other && other.awardingOrganisation.id !== owner.id) {
        errors.push(
          `${path}.qan: ${def.qan} belongs to ${other.awardingOrganisation.name}; only it can change the qualification`,
        );
      }
    }
  });
  return { errors, warnings };
}

/**
 * Imports a catalogue file for one awarding organisation: all of it or, when anything is wrong, none
 * of it. Units are created or updated; a qualification whose rules changed gets a new version (the
 * earlier ones stay, for the claims evaluated against them) with a new unit→qualification index. The
 * same content again changes nothing.
 */
export async function importCatalogue(
  db: Database,
  importer: CatalogueImporter,
  body: CatalogueImportBody,
): Promise<CatalogueImportSummary> {
  const units = body.units ?? [];
  const qualifications = body.qualifications ?? [];
  if (units.length + qualifications.length === 0)
    throw invalid(['units, qualifications: the file has neither']);
  const owner = await ownerOf(db, importer, body.awardingOrganisation);
  const { errors, warnings } = await check(db, owner, units, qualifications);
  if (errors.length > 0) throw invalid(errors);

  const fileSha256 = createHash('sha256').update(canonicalJson({ units, qualifications })).digest('hex');
  const key = { organisationId: owner.id, kind: 'CATALOGUE' as const, fileSha256 };
  const before = await db.prisma.import.findUnique({ where: { organisationId_kind_fileSha256: key } });
  const ownerView = { name: owner.name, code: owner.code };
  if (before) {
    const summary = before.summary as Pick<CatalogueImportSummary, 'units' | 'qualifications'>;
    return {
      importId: before.id,
      alreadyImported: true,
      awardingOrganisation: ownerView,
      ...summary,
      warnings,
    };
  }

  return db.prisma.$transaction(
    async (tx) => {
      const unitCounts = await storeUnits(tx, owner.id, units as CatalogueUnit[]);
      const qualificationCounts = { created: 0, newVersion: 0, unchanged: 0 };
      for (const def of qualifications as QualificationDefinition[]) {
        qualificationCounts[await storeQualification(tx, owner.id, def)]++;
      }
      const summary = { units: unitCounts, qualifications: qualificationCounts };
      const row = await tx.import.create({
        data: {
          ...key,
          uploadedById: importer.userId,
          fileName: 'catalogue.json',
          status: 'COMPLETED',
          totalRows: units.length + qualifications.length,
          processedRows: units.length + qualifications.length,
          summary,
          completedAt: new Date(),
        },
      });
      await audit(tx, {
        action: 'catalogue.imported',
        actor: `user:${importer.userId}`,
        subjectType: 'Import',
        subjectId: row.id,
        details: { awardingOrganisation: owner.code, ...summary },
      });
      return {
        importId: row.id,
        alreadyImported: false,
        awardingOrganisation: ownerView,
        ...summary,
        warnings,
      };
    },
    // A catalogue of thousands of entries takes longer than Prisma's default 5 s.
    { timeout: 120_000, maxWait: 30_000 },
  );
}

async function storeUnits(tx: Tx, ownerId: string, units: CatalogueUnit[]) {
  const counts = { created: 0, updated: 0, unchanged: 0 };
  const existing = new Map(
    (await tx.unit.findMany({ where: { urn: { in: units.map((u) => u.urn) } } })).map((u) => [u.urn, u]),
  );
  const fresh = units.filter((u) => !existing.has(u.urn));
  if (fresh.length > 0) {
    await tx.unit.createMany({
      data: fresh.map((u) => ({
        urn: u.urn,
        title: u.title,
        level: u.level,
        credits: u.credits,
        awardingOrganisationId: ownerId,
      })),
    });
  }
  counts.created = fresh.length;
  for (const u of units) {
    const old = existing.get(u.urn);
    if (!old) continue;
    if (old.title === u.title && old.level === u.level && old.credits === u.credits) counts.unchanged++;
    else {
      await tx.unit.update({
        where: { urn: u.urn },
        data: { title: u.title, level: u.level, credits: u.credits },
      });
      counts.updated++;
    }
  }
  return counts;
}

async function storeQualification(
  tx: Tx,
  ownerId: string,
  def: QualificationDefinition,
): Promise<'created' | 'newVersion' | 'unchanged'> {
  const sha = rulesSha256(def);
  const found = await tx.qualification.findUnique({
    where: { qan: def.qan },
    include: { versions: { orderBy: { version: 'desc' }, take: 1 } },
  });
  const latest = found?.versions[0];
  if (found && latest?.rulesSha256 === sha) return 'unchanged';
  const version = (latest?.version ?? 0) + 1;
  const qualification = found
    ? await tx.qualification.update({
        where: { id: found.id },
        data: { title: def.title, level: def.level, currentVersion: version },
      })
    : await tx.qualification.create({
        data: {
          qan: def.qan,
          title: def.title,
          level: def.level,
          awardingOrganisationId: ownerId,
          currentVersion: version,
        },
      });
  await tx.qualificationVersion.create({
    data: { qualificationId: qualification.id, version, rules: def as object, rulesSha256: sha },
  });
  await tx.qualificationUnit.deleteMany({ where: { qualificationId: qualification.id } });
  await tx.qualificationUnit.createMany({ data: unitIndex(def, qualification.id) });
  return found ? 'newVersion' : 'created';
}
