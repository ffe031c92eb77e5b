import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type Static, Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

/**
 * The repository root, so relative paths work from any working directory: the nearest folder above
 * this module holding `pnpm-workspace.yaml` (the same from the sources and from the bundled build).
 */
export const repoRoot = findUp(__dirname);

function findUp(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'pnpm-workspace.yaml'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(from, '../../..');
  }
}

const EnvSchema = Type.Object({
  NODE_ENV: Type.Union([Type.Literal('development'), Type.Literal('production'), Type.Literal('test')], {
    default: 'development',
  }),
  HOST: Type.String({ default: '127.0.0.1' }),
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000 }),
  PUBLIC_URL: Type.Optional(Type.String({ pattern: '^https?://' })),
  DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  DATABASE_POOL_SIZE: Type.Integer({ minimum: 1, maximum: 200, default: 10 }),
  DATA_DIR: Type.String({ default: '.data' }),
  SMTP_URL: Type.Optional(Type.String({ pattern: '^smtps?://' })),
  MAIL_FROM: Type.String({ default: 'LAR <no-reply@lar.localhost>' }),
  JWT_SECRET: Type.Optional(Type.String({ minLength: 32 })),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
    { default: 'info' },
  ),
  RATE_LIMIT_PER_MINUTE: Type.Integer({ minimum: 1, default: 300 }),
  AUTH_RATE_LIMIT_PER_MINUTE: Type.Integer({ minimum: 1, default: 20 }),
  TRUST_PROXY: Type.Boolean({ default: false }),
  WEB_DIST: Type.String({ default: 'apps/web/dist' }),
  SEED_DEMO: Type.Optional(Type.Boolean()),
  RUN_WORKERS: Type.Boolean({ default: true }),
  UPLOAD_MAX_BYTES: Type.Integer({ minimum: 1, default: 20 * 1024 * 1024 }),
  UPLOAD_MAX_ROWS: Type.Integer({ minimum: 1, default: 100_000 }),
  RECORD_CACHE_MB: Type.Number({ minimum: 0, default: 32 }),
});

type Env = Static<typeof EnvSchema>;

export interface Config {
  env: Env['NODE_ENV'];
  host: string;
  port: number;
  publicUrl: string;
  /** PUBLIC_URL was not set: the server fills `publicUrl` in from the address it listens on. */
  publicUrlFromListen: boolean;
  /** `postgres` with DATABASE_URL, otherwise the embedded PGlite under `dataDir/pglite`. */
  database: { kind: 'postgres'; url: string; poolSize: number } | { kind: 'pglite'; dir: string };
  dataDir: string;
  mail: { smtpUrl?: string; from: string; dropDir: string };
  jwtSecret: string;
  logLevel: Env['LOG_LEVEL'];
  rateLimitPerMinute: number;
  /** Sign-in, recovery and account-request attempts per client address per minute. */
  authRateLimitPerMinute: number;
  trustProxy: boolean;
  webDist: string;
  /** Seed the demo organisations, users, learners and qualification once (embedded default). */
  seedDemo: boolean;
  /** Run the mail and job workers in this process (`pnpm lar worker` runs them alone). */
  runWorkers: boolean;
  /** Limits of one uploaded file (learners CSV): bytes and data rows; over either is refused with 413. */
  upload: { maxBytes: number; maxRows: number };
  /** Memory for computed learner records (see record/record-cache); 0 computes every request afresh. */
  recordCacheBytes: number;
}

export class ConfigError extends Error {}

/**
 * Reads and validates the configuration. The only place that reads `process.env`; every setting is
 * listed with its default in `.env.example`.
 */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const raw = Object.fromEntries(
    Object.keys(EnvSchema.properties)
      .filter((key) => source[key] !== undefined && source[key] !== '')
      .map((key) => [key, source[key]]),
  );
  const env = Value.Convert(EnvSchema, Value.Default(EnvSchema, raw));
  const errors = [...Value.Errors(EnvSchema, env)];
  if (errors.length > 0) {
    const lines = errors.map((e) => `${e.path.slice(1)}: ${e.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const e = env as Env;
  const dataDir = path.resolve(repoRoot, e.DATA_DIR);
  const embedded = !e.DATABASE_URL;
  if (e.NODE_ENV === 'production' && !e.JWT_SECRET) {
    throw new ConfigError('Invalid configuration:\n  JWT_SECRET: required in production (32+ characters)');
  }
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    publicUrlFromListen: !e.PUBLIC_URL,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE }
      : { kind: 'pglite', dir: path.join(dataDir, 'pglite') },
    dataDir,
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM, dropDir: path.join(dataDir, 'mail') },
    jwtSecret: e.JWT_SECRET ?? localSecret(dataDir),
    logLevel: e.LOG_LEVEL,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    authRateLimitPerMinute: e.AUTH_RATE_LIMIT_PER_MINUTE,
    trustProxy: e.TRUST_PROXY,
    webDist: path.resolve(repoRoot, e.WEB_DIST),
    seedDemo: e.SEED_DEMO ?? embedded,
    runWorkers: e.RUN_WORKERS,
    upload: { maxBytes: e.UPLOAD_MAX_BYTES, maxRows: e.UPLOAD_MAX_ROWS },
    recordCacheBytes: Math.round(e.RECORD_CACHE_MB * 1024 * 1024),
  };
}

/** Outside production a random secret is kept under the data directory so sessions survive restarts. */
function localSecret(dataDir: string): string {
  const file = path.join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
