import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { applyAppGrants } from './roles';
import * as schema from './schema';

export type Db = NodePgDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export interface Database {
  db: Db;
  pool: pg.Pool;
  close(): Promise<void>;
}

// Dates of legal deadlines are `date` columns: keep them as 'YYYY-MM-DD' strings, never JS Dates (no TZ shift).
pg.types.setTypeParser(1082, (v) => v);

export function connect(url: string, max = 10): Database {
  const pool = new pg.Pool({ connectionString: url, max });
  pool.on('error', () => {
    // An idle client lost its connection (e.g. the server restarted); the pool replaces it.
  });
  const db = drizzle(pool, { schema });
  return { db, pool, close: () => pool.end() };
}

export const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/**
 * Applies committed migrations, then (with `grantTo`) the app role's rights; an advisory lock keeps several
 * starting processes from racing.
 */
export async function runMigrations(database: Database, opts: { grantTo?: string } = {}): Promise<void> {
  const client = await database.pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock(7324001)');
    await migrate(drizzle(client, { schema }), { migrationsFolder: MIGRATIONS_DIR });
    if (opts.grantTo) await applyAppGrants(client, opts.grantTo);
  } finally {
    await client.query('SELECT pg_advisory_unlock(7324001)').catch(() => {});
    client.release();
  }
}

export async function serverVersion(database: Database): Promise<number> {
  const r = await database.pool.query<{ server_version_num: string }>('SHOW server_version_num');
  return Number(r.rows[0]?.server_version_num ?? 0);
}
