import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';

/**
 * Serves the built app (apps/web/dist) when it exists. Unknown API paths get the JSON 404;
 * any other GET that accepts HTML gets index.html, so the app's client-side routes work on reload.
 */
export default fp(
  async (app) => {
    const root = app.config.webDist;
    const hasApp = existsSync(path.join(root, 'index.html'));
    if (hasApp) {
      await app.register(fastifyStatic, {
        root,
        wildcard: false,
        index: false,
        maxAge: '1h',
        immutable: false,
      });
    }
    app.setNotFoundHandler((request, reply) => {
      const isApi = request.url === '/api' || request.url.startsWith('/api/');
      const wantsHtml = request.method === 'GET' && (request.headers.accept ?? '').includes('text/html');
      if (hasApp && !isApi && wantsHtml) {
        return reply.header('cache-control', 'no-cache').sendFile('index.html');
      }
      return reply.status(404).send({
        error: { code: 'NOT_FOUND', message: `No route for ${request.method} ${request.url.split('?')[0]}` },
      });
    });
  },
  { name: 'lar-web', dependencies: ['lar-database'] },
);
