// The two hash chains: audit_log (hash computed here at append, audit.ts) and login_log (hash computed by the
// trigger of migration 0009_login_chain; recomputed here to verify). A walk checks that each record links to the
// one before it and that its hash matches its content, and reports where each checkpointed record stands.
import { createHash } from 'node:crypto';
import { and, asc, desc, eq, gt, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Database, DbOrTx } from '../../db/client';
import { auditLog, loginLog } from '../../db/schema';

export const GENESIS = '0'.repeat(64);

// ---- purge anchors (purge.ts removes a chain's oldest records; the run's audit record says where it now starts)

export const PURGE_ACTION = 'audit.purge';

/** Where a purged chain now starts: the last removed record, and the records removed in all (cumulative). */
export interface ChainAnchor {
  seq: number;
  hash: string;
  count: number;
  /** The latest cut-off of a run that removed records: every removed record is older (ISO), or null. */
  before: string | null;
}

export interface PurgeAnchors {
  audit: ChainAnchor;
  login: ChainAnchor;
  /** When the purge record holding these anchors was written (ISO), or null before any purge. */
  at: string | null;
}

const NO_ANCHOR: ChainAnchor = { seq: 0, hash: GENESIS, count: 0, before: null };

const isAnchor = (a: unknown): a is ChainAnchor =>
  !!a &&
  typeof (a as ChainAnchor).seq === 'number' &&
  typeof (a as ChainAnchor).hash === 'string' &&
  typeof (a as ChainAnchor).count === 'number';

/** The newest purge record's detail (JSON text) and time, or null before the first purge. */
export async function newestPurgeRecord(db: DbOrTx): Promise<{ detail: string | null; at: Date } | null> {
  const rows = await db
    .select({ detail: auditLog.detail, at: auditLog.at })
    .from(auditLog)
    .where(and(eq(auditLog.action, PURGE_ACTION), eq(auditLog.result, 'success')))
    .orderBy(desc(auditLog.seq))
    .limit(1);
  return rows[0] ?? null;
}

/** The anchors of the newest purge record (each run repeats the previous anchor when it removed nothing). */
export async function currentAnchors(db: DbOrTx): Promise<PurgeAnchors> {
  const row = await newestPurgeRecord(db);
  if (!row?.detail) return { audit: NO_ANCHOR, login: NO_ANCHOR, at: null };
  try {
    const d = JSON.parse(row.detail) as { anchors?: { audit?: unknown; login?: unknown } };
    return {
      audit: isAnchor(d.anchors?.audit) ? d.anchors.audit : NO_ANCHOR,
      login: isAnchor(d.anchors?.login) ? d.anchors.login : NO_ANCHOR,
      at: row.at.toISOString(),
    };
  } catch {
    return { audit: NO_ANCHOR, login: NO_ANCHOR, at: row.at.toISOString() };
  }
}

