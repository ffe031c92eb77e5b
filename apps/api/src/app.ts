import type { FastifyInstance } from 'fastify';
import type { Config } from './config';
import type { Database } from './db/database';
import { requireAccessRules } from './lib/access';
import authPlugin from './plugins/app/auth';
import databasePlugin from './plugins/app/database';
import errorHandler from './plugins/app/error-handler';
import webPlugin from './plugins/app/web';
import workersPlugin from './plugins/app/workers';
import { registerExternalPlugins } from './plugins/external';
import health from './routes/api/health';
import v1 from './routes/api/v1';

export interface AppOptions {
  config: Config;
  /** An open database; when absent the app opens (and closes) its own. */
  database?: Database;
}

/**
 * The whole application as one Fastify plugin: third-party plugins, then LAR's decorators, then
 * routes. `server.ts` only creates the instance and listens; tests build the app from here.
 */
export default async function app(fastify: FastifyInstance, opts: AppOptions): Promise<void> {
  requireAccessRules(fastify);
  await registerExternalPlugins(fastify, opts.config);
  await fastify.register(databasePlugin, { config: opts.config, database: opts.database });
  await fastify.register(errorHandler);
  await fastify.register(authPlugin);
  await fastify.register(workersPlugin);
  await fastify.register(webPlugin);
  await fastify.register(health);
  await fastify.register(v1, { prefix: '/api/v1' });
}
