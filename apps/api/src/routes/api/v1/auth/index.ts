import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ErrorBody,
  LearnerSignInInput,
  Me,
  PasswordResetChallenge,
  PasswordResetCompleteInput,
  PasswordResetRequestInput,
  SignInInput,
  TokenInput,
} from '@lar/shared/api';
import { Type } from '@sinclair/typebox';
import { findAccount, meOf } from '../../../../auth/principal';
import { completePasswordReset, requestPasswordReset, resetChallenge } from '../../../../auth/recovery';
import { endSession, rotateSession, startSession } from '../../../../auth/sessions';
import { checkSignIn } from '../../../../auth/sign-in';
import type { AccessRule } from '../../../../lib/access';
import { AppError } from '../../../../lib/errors';

const anyone: AccessRule = {
  kind: 'public',
  why: 'signing in and recovering an account come before a session',
};
const errors = { 400: ErrorBody, 401: ErrorBody, 429: ErrorBody };
const tags = ['sign-in'];
const Message = Type.Object({ message: Type.String() });

const auth: FastifyPluginAsyncTypebox = async (app) => {
  /** Per client address, on top of the per-identifier lock. */
  const perAddress = { max: app.config.authRateLimitPerMinute, timeWindow: '1 minute' };
  const config = { access: anyone, rateLimit: perAddress };
  app.post(
    '/sign-in',
    {
      config,
      schema: {
        tags,
        summary: 'Sign in with User ID and password',
        body: SignInInput,
        response: { 200: Me, ...errors },
      },
    },
    async (request, reply) => {
      const { userId, password } = request.body;
      const account = await checkSignIn(app, { kind: 'user', signInId: userId, password, ip: request.ip });
      await startSession(app, reply, account);
      return meOf(account);
    },
  );
  app.post(
    '/learner-sign-in',
    {
      config,
      schema: {
        tags,
        summary: 'Sign in with ULN and password',
        body: LearnerSignInInput,
        response: { 200: Me, ...errors },
      },
    },
    async (request, reply) => {
      const { uln, password } = request.body;
      const account = await checkSignIn(app, { kind: 'learner', signInId: uln, password, ip: request.ip });
      await startSession(app, reply, account);
      return meOf(account);
    },
  );
  app.post(
    '/refresh',
    {
      config,
      schema: {
        tags,
        summary: 'Exchange the refresh cookie for new tokens',
        response: { 200: Me, ...errors },
      },
    },
    async (request, reply) => {
      const { session, issue } = await rotateSession(app, request, reply);
      const account = await findAccount(
        app.db.prisma,
        session.userId ? 'user' : 'learner',
        session.userId ?? session.learnerId ?? '',
      );
      if (!account || account.disabled) throw new AppError('UNAUTHENTICATED', 'Sign in to continue.');
      await issue(account);
      return meOf(account);
    },
  );
  app.post(
    '/sign-out',
    {
      config,
      schema: { tags, summary: 'Sign out (revokes the session)', response: { 204: Type.Null(), ...errors } },
    },
    async (request, reply) => {
      try {
        request.principal = await request.jwtVerify();
      } catch {
        // Signed out already, or the access token expired: the refresh cookie still names the session.
      }
      await endSession(app, request, reply);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/password-reset',
    {
      config: { access: anyone, rateLimit: perAddress },
      schema: {
        tags,
        summary: 'Email a password reset link',
        body: PasswordResetRequestInput,
        response: { 202: Message, ...errors },
      },
    },
    async (request, reply) => {
      await requestPasswordReset(app, request.body.kind, request.body.signInId);
      return reply.status(202).send({
        message:
          'If that account exists and has an email address, we have sent it a link to reset the password.',
      });
    },
  );
  app.post(
    '/password-reset/challenge',
    {
      config,
      schema: {
        tags,
        summary: 'Positions of memorable information to ask',
        body: TokenInput,
        response: { 200: PasswordResetChallenge, ...errors },
      },
    },
    (request) => resetChallenge(app, request.body.token),
  );
  app.post(
    '/password-reset/complete',
    {
      config,
      schema: {
        tags,
        summary: 'Set a new password with the link and 3 characters',
        body: PasswordResetCompleteInput,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      await completePasswordReset(app, request.body);
      return reply.status(204).send(null);
    },
  );
};

export default auth;
