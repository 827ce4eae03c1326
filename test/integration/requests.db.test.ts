// 依申请公开 end to end through the API and the portal: intake, Art. 31 receipt, the clock (REGULATIONS §9.2
// vectors), every action and forbidden transition, unit scopes, letters (.docx opened and read), auto-close.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Paged } from '../../src/contracts/api';
import type { CaseDetail, CaseSummary, RequestStats } from '../../src/contracts/requests';
import { loadBuiltinCalendarYears } from '../../src/domain/calendar';
import { notifications, requestCases, units, users } from '../../src/server/db/schema';
import { remindReports } from '../../src/server/modules/reports/reminders';
import { closeLapsedCases } from '../../src/server/modules/requests/lapse';
import { remindDueCases } from '../../src/server/modules/requests/reminders';
import { deleteCalendarOverride, putCalendarYear } from '../../src/server/platform/calendar/service';
import { systemActor } from '../../src/server/platform/context';
import { blocksToText, readDocx } from '../../src/server/platform/documents';
import { type Client, setupApi, type TestApi } from '../api';
import { applyOnPortal } from '../portal-apply';

let api: TestApi;
let office: Client;
let fgw: Client;
let jw: Client;
let auditor: Client;
let fgwUnit: string;
let jwUnit: string;

const at = (d: string) => new Date(`${d}T10:00:00+08:00`);

/** Moves the clock to 10:00 China time on `d` and logs in again (sessions expire when idle). */
let current = '';
const loggedOn: Record<string, string> = {};
async function day(d: string): Promise<void> {
  api.clock.set(at(d));
  // Logging in again only when the day changes keeps under the login rate limit.
  if (d === current) return;
  current = d;
  fgw = await api.loginAs('fgw_liaison');
}
/** office / jw_liaison with a session valid on the current day (logged in lazily). */
async function fresh(who: 'office' | 'jw'): Promise<Client> {
  if (loggedOn[who] !== current) {
    loggedOn[who] = current;
    if (who === 'office') office = await api.loginAs('office');
    else jw = await api.loginAs('jw_liaison');
  }
  return who === 'office' ? office : jw;
}

async function unitId(name: string): Promise<string> {
  return (await api.tdb.database.db.select().from(units).where(eq(units.name, name)))[0]!.id;
}

// 11010519491231002X: the GB 11643 example number (valid check digit).
const person = {
  kind: 'natural_person',
  name: '张三',
  idType: 'id_card',
  idNumber: '11010519491231002X',
  phone: '13800138000',
};

function staffBody(over: Record<string, unknown> = {}) {
  return {
    unitId: fgwUnit,
    applicant: person,
    description: '2025年区发展改革委重大项目清单',
    deliveryForm: 'electronic',
    deliveryChannel: 'email',
    channel: 'in_person',
    handedInOn: '2026-03-02',
    ...over,
  };
}

async function register(c: Client, over: Record<string, unknown> = {}): Promise<string> {
  const r = await c.post<{ id: string }>('/api/requests/cases', staffBody(over));
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.data!.id;
}

async function act(c: Client, id: string, body: Record<string, unknown>) {
  return c.post<CaseDetail>(`/api/requests/cases/${id}/actions`, body);
}

const portalApply = (values: Record<string, string>, file?: File) =>
  applyOnPortal(api.anon(), values, { file });

beforeAll(async () => {
  api = await setupApi();
  office = await api.loginAs('office');
  fgw = await api.loginAs('fgw_liaison');
  jw = await api.loginAs('jw_liaison');
  auditor = await api.loginAs('auditor');
  fgwUnit = await unitId('区发展改革委');
  jwUnit = await unitId('区教委');
});
afterAll(() => api.close());

