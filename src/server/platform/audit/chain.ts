// The two hash chains: audit_log (hash computed here at append, audit.ts) and login_log (hash computed by the
// trigger of migration 0009_login_chain; recomputed here to verify). A walk checks that each record links to the
// one before it and that its hash matches its content, and reports where each checkpointed record stands.
import { createHash } from 'node:crypto';
import { asc, gt, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Database } from '../../db/client';
import { auditLog, loginLog } from '../../db/schema';

export const GENESIS = '0'.repeat(64);

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

async function walk(
  label: string,
  page: (after: number) => Promise<Link[]>,
  want: ReadonlySet<number>,
): Promise<ChainWalk> {
  let prev = GENESIS;
  let checked = 0;
  let lastSeq = 0;
  const seen = new Map<number, { hash: string; count: number }>();
  const broken = (seq: number, message: string): ChainWalk => ({
    ok: false,
    checked,
    firstBrokenSeq: seq,
    message,
    head: { seq: lastSeq, hash: prev, count: checked },
    seen,
  });
  for (;;) {
    const rows = await page(lastSeq);
    if (rows.length === 0) break;
    for (const r of rows) {
      if (r.prevHash !== prev)
        return broken(r.seq, `${label}第 ${r.seq} 条记录与前一条不衔接：其前的记录被删除、插入或修改`);
      if (r.hash !== r.expected) return broken(r.seq, `${label}第 ${r.seq} 条记录的内容已被修改（哈希不符）`);
      prev = r.hash;
      checked++;
      lastSeq = r.seq;
      if (want.has(r.seq)) seen.set(r.seq, { hash: r.hash, count: checked });
    }
  }
  return {
    ok: true,
    checked,
    firstBrokenSeq: null,
    message: `${label === '' ? '审计链' : `${label}哈希链`}完整，共校验 ${checked} 条记录`,
    head: { seq: lastSeq, hash: prev, count: checked },
    seen,
  };
}

const PAGE = 2000;

/** Reads a chained log in chain order (by `key`), PAGE rows after the last one read. */
const pagesOf =
  <R>(database: Database, table: PgTable & { $inferSelect: R }, key: PgColumn) =>
  async (after: number): Promise<R[]> =>
    (await database.db.select().from(table).where(gt(key, after)).orderBy(asc(key)).limit(PAGE)) as R[];

export function walkAuditChain(
  database: Database,
  want: ReadonlySet<number> = new Set(),
): Promise<ChainWalk> {
  const page = pagesOf(database, auditLog, auditLog.seq);
  return walk(
    '',
    async (after) =>
      (await page(after)).map((r) => ({
        seq: r.seq,
        prevHash: r.prevHash,
        hash: r.hash,
        expected: auditHash(r),
      })),
    want,
  );
}

export function walkLoginChain(
  database: Database,
  want: ReadonlySet<number> = new Set(),
): Promise<ChainWalk> {
  const page = pagesOf(database, loginLog, loginLog.id);
  return walk(
    '登录日志',
    async (after) =>
      (await page(after)).map((r) => ({
        seq: r.id,
        prevHash: r.prevHash,
        hash: r.hash,
        expected: loginHash(r),
      })),
    want,
  );
}

export async function verifyAuditChain(database: Database): Promise<VerifyResult> {
  const { ok, checked, firstBrokenSeq, message } = await walkAuditChain(database);
  return { ok, checked, firstBrokenSeq, message };
}

/** Both chains' heads, read in one snapshot so that each count matches its head. */
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
        return { seq: Number(row.seq ?? 0), hash: row.hash ?? GENESIS, count: Number(row.n) };
      };
      return { audit: await q('audit_log', 'seq'), login: await q('login_log', 'id') };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}
