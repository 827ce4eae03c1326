import { eq } from 'drizzle-orm';
import { type SecuritySettings, securitySettingsSchema } from '../../contracts/system';
import { SHIPPED_SENSITIVE_WORDS } from '../../domain/interaction/letter';
import type { Database, DbOrTx } from '../db/client';
import { settings } from '../db/schema';
import { type AuditEntry, audit } from './audit/audit';
import type { Actor } from './context';

export const DEFAULT_SECURITY: SecuritySettings = {
  passwordMinLength: 8,
  passwordMinClasses: 3,
  challengeThreshold: 3,
  hardLockThreshold: 5,
  lockoutMinutes: 30,
  sessionIdleMinutes: 30,
  sessionAbsoluteMinutes: 720,
  // 等保 三级 practice: change passwords at least every 90 days.
  passwordMaxAgeDays: 90,
  // A real deployment asks every console account for a second factor; the demo district stores 'separated'.
  twoFactorScope: 'all',
};

/** Stored values that no longer fit the schema (or old keys) fall back to the defaults. */
function withDefaults(stored: Record<string, unknown>): SecuritySettings {
  const out: Record<string, unknown> = { ...DEFAULT_SECURITY };
  for (const key of Object.keys(out) as (keyof SecuritySettings)[]) {
    const r = securitySettingsSchema.shape[key].safeParse(stored[key]);
    if (r.success) out[key] = r.data;
  }
  return out as SecuritySettings;
}

let cache: { value: SecuritySettings; at: number } | null = null;

export async function getSecuritySettings(database: Database): Promise<SecuritySettings> {
  // Short cache: several processes may run; a changed setting takes effect within seconds everywhere.
  if (cache && Date.now() - cache.at < 5000) return cache.value;
  const value = withDefaults((await getSetting<Record<string, unknown>>(database, 'security')) ?? {});
  cache = { value, at: Date.now() };
  return value;
}

export async function putSetting(tx: DbOrTx, key: string, value: unknown): Promise<void> {
  await tx
    .insert(settings)
    .values({ key, value })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: new Date() } });
  if (key === 'security') cache = null;
}

export async function getSetting<T>(database: Database | DbOrTx, key: string): Promise<T | null> {
  const db = 'db' in database ? database.db : database;
  const rows = await db.select().from(settings).where(eq(settings.key, key));
  return (rows[0]?.value as T | undefined) ?? null;
}

/** Writes one setting and its audit row in the same transaction. */
export async function putAuditedSetting(
  database: Database,
  actor: Actor,
  key: string,
  value: unknown,
  entry: AuditEntry,
): Promise<void> {
  await database.db.transaction(async (tx) => {
    await putSetting(tx, key, value);
    await audit(tx, actor, entry);
  });
}

/**
 * Replaces a module's settings object in one transaction: reads what is stored (through `read`, which applies the
 * defaults), writes `next`, and audits `{ before, after }` as `action` on the settings row `key`.
 */
export async function replaceSettings<T>(
  database: Database,
  actor: Actor,
  key: string,
  action: string,
  read: (tx: DbOrTx) => Promise<T>,
  next: T,
): Promise<T> {
  return database.db.transaction(async (tx) => {
    const before = await read(tx);
    await putSetting(tx, key, next);
    await audit(tx, actor, {
      action,
      objectType: 'settings',
      objectId: key,
      detail: { before, after: next },
    });
    return next;
  });
}

/** The sensitive words citizens' submissions are checked against (`interaction.sensitiveWords` replaces the shipped list). */
export async function sensitiveWordList(db: Database | DbOrTx): Promise<readonly string[]> {
  const v = await getSetting<string[]>(db, 'interaction.sensitiveWords');
  return Array.isArray(v) ? v.filter((w) => typeof w === 'string' && w.trim()) : SHIPPED_SENSITIVE_WORDS;
}
