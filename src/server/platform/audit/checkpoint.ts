// Signed checkpoints of the chain heads. A chain alone cannot show that its newest records were deleted, or that
// someone with the database's keys edited a record and recomputed every hash after it. So every few minutes the
// heads of audit_log and login_log (last seq, its hash, the record count) are signed with HMAC-SHA256 under a key
// kept outside the database and appended to a file beside the data and to the log. `gongkai audit verify` then
// checks that every checkpointed record is still there with the same hash and the same number of records before it.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { MIN_LOG_DAYS } from '../../../domain/security/retention';
import type { Config } from '../../config';
import type { Database } from '../../db/client';
import type { Platform } from '../context';
import { runJobOnce } from '../jobs/scheduler';
import { errorFields } from '../log';
import {
  type ChainAnchor,
  type ChainHead,
  type ChainWalk,
  chainHeads,
  currentAnchors,
  type PurgeAnchors,
  walkAuditChain,
  walkLoginChain,
} from './chain';

export interface Checkpoint {
  v: 1;
  at: string;
  audit: ChainHead;
  login: ChainHead;
  mac: string;
}

type Files = Pick<Config, 'auditKeyFile' | 'auditCheckpointFile'>;

/** The HMAC key: 32 random bytes, created (mode 0600) the first time a checkpoint is written. */
export function checkpointKey(files: Files, create: boolean): Buffer | null {
  try {
    return Buffer.from(fs.readFileSync(files.auditKeyFile, 'utf8').trim(), 'hex');
  } catch {
    if (!create) return null;
    fs.mkdirSync(path.dirname(files.auditKeyFile), { recursive: true });
    const key = randomBytes(32);
    try {
      fs.writeFileSync(files.auditKeyFile, key.toString('hex'), { mode: 0o600, flag: 'wx' });
    } catch {
      return checkpointKey(files, false); // another process created it first
    }
    return key;
  }
}

function mac(key: Buffer, c: Omit<Checkpoint, 'mac'>): string {
  const body = JSON.stringify([
    c.v,
    c.at,
    c.audit.seq,
    c.audit.hash,
    c.audit.count,
    c.login.seq,
    c.login.hash,
    c.login.count,
  ]);
  return createHmac('sha256', key).update(body).digest('hex');
}

function lastLine(file: string): string | null {
  try {
    const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
    return lines[lines.length - 1] || null;
  } catch {
    return null;
  }
}

const sameHead = (a: ChainHead, b: ChainHead) => a.seq === b.seq && a.hash === b.hash && a.count === b.count;

/** Appends a signed checkpoint of both heads (nothing when they have not moved since the last one). */
export async function writeCheckpoint(p: Pick<Platform, 'database' | 'config' | 'clock' | 'log'>) {
  const key = checkpointKey(p.config, true)!;
  const heads = await chainHeads(p.database);
  const prev = lastLine(p.config.auditCheckpointFile);
  if (prev) {
    try {
      const last = JSON.parse(prev) as Checkpoint;
      if (sameHead(last.audit, heads.audit) && sameHead(last.login, heads.login)) return null;
    } catch {
      // A damaged last line: verify reports it; write a fresh checkpoint anyway.
    }
  }
  const body = { v: 1 as const, at: p.clock.now().toISOString(), ...heads };
  const cp: Checkpoint = { ...body, mac: mac(key, body) };
  fs.appendFileSync(p.config.auditCheckpointFile, `${JSON.stringify(cp)}\n`, { mode: 0o600 });
  p.log('info', 'audit checkpoint', { checkpoint: cp });
  return cp;
}

/**
 * Writes a checkpoint every `auditCheckpointMinutes` (one process per interval when several share the database:
 * the scheduler's advisory lock and run key), and one at start. Returns a stop function that writes a last one.
 */
export function startCheckpoints(p: Platform): () => Promise<void> {
  const minutes = p.config.auditCheckpointMinutes;
  const job = {
    name: 'audit.checkpoint',
    runKey: (now: Date) => String(Math.floor(now.getTime() / (minutes * 60_000))),
    run: async () => ({ written: (await writeCheckpoint(p)) !== null }),
  };
  const tick = () =>
    runJobOnce(p.database, job, p.clock.now()).catch((e: Error) =>
      p.log('error', 'audit checkpoint failed', { error: errorFields(e).error }),
    );
  void writeCheckpoint(p).catch((e: Error) =>
    p.log('error', 'audit checkpoint failed', { error: errorFields(e).error }),
  );
  const timer = setInterval(() => void tick(), Math.min(minutes * 60_000, 60_000));
  timer.unref();
  return async () => {
    clearInterval(timer);
    await writeCheckpoint(p).catch(() => null);
  };
}

export interface FullVerifyResult {
  ok: boolean;
  /** Records of the audit log checked (the first chain; `checked`/`firstBrokenSeq` keep the old shape). */
  checked: number;
  firstBrokenSeq: number | null;
  message: string;
  loginChecked: number;
  checkpoints: number;
  lastCheckpointAt: string | null;
  problems: string[];
}

