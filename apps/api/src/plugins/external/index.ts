import cookie from '@fastify/cookie';
import jwt from '@fastify/jwt';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config';
import { AppError } from '../../lib/errors';
import { registerSecurityHeaders } from './security-headers';
import { registerDocs } from './swagger';

/**
 * Third-party plugins, in a fixed order, each with its options. No CORS plugin: the app is served
 * from the same origin as the API, so browsers refuse other origins by default.
 */
export async function registerExternalPlugins(app: FastifyInstance, config: Config): Promise<void> {
  registerSecurityHeaders(app, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: config.publicUrl.startsWith('https:') ? [] : null,
      },
    },
    hsts: config.publicUrl.startsWith('https:'),
  });
  await app.register(rateLimit, {
    global: true,
    max: config.rateLimitPerMinute,
    timeWindow: '1 minute',
    errorResponseBuilder: (_request, context) => {
      const error = new AppError('RATE_LIMITED', `Too many requests: try again in ${context.after}.`);
      return Object.assign(error, { statusCode: 429 });
    },
  });
  await app.register(cookie);
  await app.register(jwt, {
    secret: config.jwtSecret,
    cookie: { cookieName: 'lar_access', signed: false },
    sign: { expiresIn: '15m' },
    // Verified access tokens are kept (fast-jwt's cache: keyed by a hash of the token, each until its
    // expiry), so a signed-in client's next request skips the signature check and the decoding.
    verify: { cache: 10_000 },
  });
  await app.register(multipart, { limits: { fileSize: config.upload.maxBytes, files: 1 } });
  await registerDocs(app);
}
