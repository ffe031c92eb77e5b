import { randomUUID } from 'node:crypto';
import type { SelectLarBody } from '@lar/shared/api';
import { isValidUln } from '@lar/shared/identifiers';
import { clearFailures, recordFailure, throttleKey, throwIfLocked } from '../auth/throttle';
import type { Database } from '../db/database';
import type { RecordSection } from '../generated/prisma/client';
import { AppError } from '../lib/errors';
import { GroupCommit } from '../lib/group-commit';
import { jsonObject } from '../lib/json-text';
import type { NotifiedCache } from '../lib/notified-cache';
import { RecentlyVerified } from '../lib/password';
import { deferredEmailsInsert } from '../mail/outbox';
import type { MailContext } from '../mail/templates';
import { SECTION_NAME } from './permissions';
import { CATALOGUE_VERSION_SQL, type RecordCache } from './record-cache';
import { recordSectionsJson, type SectionSerializer } from './sections';

/** Never a real learner: the permissions subquery runs the same way for a ULN that matches no one. */
const NOBODY = '00000000-0000-0000-0000-000000000000';

const NO_RECORD = () =>
  new AppError(
    'NOT_FOUND',
    'There is no learner record you may view for this ULN. The learner may not have given your organisation permission, or it may have expired.',
  );

const ORDER: RecordSection[] = ['UNITS', 'QUALIFICATIONS', 'PROGRESS'];

/**
 * What Select LAR's one query reads (the viewer, their lock, the learner, the permitted sections). A
 * lookup is kept for the viewer's next view of the same learner: only one that shows the record (a
 * learner with a permitted section, a viewer with no failures or lock), and only until a notified
 * change (a permission, the viewer's password or lock, the learner's details or record, the catalogue)
 * or the first of its permissions' ends. Views that end in a 404 are never served from it, so an
 * unknown ULN and one without permission still take the same query.
 */
export interface SelectLarLookup {
  userId: string;
  passwordHash: string;
  organisationName: string;
  /** The viewer's sign-in throttle key as PostgreSQL computes it. */
  lockKey: string;
  /** Whether the viewer has a throttle row (failures or a lock) under that key. */
  hasThrottle: boolean;
  lockedUntil: Date | null;
  learnerId: string | null;
  uln: string | null;
  givenName: string | null;
  familyName: string | null;
  email: string | null;
  notifyOnView: boolean | null;
  recordVersion: number | null;
  catalogueVersion: number;
  permitted: RecordSection[];
  /** When the first of the permissions read ends (milliseconds since the epoch); null without any. */
  permittedUntil: number | null;
}

interface View {
  id: string;
  learnerId: string;
  organisationId: string;
  viewedBy: string;
  sections: RecordSection[];
  at: Date;
  /** The learner's email when they asked to be told of views. */
  notify?: { to: string; givenName: string; organisationName: string };
}

/**
 * Select LAR (journey 7): a centre or third party user, re-entering their password, sees exactly the
 * sections of the learner's record that the learner permitted their organisation and that have not
 * expired or been revoked; other sections are absent. A wrong password counts toward the account's
 * lock, like a failed sign-in. An unknown ULN, a malformed one and a ULN without permission get the
 * same 404 after the same single query. Every view is logged, and emailed to the learner when they
 * chose so, before the record is returned. A lookup that showed a record is kept (`SelectLarLookup`),
 * so a viewer looking at the same learner again costs no lookup query.
 */
export class SelectLar {
  private readonly verified = new RecentlyVerified();
  /** Views committed together under load (see `GroupCommit`); each response waits for its own. */
  private readonly views: GroupCommit<View>;

  constructor(
    private readonly db: Database,
    private readonly cache: RecordCache,
    private readonly lookups: NotifiedCache<SelectLarLookup>,
    mail: MailContext,
  ) {
    this.views = new GroupCommit((views) => logViews(db, views, mail));
  }

  /** One query whatever the ULN: the viewer, their sign-in lock, the learner and the permitted sections. */
  private async lookup(viewer: { userId: string; organisationId: string }, uln: string) {
    const [found] = await this.db.sql.prepared<SelectLarLookup>(
      'select-lar-lookup',
      `SELECT u."userId", u."passwordHash", o.name AS "organisationName", k.key AS "lockKey",
              t.key IS NOT NULL AS "hasThrottle", t."lockedUntil", l.id::text AS "learnerId", l.uln, l."givenName", l."familyName", l.email,
              l."notifyOnView", l."recordVersion", ${CATALOGUE_VERSION_SQL} AS "catalogueVersion",
              p.permitted, p."permittedUntil"
         FROM "User" u
         JOIN "Organisation" o ON o.id = u."organisationId"
         CROSS JOIN LATERAL (SELECT encode(sha256(convert_to('sign-in:user:' || lower(btrim(u."userId")), 'UTF8')), 'hex') AS key) k
         LEFT JOIN "SignInThrottle" t ON t.key = k.key
         LEFT JOIN "Learner" l ON l.uln = $3
         CROSS JOIN LATERAL (
           SELECT COALESCE(array_agg(p.section::text), '{}') AS permitted,
                  (extract(epoch FROM min(p."expiresAt")) * 1000)::float8 AS "permittedUntil"
             FROM "Permission" p
            WHERE p."learnerId" = COALESCE(l.id, $4::uuid) AND p."organisationId" = $2
              AND p."revokedAt" IS NULL AND p."expiresAt" > now()) p
        WHERE u.id = $1 AND u."organisationId" = $2`,
      [viewer.userId, viewer.organisationId, isValidUln(uln) ? uln : '', NOBODY],
    );
    return found;
  }