function readCheckpoints(file: string, key: Buffer): { list: Checkpoint[]; problems: string[] } {
  const list: Checkpoint[] = [];
  const problems: string[] = [];
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return { list, problems: [`检查点文件 ${file} 不存在或无法读取（密钥已存在，说明检查点曾经写过）`] };
  }
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      const cp = JSON.parse(line) as Checkpoint;
      const want = Buffer.from(mac(key, { v: cp.v, at: cp.at, audit: cp.audit, login: cp.login }), 'hex');
      const got = Buffer.from(String(cp.mac), 'hex');
      if (got.length !== want.length || !timingSafeEqual(got, want))
        problems.push(`检查点文件第 ${i + 1} 行的签名不符：检查点被改动`);
      else list.push(cp);
    } catch {
      problems.push(`检查点文件第 ${i + 1} 行无法解析`);
    }
  });
  return { list, problems };
}

/** Slack between a record's time and a checkpoint's (a transaction may commit after the next checkpoint). */
const CHECKPOINT_SLACK_MS = 86_400_000;

function compare(
  name: string,
  cp: Checkpoint,
  head: ChainHead,
  walk: ChainWalk,
  anchor: ChainAnchor,
): string | null {
  const at = cp.at;
  const want = name === '审计日志' ? cp.audit : cp.login;
  if (want.seq === 0) return null;
  if (want.seq <= anchor.seq) {
    // Removed by a retention purge. The anchor itself must be the checkpointed record; a record before it may be
    // gone only if the checkpoint is older than the purge's cut-off (the record after it was purged, so it was
    // older than the cut-off, and it was written after this checkpoint).
    if (want.seq === anchor.seq)
      return want.hash === anchor.hash && want.count === anchor.count
        ? null
        : `${name}第 ${want.seq} 条记录（${at} 的检查点所记）与清理记录中的衔接点不符`;
    const before = anchor.before ? Date.parse(anchor.before) : Number.NEGATIVE_INFINITY;
    return Date.parse(at) < before + CHECKPOINT_SLACK_MS
      ? null
      : `${name}第 ${want.seq} 条记录（${at} 的检查点所记）在保存期限内被删除：清理只应删除 ${anchor.before ?? '—'} 之前的记录`;
  }
  const found = walk.seen.get(want.seq);
  if (!found) {
    return want.seq > head.seq
      ? `${name}被截断：${at} 的检查点记到第 ${want.seq} 条，现在只到第 ${head.seq} 条（最新的记录被删除）`
      : `${name}第 ${want.seq} 条记录（${at} 的检查点所记）已不存在`;
  }
  if (found.hash !== want.hash)
    return `${name}被重新计算过哈希链：第 ${want.seq} 条记录的哈希与 ${at} 的签名检查点不符`;
  if (found.count !== want.count)
    return `${name}在第 ${want.seq} 条之前有 ${want.count - found.count} 条记录被删除（与 ${at} 的检查点相比）`;
  return null;
}

/** A purge record whose cut-off is less than the minimum retention before its own time (SECURITY.md 18). */
function purgedTooEarly(a: PurgeAnchors): string | null {
  if (!a.at) return null;
  const limit = Date.parse(a.at) - MIN_LOG_DAYS * 86_400_000;
  for (const [name, anchor] of [
    ['审计日志', a.audit],
    ['登录日志', a.login],
  ] as const)
    if (anchor.before && Date.parse(anchor.before) > limit)
      return `${name}的清理记录（${a.at}）删除了不足 ${MIN_LOG_DAYS} 天的记录（截止 ${anchor.before}）`;
  return null;
}

/** Both chains (each from its purge anchor), the purge's cut-off, then every signed checkpoint against them. */
export async function verifyAuditTrail(database: Database, files: Files): Promise<FullVerifyResult> {
  const key = checkpointKey(files, false);
  const { list, problems } = key
    ? readCheckpoints(files.auditCheckpointFile, key)
    : { list: [] as Checkpoint[], problems: [] as string[] };
  const anchors = await currentAnchors(database.db);
  const audit = await walkAuditChain(database, new Set(list.map((c) => c.audit.seq)), anchors);
  const login = await walkLoginChain(database, new Set(list.map((c) => c.login.seq)), anchors);
  if (!audit.ok) problems.unshift(audit.message);
  if (!login.ok) problems.push(login.message);
  const early = purgedTooEarly(anchors);
  if (early) problems.push(early);
  if (audit.ok && login.ok) {
    for (const cp of list) {
      for (const p of [
        compare('审计日志', cp, audit.head, audit, anchors.audit),
        compare('登录日志', cp, login.head, login, anchors.login),
      ])
        if (p && !problems.includes(p)) problems.push(p);
    }
  }
  const notes = key ? [] : [`未找到检查点密钥 ${files.auditKeyFile}：只校验了哈希链，未核对签名检查点`];
  const ok = problems.length === 0;
  const lastAt = list[list.length - 1]?.at ?? null;
  return {
    ok,
    checked: audit.checked,
    firstBrokenSeq: audit.firstBrokenSeq,
    message: ok
      ? [
          audit.message,
          login.message,
          key ? `签名检查点 ${list.length} 个均相符${lastAt ? `（最近一个：${lastAt}）` : ''}` : '',
          ...notes,
        ]
          .filter(Boolean)
          .join('；')
      : problems.join('；'),
    loginChecked: login.checked,
    checkpoints: list.length,
    lastCheckpointAt: lastAt,
    problems,
  };
}
