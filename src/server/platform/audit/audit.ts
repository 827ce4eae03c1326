// The audit log: every write records who, their unit, action, object, result, IP, request id and time, in the
// same transaction as the write. Records are hash-chained (hash = sha256(prevHash | canonical record)) so that
// a changed, inserted or deleted record breaks the chain (`gongkai audit verify`).
import { createHash, randomUUID } from 'node:crypto';
import { asc, desc, gt, sql } from 'drizzle-orm';
import { maskPersonalData } from '../../../domain/privacy/mask';
import type { Database, DbOrTx } from '../../db/client';
import { auditLog } from '../../db/schema';
import type { Actor } from '../context';

export interface AuditEntry {
  action: string;
  objectType: string;
  objectId?: string | null;
  result?: 'success' | 'failure';
  detail?: string | Record<string, unknown> | null;
}

const GENESIS = '0'.repeat(64);
const AUDIT_LOCK = 7324002;

interface ChainFields {
  id: string;
  at: Date;
  userId: string | null;
  username: string | null;
  unitId: string | null;
  unitName: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  result: string;
  ip: string | null;
  requestId: string | null;
  detail: string | null;
  prevHash: string;
}

function chainHash(r: ChainFields): string {
  const canonical = JSON.stringify([
    r.id,
    r.at.toISOString(),
    r.userId,
    r.username,
    r.unitId,
    r.unitName,
    r.action,
    r.objectType,
    r.objectId,
    r.result,
    r.ip,
    r.requestId,
    r.detail,
    r.prevHash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** Appends one audit record inside the caller's transaction. Personal data in `detail` is masked. */
export async function audit(
  tx: DbOrTx,
  actor: Actor,
  entry: AuditEntry,
  now: Date = new Date(),
): Promise<void> {
  // Serialise appends so that each record links to the one before it.
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${AUDIT_LOCK})`);
  const last = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  const detailRaw =
    entry.detail == null
      ? null
      : typeof entry.detail === 'string'
        ? entry.detail
        : JSON.stringify(entry.detail);
  const fields: ChainFields = {
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
    detail: detailRaw == null ? null : maskPersonalData(detailRaw).slice(0, 4000),
    prevHash: last[0]?.hash ?? GENESIS,
  };
  await tx
    .insert(auditLog)
    .values({ ...fields, result: fields.result as 'success' | 'failure', hash: chainHash(fields) });
}

/** A failed or refused action is recorded in its own transaction (there is no write to join). */
export async function auditFailure(database: Database, actor: Actor, entry: AuditEntry): Promise<void> {
  await database.db.transaction((tx) => audit(tx, actor, { ...entry, result: 'failure' }));
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBrokenSeq: number | null;
  message: string;
}

export async function verifyAuditChain(database: Database): Promise<VerifyResult> {
  let prev = GENESIS;
  let checked = 0;
  let lastSeq = 0;
  for (;;) {
    const rows = await database.db
      .select()
      .from(auditLog)
      .where(gt(auditLog.seq, lastSeq))
      .orderBy(asc(auditLog.seq))
      .limit(2000);
    if (rows.length === 0) break;
    for (const r of rows) {
      const expected = chainHash({ ...r, prevHash: r.prevHash });
      if (r.prevHash !== prev) {
        return {
          ok: false,
          checked,
          firstBrokenSeq: r.seq,
          message: `第 ${r.seq} 条记录与前一条不衔接：其前的记录被删除、插入或修改`,
        };
      }
      if (r.hash !== expected) {
        return {
          ok: false,
          checked,
          firstBrokenSeq: r.seq,
          message: `第 ${r.seq} 条记录的内容已被修改（哈希不符）`,
        };
      }
      prev = r.hash;
      checked++;
      lastSeq = r.seq;
    }
  }
  return { ok: true, checked, firstBrokenSeq: null, message: `审计链完整，共校验 ${checked} 条记录` };
}
