import type { ImportCounts, ImportReportRow } from '@lar/shared/api';
import type { SqlConnection } from '../../db/sql-client';
import { timeOrderedIds } from '../../lib/ids';
import { hashFirstPassword } from '../../lib/password';
import { firstPasswords } from '../../lib/secrets';
import { enqueueBatchedEmails } from '../../mail/outbox';
import type { MailContext } from '../../mail/templates';
import type { LearnerRow } from '../csv/read-learners';
import type { Learner } from '../csv/validate-row';
import { activationMessage, describeMismatch, emptyCounts, mismatchedFields } from './outcomes';
import { insertReportPart } from './report-parts';

export interface BatchContext {
  importId: string;
  centreId: string;
  centreName: string;
  /** Rows of the file processed before this batch: the batch is stored only if that is still so. */
  processedBefore: number;
  /**
   * The counts after the batches before this one, once they are committed: this batch commits after
   * them (its rows are written meanwhile, on another connection, when two batches are in flight).
   */
  counts: Promise<ImportCounts>;
  /** How long the batch waits for a row another transaction holds before it fails. */
  lockTimeoutMs: number;
  /**
   * Whether the batch's learners are likely all new to LAR (so far in this import they were), which
   * it then tries first; a batch that finds otherwise sets it to false for the batches after it.
   */
  expectNew: { value: boolean };
  mail: MailContext;
  /** Encrypts the activation codes kept in the report. */
  seal(plain: string): string;
}

interface ExistingLearner {
  id: string;
  uln: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
}

/** How long a batch waits, by default, for a row another transaction holds (see `storeBatch`). */
export const BATCH_LOCK_TIMEOUT_MS = 15_000;

export class ImportTakenOverError extends Error {
  constructor(importId: string) {
    super(`import ${importId} was advanced by another worker; this one stops`);
  }
}

const cells = (learner: Learner) => ({
  uln: learner.uln,
  givenName: learner.givenName,
  familyName: learner.familyName,
  dateOfBirth: learner.dateOfBirth,
  email: learner.email || null,
});

async function findLearners(conn: SqlConnection, ulns: string[]): Promise<Map<string, ExistingLearner>> {
  if (ulns.length === 0) return new Map();
  const rows = await conn.query<ExistingLearner>(
    `SELECT id, uln, "givenName", "familyName", to_char("dateOfBirth", 'YYYY-MM-DD') AS "dateOfBirth"
       FROM "Learner" WHERE uln = ANY($1::text[])`,
    [ulns],
  );
  return new Map(rows.map((r) => [r.uln, r]));
}

interface NewLearner {
  id: string;
  learner: Learner;
  passwordHash: string;
}

/** The learners as one JSON document: cheaper to send than one array parameter per column (measured). */
const learnersJson = (learners: NewLearner[]) =>
  JSON.stringify(
    learners.map(({ id, learner, passwordHash }) => ({
      i: id,
      u: learner.uln,
      g: learner.givenName,
      f: learner.familyName,
      d: learner.dateOfBirth,
      e: learner.email,
      p: passwordHash,
    })),
  );

const INSERT_LEARNERS = `INSERT INTO "Learner" (id, uln, "givenName", "familyName", "dateOfBirth", email, "passwordHash",
                            "mustChangePassword", "updatedAt")
     SELECT i, u, g, f, d, NULLIF(e, ''), p, true, now()
       FROM jsonb_to_recordset($1::jsonb) AS l(i uuid, u text, g text, f text, d date, e text, p text)`;

/**
 * The quick way to store a batch whose learners are all new to LAR (as in a first upload): the learners
 * and their registrations with the centre in one statement, with no conflict handling, which costs
 * the database about half as much as the careful way. It runs in a savepoint: a ULN already on LAR
 * (or created by another import meanwhile) fails it, and the batch is then stored the careful way.
 * Returns whether it stored them.
 */
