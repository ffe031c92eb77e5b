import { ConfigError, loadConfig } from '../src/config';

describe('loadConfig', () => {
  const base = { DATA_DIR: '/tmp/lar-config-test', JWT_SECRET: 'y'.repeat(40) };

  it('defaults to the embedded database on port 3000 with the demo seeded', () => {
    const config = loadConfig(base);
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ kind: 'pglite', dir: '/tmp/lar-config-test/pglite' });
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.seedDemo).toBe(true);
  });

  it('uses PostgreSQL with a pool when DATABASE_URL is set, and does not seed the demo', () => {
    const config = loadConfig({
      ...base,
      DATABASE_URL: 'postgresql://u@db:5432/lar',
      DATABASE_POOL_SIZE: '20',
    });
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgresql://u@db:5432/lar', poolSize: 20 });
    expect(config.seedDemo).toBe(false);
  });

  it('names each invalid setting', () => {
    expect(() => loadConfig({ ...base, PORT: 'eighty', SMTP_URL: 'mail.example' })).toThrow(ConfigError);
    try {
      loadConfig({ ...base, PORT: 'eighty', SMTP_URL: 'mail.example' });
    } catch (error) {
      expect((error as Error).message).toMatch(/PORT: /);
      expect((error as Error).message).toMatch(/SMTP_URL: /);
    }
  });

  it('requires JWT_SECRET in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATA_DIR: base.DATA_DIR })).toThrow(
      /JWT_SECRET: required/,
    );
  });

  it('keeps a generated secret under the data directory outside production', () => {
    const dir = `/tmp/lar-config-secret-${process.pid}`;
    const first = loadConfig({ DATA_DIR: dir }).jwtSecret;
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(loadConfig({ DATA_DIR: dir }).jwtSecret).toBe(first);
  });
});
