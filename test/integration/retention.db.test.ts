import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportView } from '../../src/contracts/reports';
import type { RetentionRun, RetentionView } from '../../src/contracts/system';
import { chinaDate } from '../../src/domain/calendar';
import { closedCutoff, DEFAULT_RETENTION, PURGED_MARK } from '../../src/domain/security/retention';
import type { Database } from '../../src/server/db/client';
import {
  auditLog,
  authTokens,
  files,
  loginLog,
  requestCases,
  sessions,
  units,
  users,
} from '../../src/server/db/schema';
import { calls, consultations, letters, mailboxes } from '../../src/server/db/schema/interaction';
import { RETENTION_JOB } from '../../src/server/modules/system';
import { runRetentionPurge } from '../../src/server/modules/system/retention';
import { audit } from '../../src/server/platform/audit/audit';
import { verifyAuditChain } from '../../src/server/platform/audit/chain';
import { verifyAuditTrail, writeCheckpoint } from '../../src/server/platform/audit/checkpoint';
import { purgeLogs } from '../../src/server/platform/audit/purge';
import { systemActor } from '../../src/server/platform/context';
import { registeredJobs, runJobOnce } from '../../src/server/platform/jobs/scheduler';
import type { Client, TestApi } from '../api';
import { type AuditHarness, openAuditHarness } from '../audit-harness';

const DAY = 86_400_000;
/** Personal data a citizen wrote into free text (a valid ID number, a spaced mobile number, a house number). */
const WRITTEN = '：本人身份证11010519491231002X，电话139 1234 5678，家住解放碑路12号3栋';
let api: TestApi;
let app: Database;
let cpFiles: { auditKeyFile: string; auditCheckpointFile: string };

let harness: AuditHarness;

beforeAll(async () => {
  harness = await openAuditHarness('gk-retention-');
  ({ api, app, files: cpFiles } = harness);
});
afterAll(() => harness.close());

const platform = () => ({ ...api.platform, config: { ...api.platform.config, ...cpFiles } });
const db = () => api.tdb.database.db;
const purgeRows = () =>
  db().select().from(auditLog).where(eq(auditLog.action, 'audit.purge')).orderBy(asc(auditLog.seq));

describe('retention settings (/api/settings/retention)', () => {
  it('401 without a session, 403 without the security permission', async () => {
    expect((await api.anon().get('/api/settings/retention')).status).toBe(401);
    for (const who of ['office', 'auditor', 'fgw_liaison']) {
      const c = await api.loginAs(who);
      expect((await c.get('/api/settings/retention')).status, who).toBe(403);
      expect((await c.put('/api/settings/retention', DEFAULT_RETENTION)).status, who).toBe(403);
    }
  });

  it('refuses less than 180 days of logs with a Chinese 400 and changes nothing', async () => {
    const sec = await api.loginAs('secadmin');
    const before = (await sec.get<RetentionView>('/api/settings/retention')).body.data!;
    expect(before).toEqual({ settings: DEFAULT_RETENTION, lastRun: null });
    for (const bad of [
      { ...DEFAULT_RETENTION, logDays: 179 },
      { ...DEFAULT_RETENTION, requestYears: 0 },
      { ...DEFAULT_RETENTION, logDays: '365' },
      { logDays: 365 },
    ]) {
      const r = await sec.put('/api/settings/retention', bad);
      expect(r.status, JSON.stringify(bad)).toBe(400);
    }
    const r = await sec.put('/api/settings/retention', { ...DEFAULT_RETENTION, logDays: 179 });
    expect(JSON.stringify(r.body.error)).toContain('不能少于 180 天');
    expect((await sec.get<RetentionView>('/api/settings/retention')).body.data!.settings).toEqual(
      DEFAULT_RETENTION,
    );
  });

  it('the security administrator saves the settings with an audit row', async () => {
    const sec = await api.loginAs('secadmin');
    const next = { ...DEFAULT_RETENTION, logDays: 365, letterYears: 5 };
    const r = await sec.put<RetentionView>('/api/settings/retention', next);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.data!.settings).toEqual(next);
    const [row] = await db().select().from(auditLog).where(eq(auditLog.action, 'system.retention.update'));
    expect(row).toMatchObject({ username: 'secadmin', objectId: 'retention', result: 'success' });
    expect(JSON.parse(row!.detail!).after).toEqual(next);
    // Back to the defaults for the purge tests.
    expect((await sec.put('/api/settings/retention', DEFAULT_RETENTION)).status).toBe(200);
  });
});