async function createAllNew(conn: SqlConnection, learners: NewLearner[], centreId: string) {
  await conn.query('SAVEPOINT all_new');
  try {
    await conn.query(
      `WITH created AS (${INSERT_LEARNERS} RETURNING id)
       INSERT INTO "Registration" ("learnerId", "centreId", "updatedAt") SELECT id, $2::uuid, now() FROM created`,
      [learnersJson(learners), centreId],
    );
    await conn.query('RELEASE SAVEPOINT all_new');
    return true;
  } catch (error) {
    if ((error as { code?: unknown }).code !== UNIQUE_VIOLATION) throw error;
    await conn.query('ROLLBACK TO SAVEPOINT all_new');
    return false;
  }
}

const UNIQUE_VIOLATION = '23505';

/** Creates the learners not on LAR yet; returns those created (another import may win a race for a ULN). */
async function createLearners(conn: SqlConnection, learners: NewLearner[]) {
  if (learners.length === 0) return new Map<string, string>();
  const rows = await conn.query<{ id: string; uln: string }>(
    `${INSERT_LEARNERS} ON CONFLICT (uln) DO NOTHING RETURNING id, uln`,
    [learnersJson(learners)],
  );
  return new Map(rows.map((r) => [r.uln, r.id]));
}

/** Registers learners with the centre; returns the ids newly registered (the rest already were). */
async function register(conn: SqlConnection, learnerIds: string[], context: BatchContext) {
  if (learnerIds.length === 0) return new Set<string>();
  const rows = await conn.query<{ learnerId: string }>(
    `INSERT INTO "Registration" ("learnerId", "centreId", "updatedAt")
     SELECT l, $2::uuid, now() FROM unnest($1::uuid[]) AS r(l)
     ON CONFLICT ("learnerId", "centreId") DO NOTHING RETURNING "learnerId"`,
    [learnerIds, context.centreId],
  );
  return new Set(rows.map((r) => r.learnerId));
}

/**
 * Stores one batch of rows (duplicates already applied) in one transaction: new learners with their
 * registration and welcome email (or activation code), registrations of existing learners whose name
 * and date of birth match, each row's outcome, and the import's progress. The progress update is
 * conditional on the rows processed before, so a batch is stored once even if two workers race.
 * Returns the counts after the batch.
 */
