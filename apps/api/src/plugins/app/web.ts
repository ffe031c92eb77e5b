import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';

/**
 * Serves the built app (apps/web/dist) when it exists. Unknown API paths and missing files get the
 * JSON 404; any other GET that accepts HTML gets index.html, so client-side routes work on reload.
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
      const path = request.url.split('?')[0] ?? '';
      const isApi = path === '/api' || path.startsWith('/api/');
      const accept = request.headers.accept ?? '*/*';
      const wantsPage =
        (request.method === 'GET' || request.method === 'HEAD') &&
        (accept.includes('text/html') || accept.includes('*/*'));
      // A missing file (`/assets/x.js`) is a 404, not the app: only extension-less paths are routes.
      const isFile = /\.[A-Za-z0-9]+$/.test(path);
      if (hasApp && !isApi && wantsPage && !isFile) {
        return reply.header('cache-control', 'no-cache').sendFile('index.html');
      }
      return reply.status(404).send({
        error: { code: 'NOT_FOUND', message: `No route for ${request.method} ${request.url.split('?')[0]}` },
      });
    });
  },
  { name: 'lar-web', dependencies: ['lar-database'] },
);