describe('the daily purge', () => {
  let NOW: Date;
  let today: string;
  let fgwUnit: string;
  let office: Client;
  const ids: Record<string, string> = {};
  let proofFileId: string;
  let reportBefore: unknown;
  let year: number;
  let ageRows: Record<number, number>;
  let loginAgeRows: Record<number, number>;
  let run: { ran: boolean; result?: Record<string, unknown> };

  const job = () => registeredJobs().find((j) => j.name === RETENTION_JOB)!;
  const report = async () => {
    const r = await office.get<ReportView>(`/api/reports/${fgwUnit}/${year}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body.data!.report;
  };

  beforeAll(async () => {
    office = await api.loginAs('office');
    fgwUnit = (await db().select().from(units).where(eq(units.name, '区发展改革委')))[0]!.id;
    // The fake "now": noon (China time) of the day 400 days after the newest log record, whatever today's date and
    // time are (at 23:xx an hour later would be the next day, and the daily job would rightly run again).
    const newest = await db().execute<{ t: Date }>(
      sql`SELECT greatest((SELECT max(at) FROM audit_log), (SELECT max(at) FROM login_log)) AS t`,
    );
    const newestAt = new Date(newest.rows[0]!.t);
    NOW = new Date(`${chinaDate(new Date(newestAt.getTime() + 400 * DAY))}T12:00:00+08:00`);
    today = chinaDate(NOW);
    // A checkpoint of the heads as they stand (its records will be purged: they are 400 days old).
    api.clock.set(new Date(newestAt.getTime() + 60_000));
    expect(await writeCheckpoint(platform())).not.toBeNull();

    // Log records 181, 180 and 179 days before NOW, in chain order.
    ageRows = {};
    loginAgeRows = {};
    for (const age of [181, 180, 179]) {
      const at = new Date(NOW.getTime() - age * DAY);
      await db().transaction((tx) =>
        audit(tx, systemActor('test'), { action: `test.age.${age}`, objectType: 't' }, at),
      );
      ageRows[age] = (
        await db()
          .select()
          .from(auditLog)
          .where(eq(auditLog.action, `test.age.${age}`))
      )[0]!.seq;
      const [l] = await db()
        .insert(loginLog)
        .values({ username: `age${age}`, result: 'unknown_user', at })
        .returning();
      loginAgeRows[age] = l!.id;
    }

    // Closed cases: one past retention (with an identity proof), one exactly at it; an open old case.
    const cutoff = closedCutoff(today, DEFAULT_RETENTION.requestYears);
    const dayBefore = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) - DAY).toISOString().slice(0, 10);
    year = Number(cutoff.slice(0, 4));
    const [proof] = await db()
      .insert(files)
      .values({ name: '身份证.png', mime: 'image/png', size: 3, sha256: 'x', content: 'AAAA' })
      .returning();
    proofFileId = proof!.id;
    const applicant = (i: string) => ({
      name: `张${i}`,
      idType: 'id_card' as const,
      idNumber: `gk1:sealed-${i}`,
      phone: `gk1:phone-${i}`,
      email: `a${i}@example.cn`,
      address: `gk1:addr-${i}`,
      contactPerson: null,
    });
    const caseRow = (
      key: string,
      status: 'closed' | 'running',
      receivedOn: string,
      closedOn: string | null,
    ) => ({
      caseNo: `RT-${key}`,
      queryCode: `RETENTION${key}`,
      unitId: fgwUnit,
      channel: 'in_person',
      applicantKind: 'natural_person' as const,
      applicant: applicant(key),
      applicantKey: `h:${key}`,
      description: `信息${key}${WRITTEN}`,
      deliveryForm: 'paper',
      deliveryChannel: 'mail',
      receivedOn,
      receiptRule: 'test',
      receiptConfirmedBy: 'test',
      status,
      outcome: status === 'closed' ? ('r1' as const) : null,
      closedOn,
      onTime: status === 'closed' ? true : null,
    });
    const inserted = await db()
      .insert(requestCases)
      .values([
        { ...caseRow('old', 'closed', `${year - 1}-12-01`, dayBefore(cutoff)), idProofFileId: proofFileId },
        caseRow('edge', 'closed', `${year - 1}-12-02`, cutoff),
        caseRow('open', 'running', `${year - 1}-12-03`, null),
      ])
      .returning();
    for (const r of inserted) ids[r.caseNo] = r.id;

    // A replied letter past retention and one just inside; a consultation and a call each side.
    let [box] = await db().select().from(mailboxes).limit(1);
    if (!box)
      [box] = await db()
        .insert(mailboxes)
        .values({ kind: 'unit', name: '测试信箱', unitId: fgwUnit })
        .returning();
    const letter = (key: string, repliedOn: string) => ({
      letterNo: `XX-${key}`,
      queryCode: `LETTER${key}`,
      mailboxId: box!.id,
      type: 'consult' as const,
      subject: `来信${key}`,
      body: `正文${WRITTEN}`,
      writerName: `gk1:name-${key}`,
      writerPhone: `gk1:phone-${key}`,
      writerIdNo: `gk1:id-${key}`,
      writerKey: `k-${key}`,
      unitId: fgwUnit,
      status: 'replied' as const,
      receivedOn: dayBefore(repliedOn),
      replyDue: repliedOn,
      reply: '答复',
      repliedOn,
    });
    const ls = await db()
      .insert(letters)
      .values([letter('old', dayBefore(cutoff)), letter('edge', cutoff)])
      .returning();
    for (const l of ls) ids[l.letterNo] = l.id;
    const consult = (key: string, status: 'answered' | 'open', answeredOn: string | null) => ({
      consultNo: `ZX-${key}`,
      queryCode: `CONSULT${key}`,
      channel: 'phone' as const,
      question: `问题${WRITTEN}`,
      askerName: `李${key}`,
      askerContact: `gk1:contact-${key}`,
      unitId: fgwUnit,
      status,
      receivedOn: `${year - 1}-11-01`,
      answerDue: `${year - 1}-11-08`,
      answeredOn,
    });
    const cs = await db()
      .insert(consultations)
      .values([consult('old', 'answered', dayBefore(cutoff)), consult('open', 'open', null)])
      .returning();
    for (const c of cs) ids[c.consultNo] = c.id;
    const call = (key: string, status: 'answered' | 'open', calledOn: string) => ({
      callNo: `LD-${key}`,
      channel: 'local' as const,
      calledAt: new Date(`${calledOn}T10:00:00+08:00`),
      callerName: `gk1:name-${key}`,
      callerPhone: `gk1:phone-${key}`,
      question: `来电${WRITTEN}`,
      unitId: fgwUnit,
      status,
      source: 'manual' as const,
    });
    const ks = await db()
      .insert(calls)
      .values([
        call('old', 'answered', dayBefore(cutoff)),
        call('edge', 'answered', cutoff),
        call('open', 'open', dayBefore(cutoff)),
      ])
      .returning();
    for (const k of ks) ids[k.callNo] = k.id;

    api.clock.set(NOW);
    // Passwords set 400 fake days ago would have to be changed first (forced rotation): as if changed today.
    await db().update(users).set({ passwordChangedAt: NOW });
    office = await api.loginAs('office');
    // Sessions and one-time tokens: expired two days ago (deleted), expired within the day's grace, still valid.
    const [someone] = await db().select().from(users).limit(1);
    const ago = (h: number) => new Date(NOW.getTime() - h * 3_600_000);
    await db()
      .insert(sessions)
      .values([
        { idHash: 'rt-idle', userId: someone!.id, csrfToken: 'x', createdAt: ago(49), lastSeenAt: ago(49) },
        { idHash: 'rt-grace', userId: someone!.id, csrfToken: 'x', createdAt: ago(12), lastSeenAt: ago(12) },
      ]);
    await db()
      .insert(authTokens)
      .values([
        { idHash: 'rt-old', kind: 'challenge', subject: 's', expiresAt: ago(48) },
        { idHash: 'rt-grace', kind: 'challenge', subject: 's', expiresAt: ago(1) },
        { idHash: 'rt-live', kind: 'mfa', subject: 's', expiresAt: ago(-1) },
      ]);
    reportBefore = await report();
    run = await runJobOnce(api.tdb.database, job(), NOW);
  });

  it('clears the personal data of records closed before the retention; younger and open ones keep theirs; the annual report is unchanged; credentials expired over a day ago go', async () => {
    expect(run.ran).toBe(true);
    const cases = Object.fromEntries(
      (await db().select().from(requestCases))
        .filter((c) => c.caseNo.startsWith('RT-'))
        .map((c) => [c.caseNo, c]),
    );
    expect(cases['RT-old']!.applicant).toEqual({
      name: PURGED_MARK,
      idType: 'id_card',
      idNumber: '',
      phone: '',
      email: null,
      address: null,
      contactPerson: null,
    });
    expect(cases['RT-old']!.applicantKey).toBe(`purged:${ids['RT-old']}`);
    expect(cases['RT-old']!.idProofFileId).toBeNull();
    expect(await db().select().from(files).where(eq(files.id, proofFileId))).toEqual([]);
    // The case itself stays: number, status, outcome, dates.
    expect(cases['RT-old']).toMatchObject({ status: 'closed', outcome: 'r1', caseNo: 'RT-old' });
    expect(cases['RT-edge']!.applicant.name).toBe('张edge');
    expect(cases['RT-edge']!.applicant.idNumber).toBe('gk1:sealed-edge');
    expect(cases['RT-open']!.applicant.phone).toBe('gk1:phone-open');
    expect(await report()).toEqual(reportBefore);

    const ls = Object.fromEntries((await db().select().from(letters)).map((l) => [l.letterNo, l]));
    expect(ls['XX-old']).toMatchObject({
      writerName: PURGED_MARK,
      writerPhone: null,
      writerIdNo: null,
      writerKey: null,
      reply: '答复',
    });
    expect(ls['XX-edge']).toMatchObject({ writerName: 'gk1:name-edge', writerPhone: 'gk1:phone-edge' });
    const cs = Object.fromEntries((await db().select().from(consultations)).map((c) => [c.consultNo, c]));
    expect(cs['ZX-old']).toMatchObject({ askerName: PURGED_MARK, askerContact: null });
    expect(cs['ZX-open']).toMatchObject({ askerName: '李open', askerContact: 'gk1:contact-open' });
    const ks = Object.fromEntries((await db().select().from(calls)).map((k) => [k.callNo, k]));
    expect(ks['LD-old']).toMatchObject({ callerName: PURGED_MARK, callerPhone: null });
    expect(ks['LD-edge']).toMatchObject({ callerName: 'gk1:name-edge', callerPhone: 'gk1:phone-edge' });
    expect(ks['LD-open']).toMatchObject({ callerName: 'gk1:name-open', callerPhone: 'gk1:phone-open' });
    // What citizens wrote keeps its subject and loses the personal data they put in it (the younger ones keep it).
    const free = [
      cases['RT-old']!.description,
      ls['XX-old']!.body,
      cs['ZX-old']!.question,
      ks['LD-old']!.question,
    ];
    expect(free.map((t) => t.slice(0, 2))).toEqual(['信息', '正文', '问题', '来电']);
    for (const t of free) {
      expect(t).not.toContain('11010519491231002X');
      expect(t.replace(/\s/g, '')).not.toContain('13912345678');
      expect(t).not.toContain('12号3栋');
    }
    expect(cases['RT-edge']!.description).toBe(`信息edge${WRITTEN}`);
    expect(ls['XX-edge']!.body).toBe(`正文${WRITTEN}`);
    expect(cs['ZX-open']!.question).toBe(`问题${WRITTEN}`);
    expect(run.result).toMatchObject({ requestCases: 1, letters: 1, consultations: 1, calls: 1 });

    // Credentials: only those expired for longer than a day went.
    const left = (await db().select().from(sessions)).map((x) => x.idHash);
    expect(left).toContain('rt-grace');
    expect(left).not.toContain('rt-idle');
    expect((await db().select().from(authTokens)).map((x) => x.idHash).sort()).toEqual([
      'rt-grace',
      'rt-live',
    ]);
    expect(run.result!.sessions).toBeGreaterThanOrEqual(1);
    expect(run.result!.tokens).toBe(1);

    // The purged case still opens in the console.
    const fgw = await api.loginAs('fgw_liaison');
    const detail = await fgw.get<{ applicant: { name: string } }>(`/api/requests/cases/${ids['RT-old']}`);
    expect(detail.status, JSON.stringify(detail.body)).toBe(200);
    expect(detail.body.data!.applicant.name).toBe(PURGED_MARK);
  });

  it('log records 181 days old go, 180 and 179 stay; the chains and the signed checkpoints still verify', async () => {
    const seqs = new Set((await db().select({ s: auditLog.seq }).from(auditLog)).map((r) => r.s));
    expect(seqs.has(ageRows[181]!)).toBe(false);
    expect(seqs.has(ageRows[180]!)).toBe(true);
    expect(seqs.has(ageRows[179]!)).toBe(true);
    // Nothing before the 181-day row is left either (a chain loses a prefix), nothing younger went.
    expect(Math.min(...seqs)).toBe(ageRows[180]);
    const logins = new Set((await db().select({ id: loginLog.id }).from(loginLog)).map((r) => r.id));
    expect(logins.has(loginAgeRows[181]!)).toBe(false);
    expect(logins.has(loginAgeRows[180]!)).toBe(true);
    expect(logins.has(loginAgeRows[179]!)).toBe(true);
    expect(Math.min(...logins)).toBe(loginAgeRows[180]);
    expect(run.result!.auditRows).toBeGreaterThanOrEqual(1);
    expect(run.result!.loginRows).toBeGreaterThanOrEqual(1);
    expect(run.result!.logsSkipped).toBeNull();

    expect(await verifyAuditChain(api.tdb.database)).toMatchObject({ ok: true });
    const v = await verifyAuditTrail(api.tdb.database, cpFiles);
    expect(v.problems).toEqual([]);
    expect(v.ok).toBe(true);
    expect(v.message).toContain(`此前按保存期限清理 ${run.result!.auditRows} 条`);
    // A checkpoint after the purge counts the removed records too, and verifies.
    expect(await writeCheckpoint(platform())).not.toBeNull();
    expect((await verifyAuditTrail(api.tdb.database, cpFiles)).ok).toBe(true);
  });

  it('writes one audit record per run with its counts; the next day the 180-day record (now 181) goes', async () => {
    const first = await purgeRows();
    expect(first).toHaveLength(1);
    const detail = JSON.parse(first[0]!.detail!) as { run: RetentionRun };
    expect(detail.run).toEqual(run.result);
    expect(first[0]).toMatchObject({ username: 'retention', result: 'success', objectId: today });
    // The same day again: the job does not run twice.
    expect((await runJobOnce(api.tdb.database, job(), new Date(NOW.getTime() + 3_600_000))).ran).toBe(false);
    expect(await purgeRows()).toHaveLength(1);

    const next = await runJobOnce(api.tdb.database, job(), new Date(NOW.getTime() + DAY));
    expect(next.ran).toBe(true);
    // One day on, what was exactly at the limit is past it: the 180-day log records and the case, letter and
    // call closed exactly three years before NOW.
    expect(next.result).toMatchObject({
      auditRows: 1,
      loginRows: 1,
      requestCases: 1,
      letters: 1,
      consultations: 0,
      calls: 1,
    });
    expect(await purgeRows()).toHaveLength(2);
    const seqs = new Set((await db().select({ s: auditLog.seq }).from(auditLog)).map((r) => r.s));
    expect(seqs.has(ageRows[180]!)).toBe(false);
    expect(seqs.has(ageRows[179]!)).toBe(true);
    expect((await verifyAuditTrail(api.tdb.database, cpFiles)).ok).toBe(true);

    const sec = await api.loginAs('secadmin');
    const view = (await sec.get<RetentionView>('/api/settings/retention')).body.data!;
    expect(view.lastRun).toEqual(next.result);
  });

  it('without the owner role the logs are left alone and the run says why', async () => {
    const before = (await db().select({ n: sql<number>`count(*)::int` }).from(auditLog))[0]!.n;
    const r = await runRetentionPurge(api.platform, new Date(NOW.getTime() + 30 * DAY), app);
    expect(r).toMatchObject({ auditRows: 0, loginRows: 0 });
    expect(r.logsSkipped).toContain('属主');
    // Its own audit record is the only change to the log, and the chain still verifies from the old anchor.
    expect((await db().select({ n: sql<number>`count(*)::int` }).from(auditLog))[0]!.n).toBe(before + 1);
    expect((await verifyAuditTrail(api.tdb.database, cpFiles)).ok).toBe(true);
  });

  it('a purge of records younger than 180 days is exposed by the verifier, whatever the anchor claims', async () => {
    const t = (days: number) => new Date(NOW.getTime() + days * DAY);
    const append = (action: string, at: Date) =>
      db().transaction((tx) => audit(tx, systemActor('test'), { action, objectType: 't' }, at));
    // A record 11 days old at the insider's purge, signed by a checkpoint; then a newer one.
    await append('test.young', t(20));
    api.clock.set(new Date(t(20).getTime() + 60_000));
    expect(await writeCheckpoint(platform())).not.toBeNull();
    await append('test.newest', t(31));
    // The owner (as an insider would) deletes everything but the newest record and writes an anchor that claims
    // a 200-day cut-off.
    await db().transaction(async (tx) => {
      const logs = await purgeLogs(tx, t(31));
      const forged = (a: typeof logs.anchors.audit) => ({ ...a, before: t(31 - 200).toISOString() });
      await audit(
        tx,
        systemActor('retention'),
        {
          action: 'audit.purge',
          objectType: 'retention',
          raw: true,
          detail: { anchors: { audit: forged(logs.anchors.audit), login: forged(logs.anchors.login) } },
        },
        t(31),
      );
    });
    expect((await db().select().from(auditLog).where(eq(auditLog.action, 'test.young'))).length).toBe(0);
    const forged = await verifyAuditTrail(api.tdb.database, cpFiles);
    expect(forged.ok).toBe(false);
    expect(forged.problems.join('\n')).toContain('在保存期限内被删除');
    expect(forged.problems.join('\n')).not.toContain('不足 180 天');
    // An anchor that states its 10-day cut-off honestly is refused on that alone.
    await db().transaction(async (tx) => {
      const logs = await purgeLogs(tx, t(21));
      const honest = (a: typeof logs.anchors.audit) => ({ ...a, before: t(21).toISOString() });
      await audit(
        tx,
        systemActor('retention'),
        {
          action: 'audit.purge',
          objectType: 'retention',
          raw: true,
          detail: { anchors: { audit: honest(logs.anchors.audit), login: honest(logs.anchors.login) } },
        },
        t(31),
      );
    });
    const honest = await verifyAuditTrail(api.tdb.database, cpFiles);
    expect(honest.problems.join('\n')).toContain('删除了不足 180 天的记录');
  });
});