  /** The response as JSON bytes (sections come serialized from the record cache). */
  async view(
    viewer: { userId: string; organisationId: string },
    body: SelectLarBody,
    serialize: SectionSerializer,
  ): Promise<Buffer> {
    const { db } = this;
    const uln = body.uln.replace(/\s+/g, '');
    const kept = `${viewer.userId}|${viewer.organisationId}|${uln}`;
    let found = this.lookups.get(kept);
    if (found && (found.permittedUntil ?? 0) <= Date.now()) {
      this.lookups.drop(kept);
      found = undefined;
    }
    const generation = this.lookups.generation;
    const fresh = !found;
    found ??= await this.lookup(viewer, uln);
    if (!found) throw new AppError('UNAUTHENTICATED', 'Sign in to continue.');

    // A kept lookup's key was checked against JavaScript's when it was kept (a changed User ID empties it).
    const key = fresh ? throttleKey('sign-in:user', found.userId) : found.lockKey;
    // The lock is the sign-in lock. PostgreSQL computed its key above, which is JavaScript's for any
    // User ID that both lower-case alike (all of them in practice); otherwise it is read again.
    const throttle =
      found.lockKey === key
        ? found.hasThrottle
          ? { lockedUntil: found.lockedUntil }
          : null
        : await db.prisma.signInThrottle.findUnique({ where: { key } });
    throwIfLocked(throttle?.lockedUntil);
    if (!(await this.verified.verify(viewer.userId, body.password, found.passwordHash))) {
      await recordFailure(db.prisma, key);
      // At once in this process; other processes hear of the failure from the database.
      this.lookups.invalidate();
      throw new AppError(
        'INVALID_CREDENTIALS',
        'Your password is not right. Enter the password you sign in with.',
      );
    }
    if (throttle) await clearFailures(db.prisma, key);

    const { learnerId } = found;
    if (!learnerId || found.recordVersion === null || found.permitted.length === 0) throw NO_RECORD();
    if (fresh && !throttle && found.lockKey === key) this.lookups.store(kept, found, generation);
    const granted = ORDER.filter((s) => found.permitted.includes(s));
    const sections = granted.map((s) => SECTION_NAME[s]);
    const content = await recordSectionsJson(
      db,
      this.cache,
      learnerId,
      { recordVersion: found.recordVersion, catalogueVersion: found.catalogueVersion },
      sections,
      serialize,
    );
    const at = new Date();
    const id = randomUUID();
    try {
      await this.views.add({
        id,
        learnerId,
        organisationId: viewer.organisationId,
        viewedBy: found.userId,
        sections: granted,
        at,
        ...(found.notifyOnView && found.email
          ? {
              notify: {
                to: found.email,
                givenName: found.givenName ?? '',
                organisationName: found.organisationName,
              },
            }
          : {}),
      });
    } catch {
      throw new AppError(
        'SERVICE_UNAVAILABLE',
        'The record could not be shown because the view could not be logged. Try again in a moment.',
      );
    }
    return jsonObject({
      learner: JSON.stringify({ uln: found.uln, name: `${found.givenName} ${found.familyName}` }),
      sections: JSON.stringify(sections),
      viewedAt: JSON.stringify(at.toISOString()),
      ...content,
    });
  }
}

/** Writes a batch of views and their emails in one statement (so atomically, in one round trip). */
async function logViews(db: Database, views: View[], mail: MailContext) {
  const emails = deferredEmailsInsert(
    'messages',
    'record-viewed',
    views.flatMap((v) =>
      v.notify
        ? [
            {
              idempotencyKey: `record-viewed:${v.id}`,
              to: v.notify.to,
              data: {
                givenName: v.notify.givenName,
                organisationName: v.notify.organisationName,
                viewedAt: v.at,
                sections: v.sections.map((s) => SECTION_NAME[s]),
              },
            },
          ]
        : [],
    ),
    mail,
    2,
  );
  await db.sql.query(
    `WITH logged AS (
       INSERT INTO "AccessLogEntry" (id, "learnerId", "organisationId", "viewedBy", sections, "createdAt", "updatedAt")
       SELECT id, learner, org, who, s::"RecordSection"[], at, now()
         FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, learner uuid, org uuid, who text, s text[], at timestamptz)
     )
     ${emails.text}`,
    [
      JSON.stringify(
        views.map((v) => ({
          id: v.id,
          learner: v.learnerId,
          org: v.organisationId,
          who: v.viewedBy,
          s: v.sections,
          at: v.at.toISOString(),
        })),
      ),
      ...emails.params,
    ],
  );
}
