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
  /** How many connections it can hold at once (the pool's size; 1 for PGlite). */
  connections: number;
  /**
   * `query` as a named prepared statement, planned once per connection: for statements run on many
   * requests whose planning costs more than their execution (a name stands for one text only).
   */
  prepared<T = Record<string, unknown>>(name: string, text: string, params: unknown[]): Promise<T[]>;
  /** Runs `fn` on one dedicated connection (needed for session-level advisory locks). */
  withConnection<T>(fn: (conn: SqlConnection) => Promise<T>): Promise<T>;
  /**
   * Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. Use only
   * `conn` inside (on PGlite every other query waits until the transaction ends).
   */
  transaction<T>(fn: (conn: SqlConnection) => Promise<T>): Promise<T>;
  /**
   * Listens for `NOTIFY channel` from any connection, on a connection of its own (reconnected after
   * a loss). `connected` is called when listening starts (again), `lost` when it stops, so a cache
   * invalidated by notifications knows when it cannot trust itself.
   */
  listen(channel: string, handlers: ChannelHandlers): Promise<{ close(): Promise<void> }>;
  close(): Promise<void>;
}

export interface ChannelHandlers {
  /** `payload` is the notification's (empty when none was given). */
  notified(payload: string): void;
  connected(): void;
  lost(): void;
}

/** How long to wait before listening again after the listening connection was lost. */
const RELISTEN_MS = 1_000;

function postgresListener(pool: pg.Pool, channel: string, handlers: ChannelHandlers) {
  let client: pg.Client | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  const again = () => {
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      void start();
    }, RELISTEN_MS);
    retry.unref();
  };
  const start = async () => {
    const c = new pg.Client({ connectionString: pool.options.connectionString });
    client = c;
    let down = false;
    const lose = () => {
      if (down) return;
      down = true;
      handlers.lost();
      c.end().catch(() => {});
      again();
    };
    c.on('error', lose);
    c.on('end', lose);
    c.on('notification', (n) => {
      if (n.channel === channel) handlers.notified(n.payload ?? '');
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      if (closed) return void c.end().catch(() => {});
      handlers.connected();
    } catch {
      lose();
    }
  };
  return {
    start,
    async close() {
      closed = true;
      clearTimeout(retry);
      await client?.end().catch(() => {});
    },
  };
}

export function postgresClient(pool: pg.Pool): SqlClient {
  return {
    kind: 'postgres',
    connections: pool.options.max,
    async query(text, params) {
      return (await pool.query(text, params as unknown[])).rows;
    },
    async prepared(name, text, params) {
      return (await pool.query({ name, text, values: params as unknown[] })).rows;
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
    async listen(channel, handlers) {
      const listener = postgresListener(pool, channel, handlers);
      await listener.start();
      return listener;
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
    connections: 1,
    ...conn,
    // In process, planning is not worth keeping statements for.
    prepared: (_name, text, params) => conn.query(text, params),
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
    async listen(channel, handlers) {
      // One embedded database in this process: its notifications cannot be lost.
      const stop = await db.listen(channel, (payload) => handlers.notified(payload ?? ''));
      handlers.connected();
      // A database closed first has stopped listening with it.
      return { close: () => (db.closed ? Promise.resolve() : stop()) };
    },
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