describe('access', () => {
  it('401 without a session, 403 without the permission', async () => {
    expect((await api.anon().get('/api/requests/cases')).status).toBe(401);
    expect((await api.anon().post('/api/requests/cases', staffBody())).status).toBe(401);
    expect((await auditor.get('/api/requests/cases')).status).toBe(403);
    expect((await auditor.post('/api/requests/cases', staffBody())).status).toBe(403);
    expect((await auditor.get('/api/requests/stats?year=2026')).status).toBe(403);
  });

  it('404 for another unit (as for an unknown ID): register, read, act, generate letters', async () => {
    expect((await fgw.post('/api/requests/cases', staffBody({ unitId: jwUnit }))).status).toBe(404);
    const id = await register(fgw, { description: '范围测试' });
    expect((await jw.get(`/api/requests/cases/${id}`)).status).toBe(404);
    expect(
      (await act(jw, id, { action: 'request_correction', date: '2026-03-02', missing: 'x' })).status,
    ).toBe(404);
    expect(
      (await jw.post(`/api/requests/cases/${id}/letters`, { kind: 'correction', date: '2026-03-02' })).status,
    ).toBe(404);
    const list = await jw.get<Paged<CaseSummary>>('/api/requests/cases');
    expect(list.body.data!.items.some((c) => c.id === id)).toBe(false);
    const all = await office.get<Paged<CaseSummary>>('/api/requests/cases');
    expect(all.body.data!.items.some((c) => c.id === id)).toBe(true);
  });
});

describe('staff intake (Art. 31, REGULATIONS APP-2, APP-7)', () => {
  it.each([
    [{ channel: 'in_person', handedInOn: '2026-03-02' }, '2026-03-02'],
    [{ channel: 'registered_mail', signedForOn: '2026-02-27', handedInOn: null }, '2026-02-27'],
    [
      { channel: 'ordinary_mail', arrivedOn: '2026-02-27', confirmedOn: '2026-02-27', handedInOn: null },
      '2026-02-27',
    ],
    [
      { channel: 'fax', submittedOn: '2026-02-25', confirmedOn: '2026-02-26', handedInOn: null },
      '2026-02-26',
    ],
  ])('%o → receipt %s, with who confirmed it', async (over, receipt) => {
    const id = await register(fgw, { ...over, description: `渠道 ${JSON.stringify(over)}` });
    const d = (await fgw.get<CaseDetail>(`/api/requests/cases/${id}`)).body.data!;
    expect(d.receivedOn).toBe(receipt);
    expect(d.receiptConfirmedBy).toBe('fgw_liaison');
    expect(d.receiptRule).toMatch(/条例第三十一条/);
  });

  // Issue 13 part 7 (a deliberate change): a 平信 confirmed late is taken, dated the confirmation day, flagged.
  it('平信 confirmed a day late → receipt is the confirmation day, the late confirmation recorded', async () => {
    const id = await register(fgw, {
      channel: 'ordinary_mail',
      handedInOn: null,
      arrivedOn: '2026-02-27',
      confirmedOn: '2026-02-28',
      description: '平信晚确认',
    });
    const d = (await fgw.get<CaseDetail>(`/api/requests/cases/${id}`)).body.data!;
    expect(d.receivedOn).toBe('2026-02-28');
    expect(d.receiptRule).toContain('未在信函到达当日（2026-02-27）确认，晚 1 天确认');
  });

  it('APP-7: receipt 2026-02-10 → correction notice by 2026-02-26, reply due 2026-03-16', async () => {
    const id = await register(fgw, {
      channel: 'registered_mail',
      handedInOn: null,
      signedForOn: '2026-02-10',
      description: 'APP-7',
    });
    const d = (await fgw.get<CaseDetail>(`/api/requests/cases/${id}`)).body.data!;
    expect(d.dueDates.correctionNoticeDue).toBe('2026-02-26');
    expect(d.replyDue).toBe('2026-03-16');
    expect(d.trace.join('\n')).toMatch(/春节|放假/);
    // Today is 2026-03-02: past the correction-notice deadline, so 告知补正 is no longer offered.
    expect(d.allowedActions).not.toContain('request_correction');
    expect(d.allowedActions).toContain('reply');
  });

  it.each([
    [{ applicant: { ...person, idNumber: '110105194912310021' } }, '校验位'],
    [{ handedInOn: '2026-03-03' }, '晚于今天'],
    [{ handedInOn: '2026-02-30' }, '日期不存在'],
    [{ applicant: { ...person, phone: '' } }, '联系电话'],
    [{ deliveryForm: 'carrier_pigeon' }, '获取信息的形式无效'],
    [
      { channel: 'ordinary_mail', handedInOn: null, arrivedOn: '2026-02-27', confirmedOn: '2026-02-26' },
      '早于信函到达日期',
    ],
    [{ channel: 'fax', handedInOn: null }, '双方确认'],
    [
      { applicant: { ...person, kind: 'commercial', idType: 'credit_code', idNumber: '123' } },
      '统一社会信用代码',
    ],
  ])('400 %o', async (over, msg) => {
    const before = (await api.tdb.database.db.select().from(requestCases)).length;
    const r = await fgw.post('/api/requests/cases', staffBody(over));
    expect(r.status).toBe(400);
    expect(r.body.error!.message).toContain(msg);
    expect((await api.tdb.database.db.select().from(requestCases)).length).toBe(before);
  });

  it('flags a duplicate of an open case of the same applicant', async () => {
    const a = await register(fgw, { description: '重复检测：某某文件' });
    const r = await fgw.post<{ duplicateOf: string | null }>(
      '/api/requests/cases',
      staffBody({ description: '重复检测：某某文件。' }),
    );
    expect(r.body.data!.duplicateOf).toBe(a);
  });
});