export async function storeBatch(
  conn: SqlConnection,
  batch: LearnerRow[],
  context: BatchContext,
): Promise<ImportCounts> {
  // This batch's own counts, added to the earlier batches' once they have committed.
  const counts = emptyCounts();
  const stored = new Map<number, ImportReportRow>();
  const valid: { row: LearnerRow; learner: Learner }[] = [];
  for (const row of batch) {
    if (row.result.ok) valid.push({ row, learner: row.result.learner });
    else {
      const raw = row.raw;
      stored.set(row.rowNumber, {
        row: row.rowNumber,
        outcome: 'rejected',
        message: row.result.errors.map((e) => e.message).join('; '),
        uln: raw.ULN ?? '',
        givenName: raw.GivenName ?? '',
        familyName: raw.FamilyName ?? '',
        dateOfBirth: raw.DateOfBirth ?? '',
        email: raw.Email || null,
        activationCode: null,
      });
    }
  }

  // Two batches of one import are written at once, each committing after the other; two imports
  // with a ULN in common could then wait on each other through a wait the database cannot see.
  // Its lock waits are bounded instead: the batch fails, and the job's next attempt resumes.
  await conn.query(`SET LOCAL lock_timeout = '${Math.round(context.lockTimeoutMs)}ms'`);
  const drawn = firstPasswords(valid.length);
  const passwords = new Map(valid.map((v, i) => [v.learner.uln, drawn[i] ?? '']));
  const fresh = (candidates: typeof valid): NewLearner[] => {
    // Time-ordered ids: each table's primary key grows at its end instead of anywhere in it.
    const ids = timeOrderedIds(candidates.length);
    return candidates.map((v, i) => ({
      id: ids[i] ?? '',
      learner: v.learner,
      passwordHash: hashFirstPassword(passwords.get(v.learner.uln) ?? ''),
    }));
  };

  let created = new Map<string, string>();
  let existing = new Map<string, ExistingLearner>();
  let registered = new Set<string>();
  const allNew = context.expectNew.value && valid.length > 0 ? fresh(valid) : undefined;
  if (allNew && (await createAllNew(conn, allNew, context.centreId))) {
    created = new Map(allNew.map((l) => [l.learner.uln, l.id]));
    registered = new Set(created.values());
  } else {
    // Some learners are on LAR already: the rest of this import is stored the careful way.
    if (allNew) context.expectNew.value = false;
    existing = await findLearners(
      conn,
      valid.map((v) => v.learner.uln),
    );
    created = await createLearners(conn, fresh(valid.filter((v) => !existing.has(v.learner.uln))));
    // A ULN another import created a moment ago is an existing learner after all.
    const raced = valid.filter((v) => !existing.has(v.learner.uln) && !created.has(v.learner.uln));
    const racedUlns = raced.map((v) => v.learner.uln);
    for (const [uln, learner] of await findLearners(conn, racedUlns)) existing.set(uln, learner);

    const toRegister: string[] = [...created.values()];
    for (const { row, learner } of valid) {
      if (created.has(learner.uln)) continue;
      const found = existing.get(learner.uln);
      const mismatch = found ? mismatchedFields(found, learner) : ['ULN'];
      if (found && mismatch.length === 0) toRegister.push(found.id);
      else {
        stored.set(row.rowNumber, {
          row: row.rowNumber,
          outcome: 'rejected',
          message: describeMismatch(learner.uln, mismatch),
          ...cells(learner),
          activationCode: null,
        });
      }
    }
    registered = await register(conn, toRegister, context);
  }

  const welcome: {
    idempotencyKey: string;
    to: string;
    data: import('../../mail/templates').LearnerWelcomeData;
  }[] = [];
  for (const { row, learner } of valid) {
    if (stored.has(row.rowNumber)) continue;
    const createdId = created.get(learner.uln);
    const found = existing.get(learner.uln);
    if (createdId) {
      const password = passwords.get(learner.uln) ?? '';
      if (learner.email) {
        welcome.push({
          idempotencyKey: `learner-welcome:${createdId}`,
          to: learner.email,
          data: { givenName: learner.givenName, uln: learner.uln, password, centreName: context.centreName },
        });
      } else counts.createdWithoutEmail++;
      counts.created++;
      stored.set(row.rowNumber, {
        row: row.rowNumber,
        outcome: 'created',
        message: learner.email ? 'Created; the password was emailed to the learner' : activationMessage(null),
        ...cells(learner),
        activationCode: learner.email ? null : password,
      });
    } else if (found) {
      const isNew = registered.has(found.id);
      if (isNew) counts.registered++;
      else counts.alreadyRegistered++;
      stored.set(row.rowNumber, {
        row: row.rowNumber,
        outcome: isNew ? 'registered' : 'alreadyRegistered',
        message: isNew
          ? 'Already on LAR: registered with your centre (no new password)'
          : 'Already registered with your centre: nothing changed',
        ...cells(learner),
        activationCode: null,
      });
    }
  }
  counts.rejected += [...stored.values()].filter((r) => r.outcome === 'rejected').length;

  await enqueueBatchedEmails(conn, 'learner-welcome', welcome, context.mail);
  await insertReportPart(
    conn,
    context.importId,
    [...stored.values()].sort((a, b) => a.row - b.row),
    context.seal,
  );
  const before = await context.counts;
  const after = { ...before };
  for (const key of Object.keys(after) as (keyof ImportCounts)[]) after[key] += counts[key];
  const advanced = await conn.query(
    `UPDATE "Import" SET "processedRows" = "processedRows" + $3, summary = $4::jsonb, status = 'PROCESSING',
            "updatedAt" = now()
      WHERE id = $1 AND "processedRows" = $2 RETURNING id`,
    [context.importId, context.processedBefore, batch.length, JSON.stringify(after)],
  );
  if (advanced.length !== 1) throw new ImportTakenOverError(context.importId);
  return after;
}
