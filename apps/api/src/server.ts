import {
  DEMO_MEMORABLE_INFORMATION,
  DEMO_PASSWORD,
  demoSignIns,
  isDemoSeeded,
  seedDemo,
} from '../../../prisma/seed/demo';
import { buildApp } from './build-app';
import { ConfigError, loadConfig } from './config';
import { hashPassword } from './lib/password';
import { sealer } from './lib/secrets';

/** Creates the server, listens, prints where it is, and shuts down gracefully on SIGINT/SIGTERM. */
async function main() {
  const config = loadConfig();
  const app = await buildApp(
    { config },
    {
      connectionTimeout: 30_000,
      requestTimeout: 60_000,
      keepAliveTimeout: 10_000,
      forceCloseConnections: 'idle',
    },
  );
  if (config.seedDemo && !(await isDemoSeeded(app.db.prisma))) {
    await seedDemo(app.db.prisma, { hashPassword, sealMemorable: sealer(config.jwtSecret).seal });
    app.log.info('seeded the demo');
  }
  await app.listen({ host: config.host, port: config.port });
  const { port } = app.server.address() as { port: number };
  const address = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  // Without PUBLIC_URL, links in emails point where the server actually listens (PORT=0 included).
  if (config.publicUrlFromListen) config.publicUrl = `http://localhost:${port}`;
  const lines = [
    '',
    `  LAR is running at ${address}`,
    `  API docs: ${address}/api/docs   Health: ${address}/api/health`,
    `  Database: ${config.database.kind === 'pglite' ? `embedded PGlite (${config.database.dir})` : 'PostgreSQL'}`,
  ];
  if (config.seedDemo) {
    lines.push(
      `  Demo sign-ins (password for all: ${DEMO_PASSWORD}, memorable information: ${DEMO_MEMORABLE_INFORMATION}):`,
    );
    for (const s of demoSignIns) lines.push(`    ${s.role.padEnd(22)} ${s.signInWith.padEnd(8)} ${s.id}`);
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000).unref();
    app.close().then(
      () => {
        clearTimeout(force);
        process.exit(0);
      },
      (err) => {
        app.log.error({ err }, 'error while shutting down');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(
      `LAR could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
  process.exit(1);
});
