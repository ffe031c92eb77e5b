import { mkdirSync } from 'node:fs';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/**
 * The smallest SQL surface that migrations, health checks and the queue need, over either a
 * PostgreSQL pool or an embedded PGlite. Prisma Client is built on the same connection source.
 */
export interface SqlConnection {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Runs a script of several statements (no parameters). */
  exec(script: string): Promise<void>;
}

export interface SqlClient extends SqlConnection {
  kind: 'postgres' | 'pglite';
  /** Runs `fn` on one dedicated connection (needed for session-level advisory locks). */
  withConnection<T>(fn: (conn: SqlConnection) => Promise<T>): Promise<T>;
  /**
   * Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. Use only
   * `conn` inside (on PGlite every other query waits until the transaction ends).
   */
  transaction<T>(fn: (conn: SqlConnection) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export function postgresClient(pool: pg.Pool): SqlClient {
  return {
    kind: 'postgres',
    async query(text, params) {
      return (await pool.query(text, params as unknown[])).rows;
    },
    async exec(script) {
      await pool.query(script);
    },
    async withConnection(fn) {
      const client = await pool.connect();
      try {
        return await fn({
          query: async (text, params) => (await client.query(text, params as unknown[])).rows,
          exec: async (script) => void (await client.query(script)),
        });
      } finally {
        client.release();
      }
    },
    async transaction(fn) {
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query('BEGIN');
        const result = await fn({
          query: async (text, params) => (await client.query(text, params as unknown[])).rows,
          exec: async (script) => void (await client.query(script)),
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        // A connection that cannot even roll back is not given back to the pool.
        await client.query('ROLLBACK').catch(() => {
          broken = true;
        });
        throw error;
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}

export function pgliteClient(db: PGlite): SqlClient {
  const conn: SqlConnection = {
    query: async <T>(text: string, params?: unknown[]) => (await db.query<T>(text, params as unknown[])).rows,
    exec: async (script) => void (await db.exec(script)),
  };
  // PGlite is a single connection: serialise dedicated-connection work behind one promise chain.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    kind: 'pglite',
    ...conn,
    withConnection(fn) {
      const run = queue.then(() => fn(conn));
      queue = run.catch(() => undefined);
      return run;
    },
    transaction: (fn) =>
      db.transaction((tx) =>
        fn({
          query: async <T>(text: string, params?: unknown[]) =>
            (await tx.query<T>(text, params as unknown[])).rows,
          exec: async (script) => void (await tx.exec(script)),
        }),
      ),
    close: () => db.close(),
  };
}

export function createPool(url: string, max: number): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 5_000 });
  // An idle connection dropped by the server (restart, failover) is replaced on next use; without a
  // listener the error would end the process.
  pool.on('error', () => {});
  return pool;
}

/** Opens (creating when missing) the embedded database directory. */
export async function openPglite(dir: string | undefined, loadDataDir?: Blob): Promise<PGlite> {
  // PGlite ships as ESM with a CommonJS build that loads parts of itself by dynamic import.
  const { PGlite } = await import('@electric-sql/pglite');
  if (dir) mkdirSync(dir, { recursive: true });
  return PGlite.create(dir, loadDataDir ? { loadDataDir } : {});
}
