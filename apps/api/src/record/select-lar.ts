import type { SelectLarBody, SelectLarResponse } from '@lar/shared/api';
import { isValidUln } from '@lar/shared/identifiers';
import { assertNotLocked, clearFailures, recordFailure, throttleKey } from '../auth/throttle';
import type { Database } from '../db/database';
import type { RecordSection } from '../generated/prisma/client';
import { AppError } from '../lib/errors';
import { verifyPassword } from '../lib/password';
import { enqueueEmail } from '../mail/outbox';
import type { MailContext } from '../mail/templates';
import { SECTION_NAME } from './permissions';
import { recordSections } from './sections';

/** Never a real learner: the permissions query runs the same way for a ULN that matches no one. */
const NOBODY = '00000000-0000-0000-0000-000000000000';

const NO_RECORD = () =>
  new AppError(
    'NOT_FOUND',
    'There is no learner record you may view for this ULN. The learner may not have given your organisation permission, or it may have expired.',
  );

/**
 * Select LAR (journey 7): a centre or third party user, re-entering their password, sees exactly the
 * sections of the learner's record that the learner permitted their organisation and that have not
 * expired or been revoked; other sections are absent. A wrong password counts toward the account's
 * lock, like a failed sign-in. An unknown ULN and a ULN without permission get the same 404 after
 * the same queries. Every view is logged, and emailed to the learner when they chose so.
 */
export async function selectLar(
  db: Database,
  viewer: { userId: string; organisationId: string },
  body: SelectLarBody,
  mail: MailContext,
): Promise<SelectLarResponse> {
  const { prisma } = db;
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: viewer.userId },
    include: { organisation: { select: { name: true } } },
  });
  const key = throttleKey('sign-in:user', user.userId);
  await assertNotLocked(prisma, key);
  if (!(await verifyPassword(body.password, user.passwordHash))) {
    await recordFailure(prisma, key);
    throw new AppError(
      'INVALID_CREDENTIALS',
      'Your password is not right. Enter the password you sign in with.',
    );
  }
  await clearFailures(prisma, key);

  const uln = body.uln.replace(/\s+/g, '');
  const learner = isValidUln(uln) ? await prisma.learner.findUnique({ where: { uln } }) : null;
  const now = new Date();
  const permitted = await prisma.permission.findMany({
    where: {
      learnerId: learner?.id ?? NOBODY,
      organisationId: viewer.organisationId,
      revokedAt: null,
      expiresAt: { gt: now },
    },
    select: { section: true },
  });
  if (!learner || permitted.length === 0) throw NO_RECORD();

  const order: RecordSection[] = ['UNITS', 'QUALIFICATIONS', 'PROGRESS'];
  const granted = order.filter((s) => permitted.some((p) => p.section === s));
  const sections = granted.map((s) => SECTION_NAME[s]);
  const content = await recordSections(db, learner.id, {
    units: sections.includes('units'),
    qualifications: sections.includes('qualifications'),
    progress: sections.includes('progress'),
  });
  await prisma.$transaction(async (tx) => {
    const entry = await tx.accessLogEntry.create({
      data: {
        learnerId: learner.id,
        organisationId: viewer.organisationId,
        viewedBy: user.userId,
        sections: granted,
      },
    });
    if (learner.notifyOnView && learner.email) {
      await enqueueEmail(
        tx,
        {
          idempotencyKey: `record-viewed:${entry.id}`,
          to: learner.email,
          template: 'record-viewed',
          data: {
            givenName: learner.givenName,
            organisationName: user.organisation.name,
            viewedAt: now,
            sections,
          },
        },
        mail,
      );
    }
  });
  return {
    learner: { uln: learner.uln, name: `${learner.givenName} ${learner.familyName}` },
    sections,
    viewedAt: now.toISOString(),
    ...content,
  };
}