describe('a case from correction to a 部分公开 letter', () => {
  let id: string;
  it('registers on 2026-03-02: reply due 2026-03-30 (20 working days, March has no holiday)', async () => {
    await day('2026-03-02');
    id = await register(fgw, { description: '某路段改造项目的批复文件' });
    const d = (await fgw.get<CaseDetail>(`/api/requests/cases/${id}`)).body.data!;
    expect(d.status).toBe('running');
    expect(d.replyDue).toBe('2026-03-30');
    expect(d.allowedActions).toEqual(
      expect.arrayContaining(['request_correction', 'extend', 'charge_fee', 'reply']),
    );
  });

  it('correction: pauses the case; a second notice and a reply are refused', async () => {
    await day('2026-03-03');
    const r = await act(fgw, id, {
      action: 'request_correction',
      date: '2026-03-03',
      correctBy: '2026-03-13',
      missing: '请写明批复文件的文号或年份',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.data!.status).toBe('awaiting_correction');
    expect(r.body.data!.replyDue).toBeNull();
    const again = await act(fgw, id, { action: 'request_correction', date: '2026-03-03', missing: 'x' });
    expect(again.status).toBe(400);
    expect(again.body.error!.message).toContain('一次性');
    const reply = await act(fgw, id, {
      action: 'reply',
      date: '2026-03-03',
      outcome: 'r1',
      legalBasis: 'art36_1',
    });
    expect(reply.status).toBe(400);
  });

  it('APP-8: the corrected application restarts the clock (2026-03-05 → due 2026-04-02)', async () => {
    await day('2026-03-05');
    const r = await act(fgw, id, { action: 'receive_correction', date: '2026-03-05' });
    expect(r.status).toBe(200);
    expect(r.body.data!.status).toBe('running');
    expect(r.body.data!.replyDue).toBe('2026-04-02');
  });

  it('APP-10: the clerk asks, the 工作机构负责人 approves; at most 20 days, only once; 5 days skip 清明 → 2026-04-10', async () => {
    expect((await act(fgw, id, { action: 'extend', days: 5, reason: '' })).status).toBe(400);
    const tooLong = await act(fgw, id, { action: 'extend', days: 21, reason: '涉及多个科室' });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error!.message).toContain('20 个工作日');
    const asked = await act(fgw, id, { action: 'extend', days: 5, reason: '涉及多个科室' });
    expect(asked.status).toBe(200);
    // Only a request: the due date has not moved until the approver decides.
    expect(asked.body.data!.replyDue).toBe('2026-04-02');
    expect(asked.body.data!.extensionRequest?.status).toBe('pending');
    // The clerk cannot approve the extension himself.
    expect(
      (
        await fgw.post(`/api/requests/cases/${id}/extension-decision`, {
          decision: 'approve',
          notifiedOn: '2026-03-05',
        })
      ).status,
    ).toBe(403);
    const leader = await api.loginAs('leader');
    const ok = await leader.post<CaseDetail>(`/api/requests/cases/${id}/extension-decision`, {
      decision: 'approve',
      notifiedOn: '2026-03-05',
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.data!.replyDue).toBe('2026-04-10');
    expect(ok.body.data!.trace.join('\n')).toContain('2026-04-10');
    const second = await act(fgw, id, { action: 'extend', days: 1, reason: '再延' });
    expect(second.status).toBe(400);
    expect(second.body.error!.message).toContain('只能一次');
  });

  it('the wrong basis for an outcome is refused', async () => {
    const r = await act(fgw, id, {
      action: 'reply',
      date: '2026-03-05',
      outcome: 'r2',
      legalBasis: 'art14_secret',
    });
    expect(r.status).toBe(400);
    expect(r.body.error!.message).toContain('不对应');
  });

  it('replies 部分公开 and generates the letters; a contradictory letter type is refused', async () => {
    await day('2026-03-06');
    const r = await act(fgw, id, {
      action: 'reply',
      date: '2026-03-06',
      outcome: 'r2',
      legalBasis: 'art37',
      replyText: '批复文件附件中的个人信息已作遮盖处理。',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.data!.status).toBe('closed');
    expect(r.body.data!.onTime).toBe(true);
    expect((await act(fgw, id, { action: 'extend', days: 1, reason: 'x' })).status).toBe(400);

    const wrong = await fgw.post(`/api/requests/cases/${id}/letters`, {
      kind: 'reply_withheld',
      date: '2026-03-06',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error!.message).toContain('不符');
    const fee = await fgw.post(`/api/requests/cases/${id}/letters`, { kind: 'fee', date: '2026-03-06' });
    expect(fee.status).toBe(400);

    const l1 = await fgw.post<{ id: string; version: number }>(`/api/requests/cases/${id}/letters`, {
      kind: 'reply_partial',
      date: '2026-03-06',
    });
    expect(l1.status).toBe(201);
    const l2 = await fgw.post<{ id: string; version: number }>(`/api/requests/cases/${id}/letters`, {
      kind: 'reply_partial',
      date: '2026-03-06',
    });
    expect(l2.body.data!.version).toBe(2);
    const file = await fgw.request('GET', `/api/requests/letters/${l1.body.data!.id}/download`);
    expect(file.status).toBe(200);
    const text = blocksToText(readDocx(new Uint8Array(await file.raw.arrayBuffer())));
    expect(text).toContain('政府信息公开申请答复书（部分公开）');
    expect(text).toContain('张三');
    expect(text).toContain('2026年3月2日');
    expect(text).toContain('第三十七条');
    expect(text).toContain('60日内');
    expect(text).toContain('6个月内');
    expect(text).toContain('个人信息已作遮盖处理');
    expect(text).toContain('2026年3月6日');

    for (const kind of ['correction', 'extension']) {
      const l = await fgw.post<{ id: string }>(`/api/requests/cases/${id}/letters`, {
        kind,
        date: '2026-03-06',
      });
      expect(l.status).toBe(201);
      const f = await fgw.request('GET', `/api/requests/letters/${l.body.data!.id}/download`);
      const t = blocksToText(readDocx(new Uint8Array(await f.raw.arrayBuffer())));
      if (kind === 'correction') expect(t).toContain('请写明批复文件的文号或年份');
      else expect(t).toMatch(/负责人（谢子清）同意.*延长5个工作日.*2026年4月10日/s);
    }
    const d = (await fgw.get<CaseDetail>(`/api/requests/cases/${id}`)).body.data!;
    expect(d.letters.map((l) => `${l.kind}:${l.version}`)).toEqual([
      'reply_partial:1',
      'reply_partial:2',
      'correction:1',
      'extension:1',
    ]);
    expect(d.timeline.length).toBeGreaterThanOrEqual(8);
  });

  it('records reconsideration and litigation', async () => {
    const r = await fgw.post(`/api/requests/cases/${id}/remedies`, {
      kind: 'reconsideration',
      result: 'upheld',
      filedOn: '2026-03-06',
    });
    expect(r.status).toBe(201);
    expect(
      (
        await fgw.post(`/api/requests/cases/${id}/remedies`, {
          kind: 'x',
          result: 'upheld',
          filedOn: '2026-03-06',
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await (
          await fresh('jw')
        ).post(`/api/requests/cases/${id}/remedies`, {
          kind: 'litigation',
          result: 'pending',
          filedOn: '2026-03-06',
        })
      ).status,
    ).toBe(404);
  });

  it('appears in the statistics', async () => {
    const s = (await (await fresh('office')).get<RequestStats>('/api/requests/stats?year=2026')).body.data!;
    expect(s.byFamily.find((f) => f.family === 'partial')!.count).toBeGreaterThanOrEqual(1);
    expect(s.byMonth[2]!.closed).toBeGreaterThanOrEqual(1);
    expect(s.onTimeRate).toBe(1);
  });
});

describe('consultation, fees and auto-close', () => {
  it('third-party consultation pauses the clock and resumes it', async () => {
    await day('2026-03-02');
    const id = await register(fgw, { description: '第三方测试' });
    await day('2026-03-04');
    const s = await act(fgw, id, {
      action: 'start_consultation',
      date: '2026-03-03',
      kind: 'third_party',
      party: '某公司',
    });
    expect(s.status, JSON.stringify(s.body)).toBe(200);
    expect(s.body.data!.status).toBe('paused_consultation');
    // Served 2026-03-03 → answer due add_wd(03-03, 15) = 2026-03-24.
    expect(s.body.data!.dueDates.thirdPartyAnswerDue).toBe('2026-03-24');
    const letter = await fgw.post<{ id: string }>(`/api/requests/cases/${id}/letters`, {
      kind: 'third_party',
      date: '2026-03-04',
    });
    expect(letter.status).toBe(201);
    const f = await fgw.request('GET', `/api/requests/letters/${letter.body.data!.id}/download`);
    const t = blocksToText(readDocx(new Uint8Array(await f.raw.arrayBuffer())));
    expect(t).toContain('某公司：');
    expect(t).toMatch(/15个工作日内（2026年3月24日前）/);
    expect(s.body.data!.replyDue).toBeNull();
    // 03-03 (the sending day) still counts under the default boundary: 1 of 20 used.
    expect(s.body.data!.dueDates.remainingWorkingDays).toBe(19);
    // Only one open consultation of a kind at a time.
    const twice = await act(fgw, id, {
      action: 'start_consultation',
      date: '2026-03-04',
      kind: 'third_party',
      party: 'x',
    });
    expect(twice.status).toBe(400);
    const e = await act(fgw, id, { action: 'end_consultation', date: '2026-03-04', opinion: '同意公开' });
    expect(e.body.data!.status).toBe('running');
    // Default boundary: 03-03 counts, 03-04 does not → one paused working day: 03-30 + 1 = 03-31.
    expect(e.body.data!.replyDue).toBe('2026-03-31');
  });

  it('FEE-6: fee notice served 2026-01-30 → pay by 2026-03-05; unpaid afterwards the daily job closes it as r6_2', async () => {
    await day('2026-01-30');
    const id = await register(fgw, {
      handedInOn: '2026-01-29',
      description: '收费测试',
      applicant: { ...person, name: '李四', idNumber: 'P1234567', idType: 'other' },
    });
    const piece = await act(fgw, id, { action: 'charge_fee', date: '2026-01-30', method: 'per_piece' });
    expect(piece.status).toBe(400); // first application of the month: free
    const r = await act(fgw, id, {
      action: 'charge_fee',
      date: '2026-01-30',
      method: 'per_volume',
      pages: 100,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.data!.feeAmount).toBe(700);
    expect(r.body.data!.dueDates.feePayBy).toBe('2026-03-05');
    expect(r.body.data!.status).toBe('paused_fee');
    const other = await act(fgw, id, { action: 'charge_fee', date: '2026-01-30', method: 'per_piece' });
    expect(other.status).toBe(400);
    expect(other.body.error!.message).toContain('不得再按件计收');
    const letter = await fgw.post<{ id: string }>(`/api/requests/cases/${id}/letters`, {
      kind: 'fee',
      date: '2026-01-30',
    });
    expect(letter.status).toBe(201);

    expect((await closeLapsedCases(api.tdb.database, '2026-03-05')).closed).toBe(0);
    expect((await closeLapsedCases(api.tdb.database, '2026-03-06')).closed).toBe(1);
    const [row] = await api.tdb.database.db.select().from(requestCases).where(eq(requestCases.id, id));
    expect(row!.status).toBe('closed');
    expect(row!.outcome).toBe('r6_2');
    expect(row!.closedOn).toBe('2026-03-06');
  });

  it('an expired correction closes as r6_1', async () => {
    await day('2026-03-02');
    const id = await register(fgw, { description: '补正逾期测试' });
    await act(fgw, id, {
      action: 'request_correction',
      date: '2026-03-02',
      correctBy: '2026-03-09',
      missing: '文号',
    });
    expect((await closeLapsedCases(api.tdb.database, '2026-03-09')).closed).toBe(0);
    expect((await closeLapsedCases(api.tdb.database, '2026-03-10')).closed).toBe(1);
    const [row] = await api.tdb.database.db.select().from(requestCases).where(eq(requestCases.id, id));
    expect(row!.outcome).toBe('r6_1');
  });
});

describe('forbidden transitions and the remaining actions', () => {
  it.each([
    [{ action: 'receive_correction', date: '2026-03-02' }, '未发出补正告知'],
    [{ action: 'end_consultation', date: '2026-03-02' }, '没有进行中的征求意见'],
    [{ action: 'record_fee_paid', date: '2026-03-02' }, '未发出收费通知'],
    [{ action: 'set_custom_deadline', date: '2026-06-01', reason: '数量大' }, '条例第三十五条'],
    [{ action: 'extend', days: 0, reason: '数量大' }, '至少 1 个工作日'],
    // A complete application: nothing to list by default, the clerk must say what to correct.
    [{ action: 'request_correction', date: '2026-03-02' }, '请写明需要补正的事项'],
    [{ action: 'request_correction', date: '2026-03-03', missing: '文号' }, '晚于今天'],
    [{ action: 'reply', date: '2026-03-02', outcome: 'r9' }, '办理结果无效'],
    [{ action: 'nonsense', date: '2026-03-02' }, '办理事项无效'],
  ])('400 %o', async (body, msg) => {
    await day('2026-03-02');
    const id = await register(fgw, { description: `禁止的事项 ${JSON.stringify(body)}` });
    const before = (await fgw.get<CaseDetail>(`/api/requests/cases/${id}`)).body.data!.timeline.length;
    const r = await act(fgw, id, body);
    expect(r.status).toBe(400);
    expect(r.body.error!.message).toContain(msg);
    expect((await fgw.get<CaseDetail>(`/api/requests/cases/${id}`)).body.data!.timeline.length).toBe(before);
  });

  it('fee paid resumes the clock (FEE-7: notice to payment does not count)', async () => {
    await day('2026-03-02');
    const id = await register(fgw, { description: '缴费恢复计时' });
    await day('2026-03-04');
    const n = await act(fgw, id, {
      action: 'charge_fee',
      date: '2026-03-03',
      method: 'per_volume',
      pages: 31,
    });
    expect(n.body.data!.feeAmount).toBe(10);
    expect(
      (await act(fgw, id, { action: 'reply', date: '2026-03-04', outcome: 'r1', legalBasis: 'art36_1' }))
        .status,
    ).toBe(400);
    const paid = await act(fgw, id, { action: 'record_fee_paid', date: '2026-03-04' });
    expect(paid.body.data!.status).toBe('running');
    // Pause 03-04 (one working day, default boundary) → 03-30 + 1.
    expect(paid.body.data!.replyDue).toBe('2026-03-31');
  });

  it('APP-14: excessive requests → reasons requested → a later custom deadline, or 不予处理 (r5_4)', async () => {
    await day('2026-03-02');
    const id = await register(fgw, { description: '大量申请' });
    expect((await act(fgw, id, { action: 'request_excessive_reasons', date: '2026-03-02' })).status).toBe(
      200,
    );
    const early = await act(fgw, id, { action: 'set_custom_deadline', date: '2026-03-20', reason: '数量大' });
    expect(early.status).toBe(400);
    const c = await act(fgw, id, {
      action: 'set_custom_deadline',
      date: '2026-05-29',
      reason: '申请数量大，需调取档案',
    });
    expect(c.body.data!.replyDue).toBe('2026-05-29');
    const r = await act(fgw, id, {
      action: 'reply',
      date: '2026-03-02',
      outcome: 'r5_4',
      legalBasis: 'art35',
    });
    expect(r.body.data!.outcome).toBe('r5_4');
    expect((await act(fgw, id, { action: 'request_excessive_reasons', date: '2026-03-02' })).status).toBe(
      400,
    );
  });

  it('a late reply is recorded as not on time, and its letter is refused without an extension', async () => {
    await day('2026-03-02');
    const id = await register(fgw, { description: '逾期答复' });
    await day('2026-03-31');
    const r = await act(fgw, id, {
      action: 'reply',
      date: '2026-03-31',
      outcome: 'r4_1',
      legalBasis: 'art36_4',
    });
    expect(r.body.data!.onTime).toBe(false);
    const l = await fgw.post(`/api/requests/cases/${id}/letters`, {
      kind: 'reply_unavailable',
      date: '2026-03-31',
    });
    expect(l.status).toBe(400);
    expect(l.body.error!.message).toContain('晚于答复期限 2026-03-30');
    const onTime = await fgw.post(`/api/requests/cases/${id}/letters`, {
      kind: 'reply_unavailable',
      date: '2026-03-30',
    });
    expect(onTime.status).toBe(201);
  });
});

describe('portal', () => {
  it('APP-3: online application, confirmed 2026-09-28 → due 2026-10-30; max extension → 2026-11-27', async () => {
    await day('2026-09-27');
    const res = await portalApply({
      unitId: fgwUnit,
      kind: 'natural_person',
      name: '王五',
      idType: 'id_card',
      idNumber: '11010519491231002X',
      phone: '13900139000',
      description: '国庆期间项目审批情况',
      deliveryForm: 'paper',
      deliveryChannel: 'mail',
    });
    expect(res.status, res.html.slice(0, 400)).toBe(201);
    const code = /data-testid="query-code">([A-Z0-9]+)</.exec(res.html)![1]!;
    const [row] = await api.tdb.database.db
      .select()
      .from(requestCases)
      .where(eq(requestCases.queryCode, code));
    expect(row!.status).toBe('submitted');

    const status = await (await api.anon().request('GET', `/ysqgk/query?code=${code}`)).raw.text();
    expect(status).toContain('待确认收到');
    expect(status).not.toContain('王五');
    expect(status).not.toContain('13900139000');

    await day('2026-09-28');
    expect((await act(fgw, row!.id, { action: 'extend', days: 1, reason: 'x' })).status).toBe(400);
    const c = await act(fgw, row!.id, { action: 'confirm_receipt', confirmedOn: '2026-09-28' });
    expect(c.status, JSON.stringify(c.body)).toBe(200);
    expect(c.body.data!.receivedOn).toBe('2026-09-28');
    expect(c.body.data!.replyDue).toBe('2026-10-30');
    expect((await act(fgw, row!.id, { action: 'extend', days: 20, reason: '信息量大' })).status).toBe(200);
    const x = await (await fresh('office')).post<CaseDetail>(
      `/api/requests/cases/${row!.id}/extension-decision`,
      { decision: 'approve', notifiedOn: '2026-09-28' },
    );
    expect(x.status, JSON.stringify(x.body)).toBe(200);
    expect(x.body.data!.replyDue).toBe('2026-11-27');
  });

  it('refuses a wrong challenge answer, a bad ID number and a duplicate; nothing is stored', async () => {
    const before = (await api.tdb.database.db.select().from(requestCases)).length;
    const anon = api.anon();
    const form = new FormData();
    for (const [k, v] of Object.entries({ token: '1.abc', answer: '3', unitId: fgwUnit })) form.append(k, v);
    const bad = await anon.request('POST', '/ysqgk/apply', undefined, { form });
    expect(bad.status).toBe(400);
    expect(await bad.raw.text()).toContain('验证问题');
    const id = await portalApply({
      unitId: fgwUnit,
      kind: 'natural_person',
      name: '赵六',
      idType: 'id_card',
      idNumber: '110105194912310021',
      phone: '13900139000',
      description: 'x',
      deliveryForm: 'paper',
      deliveryChannel: 'mail',
    });
    expect(id.status).toBe(400);
    expect(id.html).toContain('校验位');
    const dup = await portalApply({
      unitId: fgwUnit,
      kind: 'natural_person',
      name: '王五',
      idType: 'id_card',
      idNumber: '11010519491231002X',
      phone: '13900139000',
      description: '国庆期间项目审批情况',
      deliveryForm: 'paper',
      deliveryChannel: 'mail',
    });
    expect(dup.status).toBe(400);
    expect(dup.html).toContain('请勿重复提交');
    expect((await api.tdb.database.db.select().from(requestCases)).length).toBe(before);
  });

  it('stores the identity proof (type checked by content); only the unit can download it', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
    const res = await portalApply(
      {
        unitId: fgwUnit,
        kind: 'commercial',
        name: '某某科技有限公司',
        idType: 'credit_code',
        idNumber: '91500000MA5U000000',
        contactPerson: '钱七',
        phone: '023-12345678',
        description: '企业扶持资金拨付情况',
        deliveryForm: 'electronic',
        deliveryChannel: 'email',
      },
      new File([png], '营业执照.png'),
    );
    expect(res.status, res.html.slice(0, 300)).toBe(201);
    const code = /data-testid="query-code">([A-Z0-9]+)</.exec(res.html)![1]!;
    const [row] = await api.tdb.database.db
      .select()
      .from(requestCases)
      .where(eq(requestCases.queryCode, code));
    expect(row!.idProofFileId).not.toBeNull();
    expect(row!.applicantKind).toBe('commercial');
    const f = await fgw.request('GET', `/api/requests/cases/${row!.id}/id-proof`);
    expect(f.status).toBe(200);
    expect(f.headers.get('content-type')).toContain('image/png');
    expect((await (await fresh('jw')).request('GET', `/api/requests/cases/${row!.id}/id-proof`)).status).toBe(
      404,
    );
  });

  it('rate-limits accepted submissions per IP; a rejected form costs nothing', async () => {
    for (let i = 0; i < 6; i++) expect((await portalApply({ unitId: fgwUnit })).status).toBe(400);
    // Five accepted per hour; some were used above: keep applying until refused.
    let last = 0;
    for (let i = 0; i < 6 && last !== 429; i++)
      last = (
        await portalApply({
          unitId: fgwUnit,
          kind: 'natural_person',
          name: '赵六',
          idType: 'id_card',
          idNumber: '11010519491231002X',
          phone: '13900139000',
          description: `限流测试 ${i}`,
          deliveryForm: 'paper',
          deliveryChannel: 'mail',
        })
      ).status;
    expect(last).toBe(429);
  });
});

describe('calendar change and reminders', () => {
  it('an edited calendar recomputes open cases (extra day off 2026-03-10 → due 03-30 becomes 03-31)', async () => {
    await day('2026-03-02');
    const id = await register(fgw, { description: '日历变更测试' });
    const due = async () =>
      (await api.tdb.database.db.select().from(requestCases).where(eq(requestCases.id, id)))[0]!.replyDue;
    expect(await due()).toBe('2026-03-30');
    const y2026 = loadBuiltinCalendarYears().find((y) => y.year === 2026)!;
    await putCalendarYear(api.tdb.database, systemActor('test'), 2026, {
      ...y2026,
      holidays: [...y2026.holidays, { name: '测试假日', off: ['2026-03-10'], makeupWorkdays: [] }],
    });
    expect(await due()).toBe('2026-03-31');
    await deleteCalendarOverride(api.tdb.database, systemActor('test'), 2026);
  });

  it('reminds the unit of a due date within 3 working days, once', async () => {
    const [liaison] = await api.tdb.database.db.select().from(users).where(eq(users.username, 'fgw_liaison'));
    const mine = async () =>
      (
        await api.tdb.database.db.select().from(notifications).where(eq(notifications.userId, liaison!.id))
      ).filter((n) => n.title.includes('到期')).length;
    const before = await mine();
    expect((await remindDueCases(api.tdb.database, '2026-03-26')).sent).toBeGreaterThan(0);
    expect(await mine()).toBeGreaterThan(before);
    expect((await remindDueCases(api.tdb.database, '2026-03-26')).sent).toBe(0);
  });

  it('reminds of the annual report deadline (Art. 49) within 10 working days, once', async () => {
    // 2027-01-31 is a Sunday: the last working day before it is 2027-01-29 (weekdays only: no 2027 notice).
    expect((await remindReports(api.tdb.database, '2027-01-05')).sent).toBe(0);
    const sent = (await remindReports(api.tdb.database, '2027-01-20')).sent;
    expect(sent).toBeGreaterThan(0);
    const titles = (await api.tdb.database.db.select().from(notifications)).map((n) => n.title);
    expect(titles).toContain('区发展改革委2026年政府信息公开工作年度报告应于 2027-01-31 前公布');
    expect((await remindReports(api.tdb.database, '2027-01-21')).sent).toBe(0);
  });
});
