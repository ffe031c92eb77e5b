import { buildTestApp } from '../helpers/app';

describe('GET /api/health', () => {
  it('reports ok when the database answers', async () => {
    const t = await buildTestApp();
    try {
      const res = await t.app.inject({ method: 'GET', url: '/api/health' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        status: 'ok',
        database: { reachable: true },
        version: expect.any(String),
      });
    } finally {
      await t.close();
    }
  });

  it('reports degraded with 503 when the database cannot be reached', async () => {
    const t = await buildTestApp();
    try {
      await t.database.sql.close();
      const res = await t.app.inject({ method: 'GET', url: '/api/health' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ status: 'degraded', database: { reachable: false } });
    } finally {
      await t.app.close();
      await t.database.close().catch(() => undefined);
    }
  });
});
