// The audit log: every write records who, their unit, action, object, result, IP, request id and time, in the
// same transaction as the write. Records are hash-chained (hash = sha256(prevHash | canonical record)) so that
// a changed, inserted or deleted record breaks the chain (`gongkai audit verify`).
import { randomUUID } from 'node:crypto';
import { desc, sql } from 'drizzle-orm';
import { maskPersonalData } from '../../../domain/privacy/mask';
import type { Database, DbOrTx } from '../../db/client';
import { auditLog } from '../../db/schema';
import type { Actor } from '../context';
import { markAuditFailure } from './alert';
import { type AuditChainFields, auditHash, GENESIS } from './chain';

export interface AuditEntry {
  action: string;
  objectType: string;
  objectId?: string | null;
  result?: 'success' | 'failure';
  detail?: string | Record<string, unknown> | null;
  /** Machine data without personal data (hashes): stored as given, not masked. */
  raw?: boolean;
}

/** Serialises appends (and the purge, purge.ts). */
export const AUDIT_LOCK = 7324002;

/** Appends one audit record inside the caller's transaction. Personal data in `detail` is masked. */
export async function audit(
  tx: DbOrTx,
  actor: Actor,
  entry: AuditEntry,
  now: Date = new Date(),
): Promise<void> {
  try {
    await append(tx, actor, entry, now);
  } catch (e) {
    // Marked so that whoever ends up with this error alerts the security administrators (alert.ts).
    markAuditFailure(e);
    throw e;
  }
}

async function append(tx: DbOrTx, actor: Actor, entry: AuditEntry, now: Date): Promise<void> {
  // Serialise appends so that each record links to the one before it.
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${AUDIT_LOCK})`);
  const last = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  const detailRaw =
    entry.detail == null
      ? null
      : typeof entry.detail === 'string'
        ? entry.detail
        : JSON.stringify(entry.detail);
  const fields: AuditChainFields = {
    id: randomUUID(),
    at: new Date(Math.floor(now.getTime())),
    userId: actor.userId,
    username: actor.username,
    unitId: actor.unitId,
    unitName: actor.unitName,
    action: entry.action,
    objectType: entry.objectType,
    objectId: entry.objectId ?? null,
    result: entry.result ?? 'success',
    ip: actor.ip,
    requestId: actor.requestId,
    detail: detailRaw == null ? null : entry.raw ? detailRaw : maskPersonalData(detailRaw).slice(0, 4000),
    prevHash: last[0]?.hash ?? GENESIS,
  };
  await tx
    .insert(auditLog)
    .values({ ...fields, result: fields.result as 'success' | 'failure', hash: auditHash(fields) });
}

/** A failed or refused action is recorded in its own transaction (there is no write to join). */
export async function auditFailure(database: Database, actor: Actor, entry: AuditEntry): Promise<void> {
  await database.db.transaction((tx) => audit(tx, actor, { ...entry, result: 'failure' }));
}

export { type VerifyResult, verifyAuditChain } from './chain';
