import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import { repoRoot } from '../config';

export const schemaPath = path.join(repoRoot, 'prisma/schema.prisma');
export const migrationsDir = path.join(repoRoot, 'prisma/migrations');

type DiffTarget =
  | { tag: 'empty' }
  | { tag: 'schemaDatamodel'; files: { path: string; content: string }[] }
  | {
      tag: 'migrations';
      baseDir: string;
      lockfile: { path: string; content: string | null };
      migrationDirectories: {
        path: string;
        migrationFile: { path: string; content: { tag: 'ok'; value: string } };
      }[];
      shadowDbInitScript: string;
    };

interface WasmSchemaEngine {
  diff(params: {
    from: DiffTarget;
    to: DiffTarget;
    script: boolean;
    exitCode: boolean | null;
    filters: { externalTables: string[]; externalEnums: string[] };
  }): Promise<{ exitCode: number; stdout: string | null }>;
}

/**
 * Prisma's schema engine compiled to WebAssembly (the native one cannot be downloaded everywhere).
 * It turns `schema.prisma` into the SQL Prisma itself would write, which is how new migrations are
 * drafted (`pnpm lar db diff`) and what the drift test compares the migrated database against.
 */
async function loadEngine(scratch: PGlite): Promise<WasmSchemaEngine> {
  const pkg = path.dirname(require.resolve('@prisma/schema-engine-wasm'));
  const bindings = await import(pathToFileURL(path.join(pkg, 'schema_engine_bg.js')).href);
  const wasm = await WebAssembly.instantiate(readFileSync(path.join(pkg, 'schema_engine_bg.wasm')), {
    './schema_engine_bg.js': bindings,
  });
  bindings.__wbg_set_wasm(wasm.instance.exports);
  (wasm.instance.exports as { __wbindgen_start(): void }).__wbindgen_start();
  const { bindMigrationAwareSqlAdapterFactory } = await import('@prisma/driver-adapter-utils');
  const { PrismaPGlite } = await import('pglite-prisma-adapter');
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPGlite(scratch));
  const content = readFileSync(schemaPath, 'utf8');
  return bindings.SchemaEngine.new({ datamodels: [[schemaPath, content]] }, () => {}, adapter);
}

const noFilters = { externalTables: [], externalEnums: [] };

function schemaTarget(): DiffTarget {
  return { tag: 'schemaDatamodel', files: [{ path: schemaPath, content: readFileSync(schemaPath, 'utf8') }] };
}

function migrationsTarget(migrations: { name: string; sql: string }[]): DiffTarget {
  return {
    tag: 'migrations',
    baseDir: migrationsDir,
    lockfile: { path: 'migration_lock.toml', content: 'provider = "postgresql"\n' },
    migrationDirectories: migrations.map((m) => ({
      path: m.name,
      migrationFile: { path: 'migration.sql', content: { tag: 'ok', value: m.sql } },
    })),
    shadowDbInitScript: '',
  };
}

/** The SQL that creates, from nothing, the database `schema.prisma` describes. */
export async function schemaSqlFromEmpty(): Promise<string> {
  return withEngine((engine) =>
    engine.diff({
      from: { tag: 'empty' },
      to: schemaTarget(),
      script: true,
      exitCode: null,
      filters: noFilters,
    }),
  );
}

/** The SQL that takes a database migrated with `migrations` to what `schema.prisma` describes. */
export async function schemaSqlFromMigrations(migrations: { name: string; sql: string }[]): Promise<string> {
  return withEngine((engine) =>
    engine.diff({
      from: migrationsTarget(migrations),
      to: schemaTarget(),
      script: true,
      exitCode: null,
      filters: noFilters,
    }),
  );
}

async function withEngine(
  run: (engine: WasmSchemaEngine) => Promise<{ stdout: string | null }>,
): Promise<string> {
  const { PGlite } = await import('@electric-sql/pglite');
  const scratch = await PGlite.create();
  try {
    const result = await run(await loadEngine(scratch));
    return result.stdout ?? '';
  } finally {
    await scratch.close();
  }
}
