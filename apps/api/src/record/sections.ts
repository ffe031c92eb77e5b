import { MyRecord, type RecordProgress, type RecordProgressItem, type RecordUnits } from '@lar/shared/api';
import { evaluateCompiled, LEVELS, levelRank, RocTooComplexError, todayUtc } from '@lar/shared/rules';
import type { Achievement, CatalogueUnit, QualificationDefinition } from '@lar/shared/schemas';
import { awardedQualifications } from '../claims/awarded';
import { compiledFor } from '../claims/compiled-cache';
import type { Database } from '../db/database';
import type { RecordCache, RecordStamp, SectionName } from './record-cache';

interface HeldUnit {
  urn: string;
  title: string;
  level: string;
  credits: number;
  achievedOn: string;
  basis: string;
  awardingOrganisation: string;
}

/** The learner's counted (not withdrawn) unit achievements, oldest first. */
async function heldUnits(db: Database, learnerId: string): Promise<HeldUnit[]> {
  return db.sql.query<HeldUnit>(
    `SELECT u.urn, u.title, u.level, u.credits, a."achievedOn"::text AS "achievedOn", a.basis::text AS basis,
            o.name AS "awardingOrganisation"
       FROM "Achievement" a JOIN "Unit" u ON u.id = a."unitId" JOIN "Organisation" o ON o.id = a."awardingOrganisationId"
      WHERE a."learnerId" = $1 AND a."withdrawnAt" IS NULL
      ORDER BY a."achievedOn", u.urn`,
    [learnerId],
  );
}

export function unitsSection(held: HeldUnit[]): RecordUnits {
  const byLevel = new Map<string, number>();
  for (const unit of held) byLevel.set(unit.level, (byLevel.get(unit.level) ?? 0) + unit.credits);
  return {
    items: held.map((u) => ({ ...u, basis: u.basis === 'EXEMPTION' ? 'exemption' : 'credit' })),
    creditByLevel: LEVELS.filter((level) => byLevel.has(level)).map((level) => ({
      level,
      credits: byLevel.get(level) ?? 0,
    })),
    totalCredits: held.reduce((sum, u) => sum + u.credits, 0),
  };
}

const asAchievements = (held: HeldUnit[]): Achievement[] =>
  held.map((u) => ({
    urn: u.urn,
    credits: u.credits,
    level: u.level as Achievement['level'],
    achievedOn: u.achievedOn,
    basis: u.basis === 'EXEMPTION' ? 'exemption' : 'credit',
  }));

/** Achieved first, then by credit still needed, then unreachable; ties by title. */
function rank(a: RecordProgressItem, b: RecordProgressItem): number {
  const need = (i: RecordProgressItem) =>
    i.evaluation.achieved ? -1 : (i.evaluation.additionalCreditsNeeded ?? Number.MAX_SAFE_INTEGER);
  return need(a) - need(b) || a.qualification.title.localeCompare(b.qualification.title);
}

/**
 * Progress toward every qualification (not yet awarded) whose rules list or accept one of the learner's
 * units, through the unit→qualification index, each evaluated by the engine with three routes; and
 * progression: qualifications one level above one the learner has achieved, reusing achieved units.
 */
