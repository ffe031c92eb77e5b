import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../../src/build-app';
import { type Config, loadConfig } from '../../src/config';
import { createTestDatabase, type TestDatabase } from './database';

/** Configuration for tests: quiet logs, a data directory of its own, no demo seed. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lar-data-'));
  return {
    ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: dataDir, JWT_SECRET: 'x'.repeat(48) }),
    seedDemo: false,
    runWorkers: false,
    authRateLimitPerMinute: 10_000,
    ...overrides,
  };
}

/** The real app on a database of its own; close both with `close()`. */
export async function buildTestApp(overrides: Partial<Config> = {}) {
  const database: TestDatabase = await createTestDatabase();
  const app = await buildApp({ config: testConfig(overrides), database });
  return {
    app,
    database,
    async close() {
      await app.close();
      await database.close();
    },
  };
}
