import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, Health } from '@lar/shared/api';
import { publicRoute } from '../../lib/access';
import { version } from '../../version';

/** Liveness and database reachability, for load balancers and the app's status line. */
const health: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/health',
    {
      config: { access: publicRoute, rateLimit: false },
      schema: {
        summary: 'Service health',
        tags: ['service'],
        response: { 200: Health, 503: Health, 500: ErrorBody },
      },
    },
    async (_request, reply) => {
      const started = performance.now();
      const reachable = await app.db.sql
        .query('SELECT 1')
        .then(() => true)
        .catch(() => false);
      const latencyMs = Math.round((performance.now() - started) * 10) / 10;
      return reply
        .status(reachable ? 200 : 503)
        .send({ status: reachable ? 'ok' : 'degraded', database: { reachable, latencyMs }, version });
    },
  );
};

export default health;