async function progressSection(db: Database, held: HeldUnit[], awarded: Set<string>) {
  const on = todayUtc();
  const achievements = asAchievements(held);
  const urns = [...new Set(held.map((u) => u.urn))];
  const listing = await db.sql.query<{
    id: string;
    versionId: string;
    qan: string;
    title: string;
    level: string;
    awardingOrganisation: string;
    rules: QualificationDefinition;
    urns: string[];
  }>(
    `SELECT q.id::text AS id, v.id::text AS "versionId", q.qan, q.title, q.level, o.name AS "awardingOrganisation", v.rules,
            array_agg(qu.urn) AS urns
       FROM "QualificationUnit" qu
       JOIN "Qualification" q ON q.id = qu."qualificationId"
       JOIN "QualificationVersion" v ON v."qualificationId" = q.id AND v.version = q."currentVersion"
       JOIN "Organisation" o ON o.id = q."awardingOrganisationId"
      WHERE qu.urn = ANY($1::text[])
      GROUP BY q.id, v.id, o.name`,
    [urns],
  );
  const listed = [...new Set(listing.flatMap((q) => q.rules.groups.flatMap((g) => g.units)))];
  const catalogue = new Map(
    (
      await db.sql.query<CatalogueUnit>(
        'SELECT urn, title, level, credits FROM "Unit" WHERE urn = ANY($1::text[])',
        [listed],
      )
    ).map((u) => [u.urn, u]),
  );
  const items: RecordProgressItem[] = [];
  const achievedLevels = new Set<string>();
  for (const q of listing) {
    if (awarded.has(q.id)) {
      achievedLevels.add(q.level);
      continue;
    }
    const units = [...new Set(q.rules.groups.flatMap((g) => g.units))]
      .map((urn) => catalogue.get(urn))
      .filter((u): u is CatalogueUnit => u !== undefined);
    try {
      const evaluation = evaluateCompiled(compiledFor(q.versionId, q.rules, units), {
        achievements,
        on,
        routes: 3,
      });
      if (evaluation.achieved) achievedLevels.add(q.level);
      items.push({
        qualification: {
          id: q.id,
          qan: q.qan,
          title: q.title,
          level: q.level,
          awardingOrganisation: q.awardingOrganisation,
        },
        evaluation,
        rules: q.rules,
        units,
        on,
      });
    } catch (error) {
      if (!(error instanceof RocTooComplexError)) throw error;
    }
  }
  items.sort(rank);
  const nextLevels = new Set(
    [...achievedLevels].map((level) => LEVELS[levelRank(level) + 1]).filter(Boolean),
  );
  const progression = listing
    .filter((q) => nextLevels.has(q.level as (typeof LEVELS)[number]) && !awarded.has(q.id))
    .map((q) => ({
      id: q.id,
      qan: q.qan,
      title: q.title,
      level: q.level,
      reusedUnits: [...new Set(q.urns)].sort(),
    }))
    .sort((a, b) => b.reusedUnits.length - a.reusedUnits.length || a.title.localeCompare(b.title));
  return { items, achievements, progression } satisfies RecordProgress;
}

/** The sections of a learner's record, each computed only when asked for. */
export async function recordSections(
  db: Database,
  learnerId: string,
  wanted: { units?: boolean; qualifications?: boolean; progress?: boolean },
) {
  const held = wanted.units || wanted.progress ? await heldUnits(db, learnerId) : [];
  const qualifications = wanted.qualifications ? await awardedQualifications(db, learnerId) : [];
  const awardedIds = new Set(
    wanted.progress
      ? (
          await db.sql.query<{ id: string }>(
            'SELECT "qualificationId"::text AS id FROM "AwardedQualification" WHERE "learnerId" = $1',
            [learnerId],
          )
        ).map((r) => r.id)
      : [],
  );
  return {
    ...(wanted.units ? { units: unitsSection(held) } : {}),
    ...(wanted.qualifications ? { qualifications } : {}),
    ...(wanted.progress ? { progress: await progressSection(db, held, awardedIds) } : {}),
  };
}

/** Turns one computed section into JSON text (the route's schema serializer, so extra keys are dropped). */
export type SectionSerializer = (name: SectionName, value: unknown) => string;

/** Serializes sections with the reply's compiled serializers for the record's section schemas. */
export const sectionSerializer =
  (reply: { serializeInput(input: unknown, schema: object): string }): SectionSerializer =>
  (name, value) =>
    reply.serializeInput(value, MyRecord.properties[name]);

/**
 * The wanted sections as JSON (UTF-8): from the cache while the learner's record version, the catalogue
 * version and the day are those it was computed for; otherwise computed, serialized and stored.
 * `stamp` must have been read before this is called (see `RecordStamp`).
 */
export async function recordSectionsJson(
  db: Database,
  cache: RecordCache,
  learnerId: string,
  stamp: Omit<RecordStamp, 'day'>,
  wanted: readonly SectionName[],
  serialize: SectionSerializer,
): Promise<Partial<Record<SectionName, Buffer>>> {
  return cache.sections(learnerId, { ...stamp, day: todayUtc() }, wanted, async (missing) => {
    const computed = await recordSections(db, learnerId, {
      units: missing.includes('units'),
      qualifications: missing.includes('qualifications'),
      progress: missing.includes('progress'),
    });
    return Object.fromEntries(
      missing.map((name) => [name, Buffer.from(serialize(name, computed[name]))]),
    ) as Partial<Record<SectionName, Buffer>>;
  });
}
