import type { SqlConnection } from './sql-client';

/**
 * A database schema described as comparable lines: tables, columns (type, nullability, default),
 * constraints (primary keys, unique, foreign keys with their actions, checks), indexes and enums.
 * Two schemas are the same when their descriptions are; the drift test compares the migrated
 * database with the one Prisma builds from `schema.prisma`.
 */
export async function describeSchema(conn: SqlConnection, schema: string): Promise<string[]> {
  const strip = (text: string) => text.replaceAll(`"${schema}".`, '').replaceAll(`${schema}.`, '');
  const columns = await conn.query<{ line: string }>(
    `SELECT format('column %s.%s %s %s default=%s', c.relname, a.attname,
              format_type(a.atttypid, a.atttypmod),
              CASE WHEN a.attnotnull THEN 'NOT NULL' ELSE 'NULL' END,
              coalesce(pg_get_expr(d.adbin, d.adrelid), '-')) AS line
       FROM pg_attribute a
       JOIN pg_class c ON c.oid = a.attrelid AND c.relkind = 'r'
       JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = $1
       LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE a.attnum > 0 AND NOT a.attisdropped`,
    [schema],
  );
  const constraints = await conn.query<{ line: string }>(
    `SELECT format('constraint %s.%s %s', c.relname, k.conname, pg_get_constraintdef(k.oid)) AS line
       FROM pg_constraint k
       JOIN pg_class c ON c.oid = k.conrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = $1`,
    [schema],
  );
  const indexes = await conn.query<{ line: string }>(
    `SELECT format('index %s', indexdef) AS line FROM pg_indexes WHERE schemaname = $1`,
    [schema],
  );
  const enums = await conn.query<{ line: string }>(
    `SELECT format('enum %s (%s)', t.typname, string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder)) AS line
       FROM pg_type t
       JOIN pg_enum e ON e.enumtypid = t.oid
       JOIN pg_namespace n ON n.oid = t.typnamespace AND n.nspname = $1
      GROUP BY t.typname`,
    [schema],
  );
  const tables = await conn.query<{ line: string }>(
    `SELECT format('table %s', tablename) AS line FROM pg_tables WHERE schemaname = $1`,
    [schema],
  );
  return [...tables, ...columns, ...constraints, ...indexes, ...enums].map((row) => strip(row.line)).sort();
}

export interface SchemaDifference {
  onlyExpected: string[];
  onlyActual: string[];
}

/** Lines present on one side only; `_prisma_migrations` is bookkeeping, not part of the model. */
export function compareDescriptions(expected: string[], actual: string[]): SchemaDifference {
  const relevant = (line: string) => !line.includes('_prisma_migrations');
  const a = new Set(actual.filter(relevant));
  const e = new Set(expected.filter(relevant));
  return {
    onlyExpected: [...e].filter((line) => !a.has(line)),
    onlyActual: [...a].filter((line) => !e.has(line)),
  };
}
