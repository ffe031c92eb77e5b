import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ErrorBody,
  JobsPage,
  JobsQuery,
  OutboxMessageDetail,
  OutboxPage,
  OutboxQuery,
} from '@lar/shared/api';
import { Type } from '@sinclair/typebox';
import { administratorsOnly } from '../../../../lib/access';
import accounts from './accounts';
import { listJobs, listOutbox, outboxMessage, resendOutboxMessage } from './service';

const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['administration'];

/** The service desk's view of the mail outbox and background jobs. */
const admin: FastifyPluginAsyncTypebox = async (app) => {
  const config = { access: administratorsOnly };
  app.get(
    '/outbox',
    {
      config,
      schema: {
        tags,
        summary: 'Mail outbox',
        querystring: OutboxQuery,
        response: { 200: OutboxPage, ...errors },
      },
    },
    (request) => listOutbox(app.db.prisma, request.query),
  );
  app.get(
    '/outbox/:id',
    {
      config,
      schema: { tags, summary: 'One message', params: Id, response: { 200: OutboxMessageDetail, ...errors } },
    },
    (request) => outboxMessage(app.db.prisma, request.params.id, { publicUrl: app.config.publicUrl }),
  );
  app.post(
    '/outbox/:id/resend',
    {
      config,
      schema: {
        tags,
        summary: 'Send a message again',
        params: Id,
        response: { 200: OutboxMessageDetail, ...errors },
      },
    },
    async (request) => {
      const actor = `user:${request.principal?.sub}`;
      const message = await resendOutboxMessage(
        app.db.prisma,
        { id: request.params.id, actor },
        { publicUrl: app.config.publicUrl },
      );
      app.workers.wakeMail();
      return message;
    },
  );
  app.get(
    '/jobs',
    {
      config,
      schema: {
        tags,
        summary: 'Background jobs',
        querystring: JobsQuery,
        response: { 200: JobsPage, ...errors },
      },
    },
    (request) => listJobs(app.db.prisma, request.query),
  );
  await app.register(accounts);
};

export default admin;
