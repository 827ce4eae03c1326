// Opening the database in every mode: DATABASE_URL (external PostgreSQL ≥ 14), the embedded PostgreSQL of a
// Gongkai already running on the data dir (CLI commands share it), or our own embedded PostgreSQL. Migrations run
// as the owner role; what is returned is the app role's connection (db/roles.ts).
import type { Config } from './config';
import { connect, type Database, runMigrations, serverVersion } from './db/client';
import { runningEmbeddedUrl, startEmbedded } from './db/embedded';
import { archiveSettings, prepareArchive } from './db/pitr';
import { APP_ROLE, applyAppGrants, ensureEmbeddedRoles, guardAppRole, guardDurability } from './db/roles';

export interface OpenedDatabase {
  database: Database;
  /** The app role's URL (what `database` is connected with). */
  url: string;
  /** The owner role's URL: migrations, backup and restore. */
  ownerUrl: string;
  embedded: boolean;
  /** Re-applies the app role's rights (after a restore recreated the tables). */
  regrant(): Promise<void>;
  close(): Promise<void>;
}

export async function openDatabase(
  config: Config,
  log: (m: string) => void,
  role: 'server' | 'cli',
): Promise<OpenedDatabase> {
  let appUrl = config.databaseUrl;
  let ownerUrl = config.ownerDatabaseUrl ?? appUrl;
  let stopEmbedded: (() => Promise<void>) | null = null;
  let grantTo: string | undefined;
  let database: Database | null = null;
  try {
    if (!appUrl) {
      let superUrl = role === 'cli' ? runningEmbeddedUrl(config.dataDir) : null;
      if (!superUrl) {
        const handle = await startEmbedded(config.dataDir, log, {
          role,
          ...(config.walArchiveDir
            ? { settings: archiveSettings(prepareArchive(config.walArchiveDir)) }
            : {}),
        });
        superUrl = handle.url;
        stopEmbedded = () => handle.stop();
      }
      ({ ownerUrl, appUrl } = await ensureEmbeddedRoles(superUrl, config.dataDir));
      grantTo = APP_ROLE;
    }
    const owner = connect(ownerUrl!, 2);
    try {
      const v = await serverVersion(owner);
      if (v < 140000)
        throw new Error(
          `PostgreSQL 版本过低（${Math.floor(v / 10000)}），Gongkai 需要 PostgreSQL 14 或更高版本`,
        );
      database = connect(appUrl);
      if (!grantTo && ownerUrl !== appUrl) grantTo = (await currentRole(database)) ?? undefined;
      await runMigrations(owner, { grantTo });
    } finally {
      await owner.close().catch(() => {});
    }
    await guardAppRole(database, config.allowSuperuser, log);
    await guardDurability(database, config.allowUnsafeDurability, log);
  } catch (e) {
    await database?.close().catch(() => {});
    if (stopEmbedded) await stopEmbedded();
    throw e;
  }
  const app = database;
  const finalOwnerUrl = ownerUrl!;
  const finalGrant = grantTo;
  return {
    database: app,
    url: appUrl,
    ownerUrl: finalOwnerUrl,
    embedded: !config.databaseUrl,
    async regrant() {
      if (!finalGrant) return;
      const owner = connect(finalOwnerUrl, 1);
      const c = await owner.pool.connect();
      try {
        await applyAppGrants(c, finalGrant);
      } finally {
        c.release();
        await owner.close();
      }
    },
    async close() {
      await app.close().catch(() => {});
      if (stopEmbedded) await stopEmbedded();
    },
  };
}

async function currentRole(database: Database): Promise<string | null> {
  const r = await database.pool.query<{ u: string }>('SELECT current_user AS u');
  return r.rows[0]?.u ?? null;
}
