import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Type } from '@sinclair/typebox';
import fp from 'fastify-plugin';
import app from '../../src/app';
import { createServer } from '../../src/build-app';
import { publicRoute } from '../../src/lib/access';
import { AppError } from '../../src/lib/errors';
import { buildTestApp, testConfig } from '../helpers/app';
import { createTestDatabase } from '../helpers/database';

function webDistWithIndex(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lar-web-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>LAR app</title>');
  writeFileSync(path.join(dir, 'assets', 'app.js'), 'console.log(1)');
  return dir;
}

describe('the API shell', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  beforeAll(async () => {
    t = await buildTestApp({ webDist: webDistWithIndex() });
  });
  afterAll(async () => t.close());

  it('answers an unknown API path with the JSON error contract', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/nothing-here',
      headers: { accept: 'text/html' },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({
      error: { code: 'NOT_FOUND', message: 'No route for GET /api/v1/nothing-here' },
    });
  });

  it("serves the app's index.html for client-side routes, and its static files", async () => {
    const page = await t.app.inject({
      method: 'GET',
      url: '/learners/123',
      headers: { accept: 'text/html' },
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<title>LAR app</title>');
    const asset = await t.app.inject({ method: 'GET', url: '/assets/app.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.body).toBe('console.log(1)');
    const root = await t.app.inject({ method: 'GET', url: '/' });
    expect(root.body).toContain('<title>LAR app</title>');
    // Monitors often ask with HEAD: the same answer, without the body.
    for (const url of ['/', '/my-record']) {
      const head = await t.app.inject({ method: 'HEAD', url });
      expect(head.statusCode).toBe(200);
      expect(head.headers['content-type']).toMatch(/^text\/html/);
      expect(head.body).toBe('');
    }
    const missing = await t.app.inject({ method: 'GET', url: '/assets/missing.js' });
    expect(missing.statusCode).toBe(404);
  });

  it('sets security headers and a same-origin content security policy', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('sends the same security headers with errors, unknown paths and the app', async () => {
    const securityHeaders = (headers: Record<string, unknown>) =>
      Object.fromEntries(
        Object.entries(headers).filter(
          ([name]) =>
            !/^(content-(type|length)|date|connection|x-ratelimit-.*|retry-after|etag|last-modified|cache-control|accept-ranges|vary)$/.test(
              name,
            ),
        ),
      );
    const health = securityHeaders((await t.app.inject({ method: 'GET', url: '/api/health' })).headers);
    expect(Object.keys(health).sort()).toEqual([
      'content-security-policy',
      'cross-origin-opener-policy',
      'cross-origin-resource-policy',
      'origin-agent-cluster',
      'referrer-policy',
      'x-content-type-options',
      'x-dns-prefetch-control',
      'x-download-options',
      'x-frame-options',
      'x-permitted-cross-domain-policies',
      'x-xss-protection',
    ]);
    expect(health['x-frame-options']).toBe('SAMEORIGIN');
    expect(health['strict-transport-security']).toBeUndefined();
    for (const url of ['/api/v1/nothing-here', '/', '/assets/app.js', '/api/v1/me/record']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(securityHeaders(res.headers)).toEqual(health);
    }
  });

  it('adds HSTS and upgrade-insecure-requests when the service is public over https', async () => {
    const https = await buildTestApp({ publicUrl: 'https://lar.example.org' });
    try {
      const res = await https.app.inject({ method: 'GET', url: '/api/health' });
      expect(res.headers['strict-transport-security']).toMatch(/^max-age=\d+; includeSubDomains$/);
      expect(res.headers['content-security-policy']).toContain('upgrade-insecure-requests');
    } finally {
      await https.close();
    }
  });

  it('rate-limits requests (limit headers on API routes)', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.headers['x-ratelimit-limit']).toBe(String(t.app.config.rateLimitPerMinute));
  });

  it('publishes an OpenAPI 3 document that lists the routes', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toContain('/api/health');
    const ui = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.body).toContain('swagger');
  });
});

describe('the error contract', () => {
  it('names each invalid field, maps AppError codes to statuses and never echoes a 5xx message', async () => {
    const database = await createTestDatabase();
    const config = testConfig();
    const fastify = createServer(config);
    await fastify.register(fp(app), { config, database });
    fastify.post(
      '/api/v1/echo',
      {
        config: { access: publicRoute },
        schema: { body: Type.Object({ email: Type.String({ format: 'email' }), age: Type.Integer() }) },
      },
      async () => ({ ok: true }),
    );
    fastify.get('/api/v1/conflict', { config: { access: publicRoute } }, async () => {
      throw new AppError('ALREADY_PROCESSED', 'This file was already processed.', { importId: 'x' });
    });
    fastify.get('/api/v1/boom', { config: { access: publicRoute } }, async () => {
      throw new Error('connection string postgres://secret@db leaked');
    });
    try {
      const invalid = await fastify.inject({
        method: 'POST',
        url: '/api/v1/echo',
        payload: { email: 'nope' },
      });
      expect(invalid.statusCode).toBe(400);
      const body = invalid.json();
      expect(body.error.code).toBe('VALIDATION_FAILED');
      expect(body.error.details).toEqual(
        expect.arrayContaining([
          { field: 'body.email', message: expect.stringContaining('email') },
          { field: 'body.age', message: 'is required' },
        ]),
      );
      const conflict = await fastify.inject({ method: 'GET', url: '/api/v1/conflict' });
      expect(conflict.statusCode).toBe(409);
      expect(conflict.json()).toEqual({
        error: {
          code: 'ALREADY_PROCESSED',
          message: 'This file was already processed.',
          details: { importId: 'x' },
        },
      });
      const boom = await fastify.inject({ method: 'GET', url: '/api/v1/boom' });
      expect(boom.statusCode).toBe(500);
      expect(boom.body).not.toContain('secret');
      expect(boom.json().error.code).toBe('INTERNAL_ERROR');
    } finally {
      await fastify.close();
      await database.close();
    }
  });

  it('refuses to start when an API route has no access rule', async () => {
    const database = await createTestDatabase();
    const config = testConfig();
    const fastify = createServer(config);
    try {
      await fastify.register(fp(app), { config, database });
      await fastify.after();
      expect(() => fastify.get('/api/v1/open-by-omission', async () => ({}))).toThrow(
        'Route GET /api/v1/open-by-omission has no access rule (config.access)',
      );
    } finally {
      await fastify.close();
      await database.close();
    }
  });
});
