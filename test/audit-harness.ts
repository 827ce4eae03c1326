// A test API plus a connection as the app role (with its grants) and throw-away checkpoint files: what the audit
// trail's tests (audit-trail, retention) need to write as the server does and verify as the auditor does.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connect, type Database } from '../src/server/db/client';
import { applyAppGrants } from '../src/server/db/roles';
import { setupApi, type TestApi } from './api';
import { appRoleUrl } from './db';

export interface AuditHarness {
  api: TestApi;
  /** Connected as the app role: the server's rights, no more. */
  app: Database;
  files: { auditKeyFile: string; auditCheckpointFile: string };
  /** A temporary folder (removed by close) holding those files; tests may add their own. */
  dir: string;
  close(): Promise<void>;
}

export async function openAuditHarness(prefix: string): Promise<AuditHarness> {
  const api = await setupApi();
  const c = await api.tdb.database.pool.connect();
  const appUrl = await appRoleUrl(api.tdb);
  await applyAppGrants(c, new URL(appUrl).username);
  c.release();
  const app = connect(appUrl, 2);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return {
    api,
    app,
    dir,
    files: {
      auditKeyFile: path.join(dir, 'audit-hmac.key'),
      auditCheckpointFile: path.join(dir, 'audit-checkpoints.jsonl'),
    },
    async close() {
      await app.close();
      await api.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
