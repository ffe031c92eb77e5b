import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyServerOptions } from 'fastify';
import fp from 'fastify-plugin';
import app, { type AppOptions } from './app';
import type { Config } from './config';

/** A Fastify instance with LAR's server options: logging, proxy trust, body limit, validation. */
export function createServer(config: Config, server: FastifyServerOptions = {}) {
  return Fastify({
    logger: { level: config.logLevel, redact: ['req.headers.authorization', 'req.headers.cookie'] },
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    // Opening a new embedded database (initdb, migrations) can take well over Fastify's default 10 s.
    pluginTimeout: 120_000,
    // Every invalid field is reported at once, not only the first.
    ajv: { customOptions: { allErrors: true, coerceTypes: 'array', removeAdditional: false } },
    ...server,
  }).withTypeProvider<TypeBoxTypeProvider>();
}

/** Creates the instance and registers the app on it, ready to listen or to receive injected requests. */
export async function buildApp(opts: AppOptions, server: FastifyServerOptions = {}) {
  const fastify = createServer(opts.config, server);
  await fastify.register(fp(app, { name: 'lar' }), opts);
  await fastify.ready();
  return fastify;
}
