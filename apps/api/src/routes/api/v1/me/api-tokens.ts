import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ApiToken, ApiTokenInput, ErrorBody, NewApiToken } from '@lar/shared/api';
import { Type } from '@sinclair/typebox';
import type { AccessRule } from '../../../../lib/access';
import { audit } from '../../../../lib/audit';
import { AppError } from '../../../../lib/errors';
import { hashToken, randomToken } from '../../../../lib/secrets';
import { API_TOKEN_PREFIX } from '../../../../plugins/app/auth';

const awardingOrganisations: AccessRule = { kind: 'roles', roles: ['awarding_organisation'] };
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const tags = ['api tokens'];
const view = (t: { id: string; name: string; createdAt: Date; lastUsedAt: Date | null }) => ({
  id: t.id,
  name: t.name,
  createdAt: t.createdAt.toISOString(),
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
});

/** API tokens for awarding organisations' systems: shown once, stored hashed, revocable. */
const apiTokens: FastifyPluginAsyncTypebox = async (app) => {
  const config = { access: awardingOrganisations };
  app.get(
    '/',
    {
      config,
      schema: { tags, summary: 'My API tokens', response: { 200: Type.Array(ApiToken), ...errors } },
    },
    async (request) => {
      const rows = await app.db.prisma.apiToken.findMany({
        where: { userId: request.principal?.sub, revokedAt: null },
        orderBy: { createdAt: 'desc' },
      });
      return rows.map(view);
    },
  );
  app.post(
    '/',
    {
      config,
      schema: {
        tags,
        summary: 'Create an API token (shown once)',
        body: ApiTokenInput,
        response: { 201: NewApiToken, ...errors },
      },
    },
    async (request, reply) => {
      const userId = request.principal?.sub ?? '';
      const token = `${API_TOKEN_PREFIX}${randomToken()}`;
      const row = await app.db.prisma.$transaction(async (tx) => {
        const created = await tx.apiToken.create({
          data: { userId, name: request.body.name.trim(), tokenHash: hashToken(token) },
        });
        await audit(tx, {
          action: 'api_token.created',
          actor: `user:${userId}`,
          subjectType: 'ApiToken',
          subjectId: created.id,
        });
        return created;
      });
      return reply.status(201).send({ ...view(row), token });
    },
  );
  app.delete(
    '/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Revoke an API token',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      const userId = request.principal?.sub ?? '';
      const revoked = await app.db.prisma.apiToken.updateMany({
        where: { id: request.params.id, userId, revokedAt: null },
        data: { revokedAt: new Date() },
      });
      if (revoked.count === 0) throw new AppError('NOT_FOUND', 'No such API token.');
      await audit(app.db.prisma, {
        action: 'api_token.revoked',
        actor: `user:${userId}`,
        subjectType: 'ApiToken',
        subjectId: request.params.id,
      });
      return reply.status(204).send(null);
    },
  );
};

export default apiTokens;
