// Use cases: the retention settings (SECURITY.md 18 and 38; rules in src/domain/security/retention.ts) and the
// daily purge. The settings are one row of the platform settings, changed with their audit row. A purge run is one
// transaction: each module clears its own records through its face (requests, interaction), the platform deletes
// expired credentials and the logs' old prefix (platform/audit/purge.ts), and one audit record holds the run's
// counts, its cut-offs and the chains' anchors. That record is also what the console shows as the last run.
import type { RetentionRun, RetentionSettings, RetentionView } from '../../../contracts/system';
import { chinaDate } from '../../../domain/calendar';
import { retentionCutoffs, retentionWithDefaults } from '../../../domain/security/retention';
import { connect, type Database } from '../../db/client';
import { audit } from '../../platform/audit/audit';
import { currentAnchors, newestPurgeRecord } from '../../platform/audit/chain';
import { ownsLogs, PURGE_ACTION, purgeLogs } from '../../platform/audit/purge';
import { purgeExpiredCredentials } from '../../platform/auth/expired';
import { type Actor, type Platform, systemActor } from '../../platform/context';
import { getSecuritySettings, getSetting, replaceSettings } from '../../platform/settings';
import { purgeClosedPersonalData } from '../interaction';
import { purgeClosedApplicants } from '../requests';

const KEY = 'retention';

export async function getRetentionSettings(database: Database): Promise<RetentionSettings> {
  return retentionWithDefaults(await getSetting<Record<string, unknown>>(database, KEY));
}

/** The counts of the newest purge run (its audit record), or null before the first. */
export async function lastRetentionRun(database: Database): Promise<RetentionRun | null> {
  const row = await newestPurgeRecord(database.db);
  if (!row?.detail) return null;
  try {
    return (JSON.parse(row.detail) as { run?: RetentionRun }).run ?? null;
  } catch {
    return null;
  }
}

export async function retentionView(database: Database): Promise<RetentionView> {
  return { settings: await getRetentionSettings(database), lastRun: await lastRetentionRun(database) };
}

export async function updateRetentionSettings(
  p: Platform,
  actor: Actor,
  value: RetentionSettings,
): Promise<RetentionView> {
  await replaceSettings(
    p.database,
    actor,
    KEY,
    'system.retention.update',
    async (tx) => retentionWithDefaults(await getSetting<Record<string, unknown>>(tx, KEY)),
    value,
  );
  return retentionView(p.database);
}

/**
 * One purge run at `now` on `database` — the owner's connection when there is one (only the owner may delete log
 * records); without it the logs are left alone and the run says why.
 */
export async function runRetentionPurge(p: Platform, now: Date, database: Database): Promise<RetentionRun> {
  const settings = await getRetentionSettings(p.database);
  const security = await getSecuritySettings(p.database);
  const c = retentionCutoffs(now, chinaDate(now), settings);
  return database.db.transaction(async (tx) => {
    const requestCases = await purgeClosedApplicants(tx, c.requestsClosedBefore);
    const interaction = await purgeClosedPersonalData(tx, c);
    const creds = await purgeExpiredCredentials(tx, c.expiredBefore, security);
    const owner = await ownsLogs(tx);
    const logs = owner
      ? await purgeLogs(tx, c.logsBefore)
      : { auditRows: 0, loginRows: 0, anchors: await currentAnchors(tx) };
    const run: RetentionRun = {
      at: now.toISOString(),
      auditRows: logs.auditRows,
      loginRows: logs.loginRows,
      logsSkipped: owner
        ? null
        : '数据库账号不是日志表的属主，未清理审计日志与登录日志（见 README「数据库角色」）',
      requestCases,
      ...interaction,
      sessions: creds.sessions,
      tokens: creds.tokens,
    };
    await audit(
      tx,
      systemActor('retention'),
      {
        action: PURGE_ACTION,
        objectType: 'retention',
        objectId: chinaDate(now),
        // Hashes and counts only: stored as they are (masking could take a run of digits in a hash for a phone).
        raw: true,
        detail: {
          run,
          cutoffs: {
            ...c,
            logsBefore: c.logsBefore.toISOString(),
            expiredBefore: c.expiredBefore.toISOString(),
          },
          anchors: { audit: logs.anchors.audit, login: logs.anchors.login },
        },
      },
      now,
    );
    return run;
  });
}

/** The daily job: on the owner's connection when Gongkai has its URL, else on the app's. */
export async function retentionJob(p: Platform, now: Date): Promise<RetentionRun> {
  if (!p.ownerDatabaseUrl) return runRetentionPurge(p, now, p.database);
  const owner = connect(p.ownerDatabaseUrl, 1);
  try {
    return await runRetentionPurge(p, now, owner);
  } finally {
    await owner.close();
  }
}
