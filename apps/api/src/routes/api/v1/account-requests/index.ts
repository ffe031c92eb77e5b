import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AccountRequest, AccountRequestInput, ErrorBody } from '@lar/shared/api';
import { createAccountRequest } from './service';

/** The public "request access" form. */
const accountRequests: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/',
    {
      config: {
        access: { kind: 'public', why: 'organisations without an account ask for one' },
        rateLimit: { max: app.config.authRateLimitPerMinute, timeWindow: '1 minute' },
      },
      schema: {
        tags: ['accounts'],
        summary: 'Request an organisation account',
        body: AccountRequestInput,
        response: { 201: AccountRequest, 400: ErrorBody, 429: ErrorBody },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createAccountRequest(app, request.body, request.ip)),
  );
};

export default accountRequests;
