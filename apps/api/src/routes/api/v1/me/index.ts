import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  AwardedQualificationView,
  ChangeEmailInput,
  ChangePasswordInput,
  ErrorBody,
  FirstSignInInput,
  Me,
  MemorableInformationInput,
  TokenInput,
} from '@lar/shared/api';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import {
  assertCurrentPassword,
  completeFirstSignIn,
  setMemorableInformation,
  setPassword,
} from '../../../../auth/account-changes';
import { findAccount, meOf } from '../../../../auth/principal';
import { confirmEmailChange, requestEmailChange } from '../../../../auth/recovery';
import { revokeAllSessions, startSession } from '../../../../auth/sessions';
import { awardedQualifications } from '../../../../claims/awarded';
import { type AccessRule, allRoles, signedIn } from '../../../../lib/access';
import { isEmailAddress } from '../../../../lib/email-address';
import { AppError } from '../../../../lib/errors';
import { fieldError } from '../../../../lib/password-policy';
import apiTokens from './api-tokens';
import record from './record';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 409: ErrorBody };
const tags = ['profile'];
const beforePasswordChange: AccessRule = { kind: 'roles', roles: allRoles, beforePasswordChange: true };
/** Systems holding an API token may ask whom it belongs to. */
const whoAmI: AccessRule = { ...beforePasswordChange, apiToken: true };
const Message = Type.Object({ message: Type.String() });

/** The signed-in person's own account: who they are, password, memorable information, email. */
const me: FastifyPluginAsyncTypebox = async (app) => {
  async function current(request: FastifyRequest) {
    const p = request.principal;
    const account = p && (await findAccount(app.db.prisma, p.kind, p.sub));
    if (!account) throw new AppError('UNAUTHENTICATED', 'Sign in to continue.');
    return account;
  }

  app.get(
    '/',
    {
      config: { access: whoAmI },
      schema: { tags, summary: 'Who is signed in', response: { 200: Me, ...errors } },
    },
    async (request) => meOf(await current(request)),
  );
  app.post(
    '/first-sign-in',
    {
      config: { access: beforePasswordChange },
      schema: {
        tags,
        summary: 'Replace the system-generated password; set memorable information',
        body: FirstSignInInput,
        response: { 200: Me, ...errors },
      },
    },
    async (request) => {
      const account = await current(request);
      await completeFirstSignIn(app, account, request.body.newPassword, request.body.memorableInformation);
      return meOf(await current(request));
    },
  );
  app.post(
    '/password',
    {
      config: { access: signedIn },
      schema: {
        tags,
        summary: 'Change password',
        body: ChangePasswordInput,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      const account = await current(request);
      await assertCurrentPassword(account, request.body.currentPassword);
      await setPassword(app, account, request.body.newPassword, 'account.password_changed');
      // Every other session ends; this one continues in a new session.
      await revokeAllSessions(app, account);
      await startSession(app, reply, { ...account, mustChangePassword: false });
      return reply.status(204).send(null);
    },
  );
  app.put(
    '/memorable-information',
    {
      config: { access: signedIn },
      schema: {
        tags,
        summary: 'Change memorable information',
        body: MemorableInformationInput,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      const account = await current(request);
      await assertCurrentPassword(account, request.body.currentPassword);
      await setMemorableInformation(app, account, request.body.memorableInformation);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/email',
    {
      config: { access: signedIn },
      schema: {
        tags,
        summary: 'Change email (confirmed by a link to the new address)',
        body: ChangeEmailInput,
        response: { 202: Message, ...errors },
      },
    },
    async (request, reply) => {
      const account = await current(request);
      await assertCurrentPassword(account, request.body.currentPassword);
      const newEmail = request.body.newEmail.trim();
      if (!isEmailAddress(newEmail)) {
        throw new AppError(
          'VALIDATION_FAILED',
          'Enter an email address like name@example.org',
          fieldError('newEmail', 'Enter an email address like name@example.org'),
        );
      }
      await requestEmailChange(app, account, newEmail);
      return reply
        .status(202)
        .send({ message: `We have sent a link to ${newEmail}. Follow it to confirm the change.` });
    },
  );
  app.post(
    '/email/confirm',
    {
      config: {
        access: { kind: 'public', why: 'the emailed token proves the request, signed in or not' },
        rateLimit: { max: app.config.authRateLimitPerMinute, timeWindow: '1 minute' },
      },
      schema: {
        tags,
        summary: 'Confirm an email change',
        body: TokenInput,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      await confirmEmailChange(app, request.body.token);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/qualifications',
    {
      config: { access: { kind: 'roles', roles: ['learner'] } },
      schema: {
        tags,
        summary: 'My qualifications (learner): awarded, with the units that achieved each',
        response: { 200: Type.Array(AwardedQualificationView), ...errors },
      },
    },
    (request) => awardedQualifications(app.db, request.principal?.sub ?? ''),
  );
  await app.register(apiTokens, { prefix: '/api-tokens' });
  await app.register(record);
};

export default me;
