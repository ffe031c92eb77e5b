import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { demoSignIns, seedDemo } from '../../../../prisma/seed/demo';
import { loadConfig } from '../config';
import { databaseFrom } from '../db/database';
import { migrate, readMigrations } from '../db/migrate';
import { migrationsDir, schemaSqlFromMigrations } from '../db/schema-engine';
import { createPool, openPglite } from '../db/sql-client';
import { hashPassword } from '../lib/password';
import { sealer } from '../lib/secrets';

/** Opens the configured database without migrating it (the CLI migrates explicitly). */
async function open() {
  const config = loadConfig();
  if (config.database.kind === 'postgres') {
    return databaseFrom({ pool: createPool(config.database.url, 2) });
  }
  return databaseFrom({ pglite: await openPglite(config.database.dir) });
}

export function dbCommand(): Command {
  const db = new Command('db').description('database: migrations and seed');

  db.command('migrate')
    .description('apply pending migrations from prisma/migrations, in name order, under an advisory lock')
    .action(async () => {
      const database = await open();
      try {
        const result = await migrate(database.sql, migrationsDir, (line) =>
          process.stdout.write(`${line}\n`),
        );
        process.stdout.write(
          result.applied.length === 0
            ? `Database is up to date (${result.alreadyApplied} migrations applied).\n`
            : `Applied ${result.applied.length} migration(s).\n`,
        );
      } finally {
        await database.close();
      }
    });

  db.command('seed')
    .description('create or update the demo organisations, users, learners and qualification (idempotent)')
    .action(async () => {
      const database = await open();
      try {
        await migrate(database.sql, migrationsDir);
        await seedDemo(database.prisma, { hashPassword, sealMemorable: sealer(loadConfig().jwtSecret).seal });
        process.stdout.write(`Seeded the demo: ${demoSignIns.map((s) => s.id).join(', ')}.\n`);
      } finally {
        await database.close();
      }
    });

  db.command('diff')
    .description('draft a new migration from the difference between the migrations and prisma/schema.prisma')
    .argument('<intent>', 'what the migration does, in snake_case (e.g. add_learner_nickname)')
    .action(async (intent: string) => {
      if (!/^[a-z][a-z0-9_]*$/.test(intent))
        throw new Error('intent must be snake_case, e.g. add_learner_nickname');
      const sql = await schemaSqlFromMigrations(readMigrations(migrationsDir));
      if (!/^\s*[A-Z]/m.test(sql.replace(/^--.*$/gm, ''))) {
        process.stdout.write('The migrations already match prisma/schema.prisma; nothing to write.\n');
        return;
      }
      const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
      const dir = path.join(migrationsDir, `${stamp}_${intent}`);
      mkdirSync(dir);
      writeFileSync(path.join(dir, 'migration.sql'), sql);
      process.stdout.write(
        `Wrote ${path.relative(process.cwd(), dir)}/migration.sql: review it before committing.\n`,
      );
    });

  return db;
}
