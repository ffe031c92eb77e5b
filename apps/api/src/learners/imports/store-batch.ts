import type { ImportCounts, ImportReportRow } from '@lar/shared/api';
import type { SqlConnection } from '../../db/sql-client';
import { timeOrderedIds } from '../../lib/ids';
import { hashFirstPassword } from '../../lib/password';
import { firstPasswords } from '../../lib/secrets';
import { type BulkEmail, deferredEmailsInsert } from '../../mail/outbox';
import type { MailContext } from '../../mail/templates';
import type { LearnerRow } from '../csv/read-learners';
import type { Learner } from '../csv/validate-row';
import { describeMismatch, emptyCounts, mismatchedFields, outcomeMessage } from './outcomes';
import { reportPartInsert } from './report-parts';

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
 * The entries of a `WITH` that write a batch's report part and its welcome emails, with their
 * parameters numbered from `first`: the last writes of either way of storing a batch.
 */
function reportAndWelcome(decided: Decided, context: BatchContext, first: number) {
  const part = reportPartInsert(context.importId, decided.rows, context.seal, first);
  const mail =
    decided.welcome.length > 0
      ? deferredEmailsInsert(
          'batch',
          'learner-welcome',
          decided.welcome,
          context.mail,
          first + part.params.length,
        )
      : undefined;
  return {
    entries: `part AS (${part.text})${mail ? `, mail AS (${mail.text})` : ''}`,
    params: [...part.params, ...(mail?.params ?? [])],
  };
}

/**
 * The quick way to store a batch whose learners are all new to LAR (as in a first upload): in one
 * statement, the learners and their registrations with the centre (with no conflict handling, which
 * costs the database about half as much as the careful way), the batch's report part and its welcome
 * emails. It runs in a savepoint: a ULN already on LAR (or created by another import meanwhile) fails
 * it, and it returns nothing, for the batch to be stored the careful way.
 */
async function storeAllNew(conn: SqlConnection, batch: Batch, context: BatchContext) {
  const learners = batch.newLearners(batch.valid);
  const created = new Map(learners.map((l) => [l.learner.uln, l.id]));
  const decided = decide(
    batch,
    { created, existing: new Map(), registered: new Set(created.values()) },
    context,
  );
  const writes = reportAndWelcome(decided, context, 3);
  // In one round trip with the savepoint, the batch's lock waits are bounded.
  await conn.exec(`${lockTimeout(context)}; SAVEPOINT all_new`);
  try {
    await conn.query(
      `WITH created AS (${INSERT_LEARNERS} RETURNING id),
            registered AS (INSERT INTO "Registration" ("learnerId", "centreId", "updatedAt")
                           SELECT id, $2::uuid, now() FROM created),
            ${writes.entries}
       SELECT 1`,
      [learnersJson(learners), context.centreId, ...writes.params],
    );
    return decided;
  } catch (error) {
    if ((error as { code?: unknown }).code !== UNIQUE_VIOLATION) throw error;
    await conn.query('ROLLBACK TO SAVEPOINT all_new');
    return undefined;
  }
}

/**
 * The careful way: finds the batch's learners already on LAR, creates the others (another import may
 * create some meanwhile), registers those created and those found whose details match, then writes
 * the report part and the welcome emails.
 */
async function storeCarefully(conn: SqlConnection, batch: Batch, context: BatchContext) {
  const { valid } = batch;
  await conn.exec(lockTimeout(context));
  const existing = await findLearners(
    conn,
    valid.map((v) => v.learner.uln),
  );
  const created = await createLearners(
    conn,
    batch.newLearners(valid.filter((v) => !existing.has(v.learner.uln))),
  );
  // A ULN another import created a moment ago is an existing learner after all.
  const raced = valid.filter((v) => !existing.has(v.learner.uln) && !created.has(v.learner.uln));
  for (const [uln, learner] of await findLearners(
    conn,
    raced.map((v) => v.learner.uln),
  ))
    existing.set(uln, learner);
  const toRegister = [...created.values()];
  for (const { learner } of valid) {
    const found = existing.get(learner.uln);
    if (found && mismatchedFields(found, learner).length === 0) toRegister.push(found.id);
  }
  const registered = await register(conn, toRegister, context);
  const decided = decide(batch, { created, existing, registered }, context);
  const writes = reportAndWelcome(decided, context, 1);
  await conn.query(`WITH ${writes.entries} SELECT 1`, writes.params);
  return decided;
}

