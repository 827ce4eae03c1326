// Opening the database in every mode: DATABASE_URL (external PostgreSQL ≥ 14), the embedded PostgreSQL of a
// Gongkai already running on the data dir (CLI commands share it), or our own embedded PostgreSQL.
import type { Config } from './config';
import { connect, type Database, runMigrations, serverVersion } from './db/client';
import { runningEmbeddedUrl, startEmbedded } from './db/embedded';

export interface OpenedDatabase {
  database: Database;
  url: string;
  embedded: boolean;
  close(): Promise<void>;
}

export async function openDatabase(
  config: Config,
  log: (m: string) => void,
  role: 'server' | 'cli',
): Promise<OpenedDatabase> {
  let url = config.databaseUrl;
  let stopEmbedded: (() => Promise<void>) | null = null;
  if (!url && role === 'cli') url = runningEmbeddedUrl(config.dataDir);
  if (!url) {
    const handle = await startEmbedded(config.dataDir, log, { role });
    url = handle.url;
    stopEmbedded = () => handle.stop();
  }
  const database = connect(url);
  try {
    const v = await serverVersion(database);
    if (v < 140000)
      throw new Error(
        `PostgreSQL 版本过低（${Math.floor(v / 10000)}），Gongkai 需要 PostgreSQL 14 或更高版本`,
      );
    await runMigrations(database);
  } catch (e) {
    await database.close().catch(() => {});
    if (stopEmbedded) await stopEmbedded();
    throw e;
  }
  return {
    database,
    url,
    embedded: !config.databaseUrl,
    async close() {
      await database.close().catch(() => {});
      if (stopEmbedded) await stopEmbedded();
    },
  };
}
