// Composition root: config → database → http → jobs. Used by `gongkai start` and by the browser tests.

import { createServer, type Server } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { ensureAdminBuilt } from './admin-build';
import { buildApp } from './app';
import { bootstrap } from './bootstrap';
import type { Config } from './config';
import { alertAuditFailure, isAuditFailure } from './platform/audit/alert';
import { startCheckpoints } from './platform/audit/checkpoint';
import { type Clock, type Platform, systemClock } from './platform/context';
import { fieldKeysOf } from './platform/crypto/fields';
import { listenForChanges, PageCache, servePageFromCache } from './platform/http/page-cache';
import { startScheduler } from './platform/jobs/scheduler';
import { makeLogger } from './platform/log';
import { type OpenedDatabase, openDatabase } from './runtime';

export interface RunningServer {
  url: string;
  port: number;
  platform: Platform;
  db: OpenedDatabase;
  stop(): Promise<void>;
}

export async function startServer(
  config: Config,
  opts: { clock?: Clock; print?: (m: string) => void; buildAdmin?: boolean } = {},
): Promise<RunningServer> {
  const print = opts.print ?? ((m: string) => console.log(m));
  if (config.only !== 'portal' && opts.buildAdmin !== false) await ensureAdminBuilt(print);
  const db = await openDatabase(config, print, 'server');
  const platform: Platform = {
    database: db.database,
    config,
    clock: opts.clock ?? systemClock,
    fieldKeys: fieldKeysOf(config.fieldKeysFile),
    ...(db.ownerUrl !== db.url ? { ownerDatabaseUrl: db.ownerUrl } : {}),
    log: makeLogger(config.logLevel),
  };
  try {
    await bootstrap(db.database, config, print);
  } catch (e) {
    await db.close();
    throw e;
  }
  if (!config.require2fa)
    print(
      '注意：两步验证要求已关闭（演示模式或 GONGKAI_REQUIRE_2FA=0），系统管理员、安全管理员和审计管理员仅凭密码即可登录；正式部署请设 GONGKAI_DEMO=0 且不要关闭两步验证。',
    );
  // Portal pages are cached; every committed change to what they show clears them on every instance.
  const cache = config.only === 'admin' ? undefined : new PageCache();
  let listener: Awaited<ReturnType<typeof listenForChanges>> | null = null;
  if (cache) {
    try {
      listener = await listenForChanges(
        db.database,
        () => cache.clear(),
        (m, extra) => platform.log('warn', m, extra),
      );
    } catch (e) {
      await db.close();
      throw e;
    }
  }
  const app = buildApp(platform, { only: config.only, ...(cache ? { pageCache: cache } : {}) });
  const runJobs = config.jobs && config.only !== 'portal';
  const stopJobs = runJobs
    ? startScheduler(
        db.database,
        platform.clock,
        (m) => platform.log('info', m),
        async (job, e) => {
          if (isAuditFailure(e)) await alertAuditFailure(platform, { job }, e);
        },
      )
    : () => {};
  const stopCheckpoints = runJobs ? startCheckpoints(platform) : async () => {};
  // Kept portal pages go out before the framework sees the request (platform/http/page-cache.ts).
  const handle = getRequestListener(app.fetch);
  const server = await new Promise<Server>((resolve, reject) => {
    const s = createServer((req, res) => {
      if (cache && servePageFromCache(cache, req, res)) return;
      void handle(req, res);
    });
    s.once('error', reject);
    s.listen(config.port, config.host, () => resolve(s));
  });
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.port;
  let stopped: Promise<void> | null = null;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    platform,
    db,
    stop() {
      stopped ??= (async () => {
        stopJobs();
        await listener?.stop();
        await new Promise<void>((r) => {
          server.close(() => r());
          server.closeAllConnections?.();
        });
        await stopCheckpoints();
        await db.close();
      })();
      return stopped;
    },
  };
}
