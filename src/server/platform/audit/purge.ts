// Retention of the audit and login logs (SECURITY.md 18). Both are hash-chained and append-only, so a purge
// removes only a prefix of each chain — every record before the first one that is still inside the retention
// period, and never the newest record (new records keep linking to it) — and the run's own audit record carries
// the anchor: the last removed record's seq and hash and how many records the chain has lost in all. The verifier
// (chain.ts) starts each chain from that anchor instead of the genesis hash, so the remaining records still verify,
// and the signed checkpoints (checkpoint.ts) accept that checkpointed records before the anchor are gone only when
// they were older than the anchor's cut-off.
//
// The deletion needs the owner role: the app role may only INSERT and SELECT the logs (db/roles.ts), and the
// append-only triggers refuse DELETE to everyone. Inside one transaction the owner switches the DELETE trigger off,
// deletes the prefix and switches it back on; ALTER TABLE … DISABLE TRIGGER takes a SHARE ROW EXCLUSIVE lock, so
// no other session can write (or see the trigger off) until the transaction ends.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { AUDIT_LOCK } from './audit';
import { type ChainAnchor, currentAnchors, type PurgeAnchors } from './chain';

export { PURGE_ACTION } from './chain';

/** Whether this connection's role owns the logs (only the owner can remove records). */
export async function ownsLogs(db: DbOrTx): Promise<boolean> {
  const r = await db.execute<{ ok: boolean }>(
    sql`SELECT pg_has_role((SELECT relowner FROM pg_class WHERE oid = 'audit_log'::regclass), 'USAGE')
           AND pg_has_role((SELECT relowner FROM pg_class WHERE oid = 'login_log'::regclass), 'USAGE') AS ok`,
  );
  return r.rows[0]?.ok === true;
}

const later = (a: string | null, b: Date) => (a && a > b.toISOString() ? a : b.toISOString());

async function purgeChain(
  tx: DbOrTx,
  table: 'audit_log' | 'login_log',
  key: 'seq' | 'id',
  trigger: string,
  cutoff: Date,
  prev: ChainAnchor,
): Promise<{ removed: number; anchor: ChainAnchor }> {
  const t = sql.raw(table);
  const k = sql.raw(key);
  // The first record to keep: the oldest one inside the period, and at most the newest record.
  const bound = await tx.execute<{ b: string | null }>(sql`
    SELECT least(
      (SELECT min(${k}) FROM ${t} WHERE at >= ${cutoff.toISOString()}::timestamptz),
      (SELECT max(${k}) FROM ${t})) AS b`);
  const b = bound.rows[0]?.b;
  if (b == null) return { removed: 0, anchor: prev };
  const last = await tx.execute<{ k: string; hash: string; n: string }>(sql`
    SELECT (SELECT ${k} FROM ${t} WHERE ${k} < ${b} ORDER BY ${k} DESC LIMIT 1) AS k,
           (SELECT hash FROM ${t} WHERE ${k} < ${b} ORDER BY ${k} DESC LIMIT 1) AS hash,
           (SELECT count(*) FROM ${t} WHERE ${k} < ${b}) AS n`);
  const row = last.rows[0];
  if (!row?.k) return { removed: 0, anchor: prev };
  const trig = sql.raw(trigger);
  await tx.execute(sql`ALTER TABLE ${t} DISABLE TRIGGER ${trig}`);
  const del = await tx.execute(sql`DELETE FROM ${t} WHERE ${k} < ${b}`);
  await tx.execute(sql`ALTER TABLE ${t} ENABLE TRIGGER ${trig}`);
  const removed = del.rowCount ?? Number(row.n);
  return {
    removed,
    anchor: {
      seq: Number(row.k),
      hash: row.hash,
      count: prev.count + removed,
      before: later(prev.before, cutoff),
    },
  };
}

/**
 * Removes the records of both logs older than `cutoff` (a prefix of each chain, the newest record always kept)
 * inside the caller's transaction, which must run as the logs' owner. Returns the counts and the anchors the
 * caller writes into the run's audit record (`audit(…, { action: PURGE_ACTION, detail: { anchors }, raw: true })`).
 */
export async function purgeLogs(
  tx: DbOrTx,
  cutoff: Date,
): Promise<{ auditRows: number; loginRows: number; anchors: Omit<PurgeAnchors, 'at'> }> {
  // The audit appender's lock first (audit.ts), then the tables: the same order as every writer.
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${AUDIT_LOCK})`);
  const prev = await currentAnchors(tx);
  const a = await purgeChain(tx, 'audit_log', 'seq', 'audit_log_no_update', cutoff, prev.audit);
  const l = await purgeChain(tx, 'login_log', 'id', 'login_log_no_update', cutoff, prev.login);
  return { auditRows: a.removed, loginRows: l.removed, anchors: { audit: a.anchor, login: l.anchor } };
}