export interface AuditChainFields {
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

export function auditHash(r: AuditChainFields): string {
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

const hexField = (v: string | null) => (v === null ? '-' : Buffer.from(v, 'utf8').toString('hex'));

/** The same canonical form as gk_login_canonical() in SQL. */
export function loginHash(r: typeof loginLog.$inferSelect): string {
  const canonical = [
    hexField(String(r.id)),
    hexField(r.at.toISOString()),
    hexField(r.username),
    hexField(r.userId),
    hexField(r.result),
    hexField(r.ip),
    hexField(r.userAgent),
    r.prevHash,
  ].join('|');
  return createHash('sha256').update(canonical).digest('hex');
}

/** The newest record of a chain (seq 0 and GENESIS when empty) and how many records there are. */
export interface ChainHead {
  seq: number;
  hash: string;
  count: number;
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBrokenSeq: number | null;
  message: string;
}

export interface ChainWalk extends VerifyResult {
  head: ChainHead;
  /** For each asked-for seq that exists: its hash and the number of records up to and including it. */
  seen: Map<number, { hash: string; count: number }>;
}

interface Link {
  seq: number;
  prevHash: string;
  hash: string;
  expected: string;
}

/**
 * Walks a chain from `start` (the genesis, or the anchor of the last purge: the first remaining record must link
 * to the last removed one). `count` in heads and `seen` counts records from the genesis, removed ones included,
 * so that checkpoints written before a purge still compare; `checked` counts the records actually read.
 */
async function walk(
  label: string,
  page: (after: number) => Promise<Link[]>,
  want: ReadonlySet<number>,
  start: ChainAnchor = NO_ANCHOR,
): Promise<ChainWalk> {
  let prev = start.hash;
  let checked = 0;
  let lastSeq = start.seq;
  const seen = new Map<number, { hash: string; count: number }>();
  const position = () => start.count + checked;
  const broken = (seq: number, message: string): ChainWalk => ({
    ok: false,
    checked,
    firstBrokenSeq: seq,
    message,
    head: { seq: lastSeq, hash: prev, count: position() },
    seen,
  });
  let after = 0;
  for (;;) {
    const rows = await page(after);
    if (rows.length === 0) break;
    for (const r of rows) {
      if (r.prevHash !== prev)
        return broken(r.seq, `${label}第 ${r.seq} 条记录与前一条不衔接：其前的记录被删除、插入或修改`);
      if (r.hash !== r.expected) return broken(r.seq, `${label}第 ${r.seq} 条记录的内容已被修改（哈希不符）`);
      prev = r.hash;
      checked++;
      lastSeq = r.seq;
      after = r.seq;
      if (want.has(r.seq)) seen.set(r.seq, { hash: r.hash, count: position() });
    }
  }
  return {
    ok: true,
    checked,
    firstBrokenSeq: null,
    message: `${label === '' ? '审计链' : `${label}哈希链`}完整，共校验 ${checked} 条记录${
      start.count > 0 ? `（此前按保存期限清理 ${start.count} 条，自第 ${start.seq} 条之后校验）` : ''
    }`,
    head: { seq: lastSeq, hash: prev, count: position() },
    seen,
  };
}

const PAGE = 2000;

const CHAIN_LABELS = { audit: '', login: '登录日志' } as const;

/**
 * The walk of one chained log: its records read in chain order (by `key`), PAGE rows at a time, each one's hash
 * recomputed by `hashOf`, from the chain's purge anchor (the anchors given, or the current ones).
 */
function chainWalk<R extends { prevHash: string; hash: string }>(
  chain: keyof typeof CHAIN_LABELS,
  table: PgTable & { $inferSelect: R },
  key: PgColumn,
  seqOf: (r: R) => number,
  hashOf: (r: R) => string,
) {
  return async (
    database: Database,
    want: ReadonlySet<number> = new Set(),
    anchors?: PurgeAnchors,
  ): Promise<ChainWalk> => {
    const start = (anchors ?? (await currentAnchors(database.db)))[chain];
    const page = async (after: number) => {
      const rows = (await database.db
        .select()
        .from(table)
        .where(gt(key, after))
        .orderBy(asc(key))
        .limit(PAGE)) as R[];
      return rows.map((r) => ({ seq: seqOf(r), prevHash: r.prevHash, hash: r.hash, expected: hashOf(r) }));
    };
    return walk(CHAIN_LABELS[chain], page, want, start);
  };
}

export const walkAuditChain = chainWalk('audit', auditLog, auditLog.seq, (r) => r.seq, auditHash);
export const walkLoginChain = chainWalk('login', loginLog, loginLog.id, (r) => r.id, loginHash);

export async function verifyAuditChain(database: Database): Promise<VerifyResult> {
  const { ok, checked, firstBrokenSeq, message } = await walkAuditChain(database);
  return { ok, checked, firstBrokenSeq, message };
}

/**
 * Both chains' heads, read in one snapshot so that each count matches its head. The count is from the genesis:
 * the records a purge removed (its anchor) plus those in the table.
 */
export async function chainHeads(database: Database): Promise<{ audit: ChainHead; login: ChainHead }> {
  return database.db.transaction(
    async (tx) => {
      const q = async (table: 'audit_log' | 'login_log', key: 'seq' | 'id'): Promise<ChainHead> => {
        const r = await tx.execute<{ seq: string | null; hash: string | null; n: string }>(
          sql.raw(`SELECT (SELECT ${key} FROM ${table} ORDER BY ${key} DESC LIMIT 1) AS seq,
                  (SELECT hash FROM ${table} ORDER BY ${key} DESC LIMIT 1) AS hash,
                  (SELECT count(*) FROM ${table}) AS n`),
        );
        const row = r.rows[0]!;
        const a = table === 'audit_log' ? anchors.audit : anchors.login;
        return { seq: Number(row.seq ?? a.seq), hash: row.hash ?? a.hash, count: a.count + Number(row.n) };
      };
      const anchors = await currentAnchors(tx);
      return { audit: await q('audit_log', 'seq'), login: await q('login_log', 'id') };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}