const UNIQUE_VIOLATION = '23505';

/**
 * Two batches of one import are written at once, each committing after the other; two imports with a
 * ULN in common could then wait on each other through a wait the database cannot see. A batch's lock
 * waits are bounded instead: it fails, and the job's next attempt resumes.
 */
const lockTimeout = (context: BatchContext) =>
  `SET LOCAL lock_timeout = '${Math.round(context.lockTimeoutMs)}ms'`;

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

interface Valid {
  row: LearnerRow;
  learner: Learner;
}

/** A batch's rows as read, with each valid row's first password. */
interface Batch {
  valid: Valid[];
  /** The rows rejected as read (their outcome needs no database). */
  rejected: ImportReportRow[];
  /** First passwords by ULN. */
  passwords: Map<string, string>;
  /** The rows' learners as they would be created: time-ordered ids and hashed passwords. */
  newLearners(rows: Valid[]): NewLearner[];
}

/** What the database said of a batch's valid rows: learners created, found, and newly registered. */
interface Found {
  /** Learner ids by ULN, of the learners this batch created. */
  created: Map<string, string>;
  existing: Map<string, ExistingLearner>;
  /** The ids of the learners the batch registered with the centre (the others already were). */
  registered: Set<string>;
}

/** A batch's outcomes: its report rows in file order, its welcome emails and its counts. */
interface Decided {
  rows: ImportReportRow[];
  welcome: BulkEmail<'learner-welcome'>[];
  counts: ImportCounts;
}

/** Each valid row's outcome, given what the database said, beside the rows rejected as read. */
function decide({ valid, rejected, passwords }: Batch, found: Found, context: BatchContext): Decided {
  const counts = emptyCounts();
  const rows = [...rejected];
  const welcome: Decided['welcome'] = [];
  for (const { row, learner } of valid) {
    const createdId = found.created.get(learner.uln);
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
      rows.push({
        row: row.rowNumber,
        outcome: 'created',
        message: outcomeMessage('created', learner.email || null),
        ...cells(learner),
        activationCode: learner.email ? null : password,
      });
      continue;
    }
    const existing = found.existing.get(learner.uln);
    const mismatch = existing ? mismatchedFields(existing, learner) : ['ULN'];
    if (!existing || mismatch.length > 0) {
      rows.push({
        row: row.rowNumber,
        outcome: 'rejected',
        message: describeMismatch(learner.uln, mismatch),
        ...cells(learner),
        activationCode: null,
      });
      continue;
    }
    const isNew = found.registered.has(existing.id);
    if (isNew) counts.registered++;
    else counts.alreadyRegistered++;
    rows.push({
      row: row.rowNumber,
      outcome: isNew ? 'registered' : 'alreadyRegistered',
      message: outcomeMessage(isNew ? 'registered' : 'alreadyRegistered', null),
      ...cells(learner),
      activationCode: null,
    });
  }
  counts.rejected = rows.filter((r) => r.outcome === 'rejected').length;
  rows.sort((a, b) => a.row - b.row);
  return { rows, welcome, counts };
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
  // The rows rejected as read; the others' outcomes are decided once the database has been asked.
  const rejected: ImportReportRow[] = [];
  const valid: Valid[] = [];
  for (const row of batch) {
    if (row.result.ok) valid.push({ row, learner: row.result.learner });
    else {
      const raw = row.raw;
      rejected.push({
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

  const drawn = firstPasswords(valid.length);
  const passwords = new Map(valid.map((v, i) => [v.learner.uln, drawn[i] ?? '']));
  const newLearners = (rows: Valid[]): NewLearner[] => {
    // Time-ordered ids: each table's primary key grows at its end instead of anywhere in it.
    const ids = timeOrderedIds(rows.length);
    return rows.map((v, i) => ({
      id: ids[i] ?? '',
      learner: v.learner,
      passwordHash: hashFirstPassword(passwords.get(v.learner.uln) ?? ''),
    }));
  };
  const prepared: Batch = { valid, rejected, passwords, newLearners };

  let decided =
    context.expectNew.value && valid.length > 0 ? await storeAllNew(conn, prepared, context) : undefined;
  if (!decided) {
    // Some learners are on LAR already (or none is valid): the rest of this import goes the careful way.
    if (valid.length > 0) context.expectNew.value = false;
    decided = await storeCarefully(conn, prepared, context);
  }
  const { counts } = decided;
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
