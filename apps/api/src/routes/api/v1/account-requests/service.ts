import type { AccountRequest, AccountRequestInput, FieldError } from '@lar/shared/api';
import { validateUkprn } from '@lar/shared/identifiers';
import type { FastifyInstance } from 'fastify';
import type { AccountRequest as Row } from '../../../../generated/prisma/client';
import { audit } from '../../../../lib/audit';
import { isEmailAddress } from '../../../../lib/email-address';
import { AppError } from '../../../../lib/errors';
import { hashPassword } from '../../../../lib/password';
import { systemPassword } from '../../../../lib/secrets';
import { enqueueEmail } from '../../../../mail/outbox';

export const view = (r: Row): AccountRequest => ({
  id: r.id,
  fullName: r.fullName,
  email: r.email,
  organisationType: r.organisationType as AccountRequest['organisationType'],
  centreCode: r.centreCode,
  codeType: r.codeType,
  organisationName: r.organisationName,
  address: r.address,
  phone: r.phone,
  status: r.status,
  declineReason: r.declineReason,
  createdAt: r.createdAt.toISOString(),
  decidedAt: r.decidedAt?.toISOString() ?? null,
});

/** Field-by-field checks beyond the schema: every problem at once, each naming its field. */
function problems(input: AccountRequestInput): FieldError[] {
  const found: FieldError[] = [];
  if (!input.fullName.trim()) found.push({ field: 'fullName', message: 'Enter your full name' });
  if (!isEmailAddress(input.email)) {
    found.push({ field: 'email', message: 'Enter an email address like name@example.org' });
  }
  const code = input.centreCode.replace(/\s/g, '');
  if (/^\d{8}$/.test(code)) {
    const ukprn = validateUkprn(code);
    if (!ukprn.ok) found.push({ field: 'centreCode', message: ukprn.message });
  } else if (!/^\d{5}$/.test(code)) {
    found.push({ field: 'centreCode', message: 'Enter a UKPRN (8 digits) or an NCN (5 digits)' });
  }
  if (!input.organisationName.trim())
    found.push({ field: 'organisationName', message: 'Enter the organisation name' });
  if (!input.address.trim()) found.push({ field: 'address', message: "Enter the organisation's address" });
  if (!/^\+?[0-9 ()-]{7,20}$/.test(input.phone.trim())) {
    found.push({ field: 'phone', message: 'Enter a phone number, like 01632 960 001' });
  }
  return found;
}

export async function createAccountRequest(app: FastifyInstance, input: AccountRequestInput, ip: string) {
  const found = problems(input);
  if (found.length > 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Check these fields: ${found.map((f) => f.field).join(', ')}`,
      found,
    );
  }
  const code = input.centreCode.replace(/\s/g, '');
  const row = await app.db.prisma.accountRequest.create({
    data: {
      fullName: input.fullName.trim(),
      email: input.email.trim(),
      organisationType: input.organisationType,
      centreCode: code,
      codeType: code.length === 8 ? 'UKPRN' : 'NCN',
      organisationName: input.organisationName.trim(),
      address: input.address.trim(),
      phone: input.phone.trim(),
    },
  });
  await audit(app.db.prisma, {
    action: 'account_request.created',
    actor: 'anonymous',
    subjectType: 'AccountRequest',
    subjectId: row.id,
    ip,
  });
  return view(row);
}

/** A User ID people can read out: three letters of the organisation and five digits. */
async function newUserId(
  tx: Parameters<Parameters<FastifyInstance['db']['prisma']['$transaction']>[0]>[0],
  name: string,
) {
  const letters = `${name.replace(/[^A-Za-z]/g, '').toUpperCase()}LAR`.slice(0, 3);
  for (;;) {
    const candidate = `${letters}${String(Math.floor(Math.random() * 100_000)).padStart(5, '0')}`;
    if (!(await tx.user.findUnique({ where: { userId: candidate } }))) return candidate;
  }
}

/**
 * Approves a request: creates the organisation (or adds a user to the one with that code and
 * type), the user with a system-generated password, and the email with both, in one transaction.
 */
export async function approveAccountRequest(app: FastifyInstance, id: string, adminId: string) {
  const password = systemPassword();
  const passwordHash = await hashPassword(password);
  const row = await app.db.prisma.$transaction(async (tx) => {
    const request = await tx.accountRequest.findUnique({ where: { id } });
    if (!request) throw new AppError('NOT_FOUND', 'No such account request.');
    if (request.status !== 'PENDING')
      throw new AppError('CONFLICT', `This request was already ${request.status.toLowerCase()}.`);
    let organisation = await tx.organisation.findUnique({ where: { code: request.centreCode } });
    if (organisation && organisation.type !== request.organisationType) {
      throw new AppError(
        'CONFLICT',
        `Centre code ${request.centreCode} already belongs to an organisation of another type.`,
      );
    }
    organisation ??= await tx.organisation.create({
      data: {
        type: request.organisationType,
        name: request.organisationName,
        code: request.centreCode,
        codeType: request.codeType,
        address: request.address,
        phone: request.phone,
      },
    });
    const userId = await newUserId(tx, organisation.name);
    const user = await tx.user.create({
      data: {
        organisationId: organisation.id,
        userId,
        fullName: request.fullName,
        email: request.email,
        passwordHash,
        mustChangePassword: true,
      },
    });
    const decided = await tx.accountRequest.update({
      where: { id },
      data: {
        status: 'APPROVED',
        decidedAt: new Date(),
        decidedById: adminId,
        organisationId: organisation.id,
      },
    });
    const data = { recipientName: request.fullName, organisationName: organisation.name, userId, password };
    await enqueueEmail(
      tx,
      { idempotencyKey: `account-approved:${id}`, to: request.email, template: 'account-approved', data },
      { publicUrl: app.config.publicUrl },
    );
    await audit(tx, {
      action: 'account_request.approved',
      actor: `user:${adminId}`,
      subjectType: 'AccountRequest',
      subjectId: id,
      details: { userId: user.id, organisationId: organisation.id },
    });
    return decided;
  });
  app.workers.wakeMail();
  return view(row);
}

export async function declineAccountRequest(
  app: FastifyInstance,
  id: string,
  adminId: string,
  reason: string,
) {
  const row = await app.db.prisma.$transaction(async (tx) => {
    const request = await tx.accountRequest.findUnique({ where: { id } });
    if (!request) throw new AppError('NOT_FOUND', 'No such account request.');
    if (request.status !== 'PENDING')
      throw new AppError('CONFLICT', `This request was already ${request.status.toLowerCase()}.`);
    const decided = await tx.accountRequest.update({
      where: { id },
      data: { status: 'DECLINED', decidedAt: new Date(), decidedById: adminId, declineReason: reason.trim() },
    });
    await audit(tx, {
      action: 'account_request.declined',
      actor: `user:${adminId}`,
      subjectType: 'AccountRequest',
      subjectId: id,
      details: { reason },
    });
    return decided;
  });
  return view(row);
}
