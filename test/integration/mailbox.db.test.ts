// Issue 11 part 4 (信箱) over HTTP: letters to the 区长信箱 routed by the office, unit scope (a unit reads and acts
// only on its own letters), transfers without loops, late replies recorded as late, reply review when the unit's
// mailbox requires it, publication only with consent, masked (never raw), blocked by a sensitive word; the monthly
// statistics and the to-dos. 401/403/400/happy path per route.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  InteractionStats,
  LetterDetail,
  LetterSummary,
  MailboxInfo,
} from '../../src/contracts/interaction';
import type { TodoGroup } from '../../src/contracts/todo';
import { auditLog, letters, units } from '../../src/server/db/schema';
import { type LetterInput, portalMailboxes, writeOnPortal } from '../../src/server/modules/interaction';
import { systemActor } from '../../src/server/platform/context';
import { putSetting } from '../../src/server/platform/settings';
import { type Client, setupApi, type TestApi } from '../api';

let api: TestApi;
let office: Client;
let officeReviewer: Client;
let fgw: Client;
let fgwReviewer: Client;
let jw: Client;
let auditor: Client;
let leader: Client;
let fgwUnit: string;
let jwUnit: string;
let head: string;
let fgwBox: string;

const unitId = async (name: string) =>
  (await api.tdb.database.db.select().from(units).where(eq(units.name, name)))[0]!.id;

let seq = 0;
/** A letter written on the portal (the portal's own test posts the form): new, or linked to an earlier one. */
function post(over: Partial<LetterInput> = {}) {
  seq++;
  return writeOnPortal(api.tdb.database, api.clock, api.platform.fieldKeys, systemActor('portal'), {
    mailboxId: head,
    type: 'complaint',
    subject: `小区夜间施工噪音扰民 ${seq}`,
    body: `红星路工地每晚施工到凌晨，第 ${seq} 次反映。`,
    writerName: '张建国',
    // One writer per letter: a writer's alike letters are linked into one (SECURITY.md 39); seq 1 is 13912345678.
    writerPhone: `139123456${77 + seq}`,
    writerIdNo: null,
    consent: true,
    ...over,
  });
}
/** A new letter. */
async function write(over: Partial<LetterInput> = {}) {
  const r = await post(over);
  if (r.linked) throw new Error(`linked to ${r.letterNo}`);
  return r;
}
const idOf = async (letterNo: string) =>
  (await api.tdb.database.db.select().from(letters).where(eq(letters.letterNo, letterNo)))[0]!.id;

const handle = (c: Client, id: string, body: Record<string, unknown>) =>
  c.post<LetterDetail | null>(`/api/interaction/letters/${id}/actions`, body);
const review = (c: Client, id: string, body: Record<string, unknown>) =>
  c.post<LetterDetail>(`/api/interaction/letters/${id}/review`, body);
const publish = (c: Client, id: string, published: boolean) =>
  c.post<LetterDetail>(`/api/interaction/letters/${id}/publication`, { published });

beforeAll(async () => {
  api = await setupApi();
  office = await api.loginAs('office');
  officeReviewer = await api.loginAs('office_reviewer');
  fgw = await api.loginAs('fgw_liaison');
  fgwReviewer = await api.loginAs('fgw_reviewer');
  jw = await api.loginAs('jw_liaison');
  auditor = await api.loginAs('auditor');
  leader = await api.loginAs('leader');
  fgwUnit = await unitId('区发展改革委');
  jwUnit = await unitId('区教委');
  const boxes = await portalMailboxes(api.tdb.database.db);
  head = boxes.find((b) => b.name === '区长信箱')!.id;
  fgwBox = boxes.find((b) => b.name === '区发展改革委信箱')!.id;
});
afterAll(() => api.close());

describe('routes: 401 and 403', () => {
  const FAKE = '00000000-0000-4000-8000-000000000000';
  it('401 without a session', async () => {
    const a = api.anon();
    expect((await a.get('/api/interaction/letters')).status).toBe(401);
    expect((await a.get(`/api/interaction/letters/${FAKE}`)).status).toBe(401);
    expect((await a.post(`/api/interaction/letters/${FAKE}/actions`, {})).status).toBe(401);
    expect((await a.post(`/api/interaction/letters/${FAKE}/review`, {})).status).toBe(401);
    expect((await a.post(`/api/interaction/letters/${FAKE}/publication`, {})).status).toBe(401);
    expect((await a.get('/api/interaction/mailboxes')).status).toBe(401);
    expect((await a.put(`/api/interaction/mailboxes/${FAKE}`, {})).status).toBe(401);
    expect((await a.get('/api/interaction/monthly?year=2026')).status).toBe(401);
  });
  it('403 without the permission', async () => {
    expect((await auditor.get('/api/interaction/letters')).status).toBe(403);
    expect((await auditor.get(`/api/interaction/letters/${FAKE}`)).status).toBe(403);
    expect((await auditor.get('/api/interaction/mailboxes')).status).toBe(403);
    expect((await auditor.get('/api/interaction/monthly?year=2026')).status).toBe(403);
    // A reviewer does not handle, a liaison does not review, a leader neither publishes nor sets mailboxes.
    expect((await fgwReviewer.post(`/api/interaction/letters/${FAKE}/actions`, {})).status).toBe(403);
    expect((await fgw.post(`/api/interaction/letters/${FAKE}/review`, {})).status).toBe(403);
    expect((await leader.post(`/api/interaction/letters/${FAKE}/publication`, {})).status).toBe(403);
    expect((await fgw.put(`/api/interaction/mailboxes/${FAKE}`, {})).status).toBe(403);
  });
});

describe('mailboxes', () => {
  it('the 区长信箱 first, then one per unit; settings are audited', async () => {
    const r = await office.get<MailboxInfo[]>('/api/interaction/mailboxes');
    expect(r.status).toBe(200);
    expect(r.body.data![0]).toMatchObject({ kind: 'head', name: '区长信箱', reviewRequired: false });
    expect(r.body.data!.find((m) => m.id === fgwBox)).toMatchObject({
      unitName: '区发展改革委',
      kind: 'unit',
    });
    const bad = await office.put(`/api/interaction/mailboxes/${fgwBox}`, {
      reviewRequired: 'yes',
      enabled: true,
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.error)).toMatch(/请选择是否需要审核答复/);
    expect(
      (
        await office.put('/api/interaction/mailboxes/00000000-0000-4000-8000-000000000000', {
          reviewRequired: true,
          enabled: true,
        })
      ).status,
    ).toBe(404);
  });
});

describe('a letter to the 区长信箱: routed by the office, answered by the unit', () => {
  let id: string;
  let code: string;
  it('arrives at the office with the 15-working-day clock; the writer data are sealed', async () => {
    // Written in January (the portal's write needs no session), so that today's reply is late.
    api.clock.set(new Date('2026-01-05T10:00:00+08:00'));
    const w = await write();
    api.clock.set(new Date('2026-03-02T09:00:00+08:00'));
    expect(w.letterNo).toMatch(/^XX2026-\d{4}$/);
    expect(w.replyDue).toBe('2026-01-26');
    id = await idOf(w.letterNo);
    code = w.queryCode;
    const [row] = await api.tdb.database.db.select().from(letters).where(eq(letters.id, id));
    expect(row!.writerPhone).not.toContain('13912345678');
    expect(row!.writerName).not.toContain('张建国');
    const list = await office.get<{ items: LetterSummary[] }>('/api/interaction/letters?status=open');
    expect(list.body.data!.items.find((l) => l.id === id)).toMatchObject({
      writerName: '张**',
      mailboxName: '区长信箱',
      status: 'open',
      overdue: true,
    });
  });

  it('unit scope: the 发展改革委 cannot read or act on it before it is routed', async () => {
    expect((await fgw.get(`/api/interaction/letters/${id}`)).status).toBe(404);
    expect((await handle(fgw, id, { action: 'reply', reply: '答复', repliedOn: '2026-03-02' })).status).toBe(
      404,
    );
    expect((await publish(fgw, id, true)).status).toBe(404);
    const list = await fgw.get<{ items: LetterSummary[] }>('/api/interaction/letters');
    expect(list.body.data!.items.map((l) => l.id)).not.toContain(id);
  });

  it.each([
    [{ action: 'forward' }, /办理事项无效/],
    [{ action: 'reply', reply: '', repliedOn: '2026-03-02' }, /请填写答复内容/],
    [{ action: 'reply', reply: '答复', repliedOn: '2026-02-30' }, /日期不存在/],
    [{ action: 'transfer', unitId: 'x', reason: '职责' }, /编号格式不正确/],
  ])('400 %o', async (body, msg) => {
    const r = await handle(office, id, body);
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body.error)).toMatch(msg);
  });

  it('the office routes it to the unit; the handler sees the writer contact (audited); loops are refused', async () => {
    const routed = await handle(office, id, {
      action: 'transfer',
      unitId: fgwUnit,
      reason: '属发展改革委职责',
    });
    expect(routed.status).toBe(200);
    const d = await fgw.get<LetterDetail>(`/api/interaction/letters/${id}`);
    expect(d.status).toBe(200);
    expect(d.body.data).toMatchObject({
      unitName: '区发展改革委',
      writerPhone: '13912345678',
      replyDue: '2026-01-26',
    });
    const audits = await api.tdb.database.db.select().from(auditLog).where(eq(auditLog.objectId, id));
    expect(audits.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'interaction.letter.write',
        'interaction.letter.transfer',
        'interaction.pii.view',
      ]),
    );
    const same = await handle(fgw, id, { action: 'transfer', unitId: fgwUnit, reason: '再议' });
    expect(same.status).toBe(400);
    expect(JSON.stringify(same.body.error)).toMatch(/不能转办给当前承办单位/);
    const on = await handle(fgw, id, { action: 'transfer', unitId: jwUnit, reason: '涉及学校' });
    expect(on.status).toBe(200);
    expect(on.body.data).toBeNull();
    const back = await handle(jw, id, { action: 'transfer', unitId: fgwUnit, reason: '不属教委职责' });
    expect(back.status).toBe(400);
    expect(JSON.stringify(back.body.error)).toMatch(/区发展改革委已将该信件转出，不能再转回/);
  });

  it('a reply after the due date is recorded as late, never refused; the writer reads it by code', async () => {
    const r = await handle(jw, id, {
      action: 'reply',
      reply: '经核查，已责令施工单位夜间停工。',
      repliedOn: '2026-03-02',
    });
    expect(r.status).toBe(200);
    expect(r.body.data).toMatchObject({ status: 'replied', onTime: false, repliedOn: '2026-03-02' });
    expect(r.body.data!.history.at(-1)!.text).toMatch(/记为逾期答复/);
    expect((await handle(jw, id, { action: 'reply', reply: '再答', repliedOn: '2026-03-02' })).status).toBe(
      400,
    );
    const { letterByQueryCode } = await import('../../src/server/modules/interaction');
    const seen = await letterByQueryCode(api.tdb.database.db, api.clock, code.toLowerCase());
    expect(seen).toMatchObject({ statusLabel: '已答复', reply: '经核查，已责令施工单位夜间停工。' });
  });
});

describe('reply review when the unit requires it', () => {
  it('the reply waits for the reviewer; return needs a reason; approval sends it', async () => {
    await office.put(`/api/interaction/mailboxes/${fgwBox}`, { reviewRequired: true, enabled: true });
    const w = await write({ mailboxId: fgwBox, type: 'consult', writerPhone: '13700001111' });
    const id = await idOf(w.letterNo);
    const drafted = await handle(fgw, id, { action: 'reply', reply: '可以申请。', repliedOn: '2026-03-02' });
    expect(drafted.body.data).toMatchObject({ status: 'reviewing', draftReply: '可以申请。', reply: null });
    expect(drafted.body.data!.allowedActions).toEqual(['approve', 'return']);
    const noReason = await review(fgwReviewer, id, { action: 'return' });
    expect(noReason.status).toBe(400);
    expect(JSON.stringify(noReason.body.error)).toMatch(/请填写退回理由/);
    const returned = await review(fgwReviewer, id, { action: 'return', note: '请写明政策依据' });
    expect(returned.body.data).toMatchObject({ status: 'open', reviewNote: '请写明政策依据' });
    await handle(fgw, id, {
      action: 'reply',
      reply: '依据某某办法第三条，可以申请。',
      repliedOn: '2026-03-02',
    });
    // A reviewer of another unit cannot act on it; the office reviewer (all units) or the unit's reviewer can.
    const ok = await review(fgwReviewer, id, { action: 'approve' });
    expect(ok.status).toBe(200);
    expect(ok.body.data).toMatchObject({
      status: 'replied',
      onTime: true,
      reply: '依据某某办法第三条，可以申请。',
    });
    expect((await review(officeReviewer, id, { action: 'approve' })).status).toBe(400);
    await office.put(`/api/interaction/mailboxes/${fgwBox}`, { reviewRequired: false, enabled: true });
  });
});

describe('publication', () => {
  const fullOfData = {
    mailboxId: '',
    subject: '张建国反映红星路88号噪音',
    body: '我叫张建国，身份证510104198001011234，电话13912345678，住址锦江区红星路88号3栋2单元501室。每晚施工。',
    writerIdNo: '510104198001011234',
    writerPhone: '13912345678',
  };
  async function replied(
    over: Partial<LetterInput>,
    reply = '已责令整改，如有问题请致电张建国本人13912345678核实。',
  ) {
    const w = await write({ ...fullOfData, mailboxId: fgwBox, ...over });
    const id = await idOf(w.letterNo);
    const r = await handle(fgw, id, { action: 'reply', reply, repliedOn: '2026-03-02' });
    expect(r.body.data!.status).toBe('replied');
    return id;
  }

  it('a letter full of personal data marked 同意公开 is published masked, never raw', async () => {
    const id = await replied({});
    const before = await fgw.get<LetterDetail>(`/api/interaction/letters/${id}`);
    expect(before.body.data!.publication).toMatchObject({ ok: true, reasons: [] });
    const r = await publish(fgw, id, true);
    expect(r.status).toBe(200);
    expect(r.body.data!.published).toBe(true);
    const [row] = await api.tdb.database.db.select().from(letters).where(eq(letters.id, id));
    const shown = `${row!.publishedSubject}${row!.publishedBody}${row!.publishedReply}`;
    for (const raw of ['张建国', '510104198001011234', '13912345678', '红星路88号'])
      expect(shown).not.toContain(raw);
    expect(shown).toContain('每晚施工');
    expect(row!.publishedSubject).toBe('张**反映红星路******噪音');
    const withdrawn = await publish(fgw, id, false);
    expect(withdrawn.body.data!.published).toBe(false);
    const [after] = await api.tdb.database.db.select().from(letters).where(eq(letters.id, id));
    expect(after!.publishedBody).toBeNull();
  });

  it('without consent, or with a sensitive word, publication is refused with the reason', async () => {
    const noConsent = await replied({ consent: false, writerPhone: '13700002222' });
    const r1 = await publish(fgw, noConsent, true);
    expect(r1.status).toBe(400);
    expect(JSON.stringify(r1.body.error)).toMatch(/当前状态不能公开/);
    const word = await replied({ body: '小区门口有人办证刻章，请查处。', writerPhone: '13700003333' });
    const d = await fgw.get<LetterDetail>(`/api/interaction/letters/${word}`);
    expect(d.body.data!.publication!.reasons.join()).toMatch(/来信内容含有敏感词“办证刻章”/);
    const r2 = await publish(fgw, word, true);
    expect(r2.status).toBe(400);
    expect(JSON.stringify(r2.body.error)).toMatch(/敏感词“办证刻章”，不予选登公开/);
    expect((await publish(fgw, word, 'yes' as unknown as boolean)).status).toBe(400);
    // Another unit may not publish it.
    expect((await publish(jw, word, true)).status).toBe(404);
  });
});

describe('statistics and to-dos', () => {
  it('monthly figures by type and unit, in the user scope; 400 for a bad year', async () => {
    expect((await office.get('/api/interaction/monthly?year=1999')).status).toBe(400);
    expect((await office.get('/api/interaction/monthly?year=2026&month=13')).status).toBe(400);
    const all = await office.get<InteractionStats>('/api/interaction/monthly?year=2026&month=3');
    expect(all.status).toBe(200);
    const s = all.body.data!;
    const march = s.byMonth[2]!;
    expect(march.letter.received).toBe(s.totals.letter.received);
    expect(s.totals.letter.received).toBe(4);
    expect(s.letterByType.find((t) => t.type === 'consult')).toMatchObject({
      received: 1,
      replied: 1,
      onTime: 1,
    });
    expect(s.byMonth[0]!.letter).toEqual({ received: 1, replied: 1, onTime: 0 });
    const year = await office.get<InteractionStats>('/api/interaction/monthly?year=2026');
    expect(year.body.data!.byUnit.find((u) => u.unitName === '区教委')!.letter).toEqual({
      received: 1,
      replied: 1,
      onTime: 0,
    });
    const mine = await jw.get<InteractionStats>('/api/interaction/monthly?year=2026');
    expect(mine.body.data!.byUnit.map((u) => u.unitName)).toEqual(['区教委']);
    expect(mine.body.data!.totals.letter.received).toBe(1);
  });

  it('handlers see unreplied letters in the to-do centre, reviewers the replies to review', async () => {
    await write({ mailboxId: fgwBox, body: '待办的来信。', writerPhone: '13700005555' });
    const t = await fgw.get<{ groups: TodoGroup[] }>('/api/todo');
    const g = t.body.data!.groups.find((x) => x.kind === 'interaction.letters')!;
    expect(g.count).toBeGreaterThanOrEqual(1);
    expect(g.items[0]!.link).toMatch(/^\/interaction\/letters\?open=/);
    const r = await fgwReviewer.get<{ groups: TodoGroup[] }>('/api/todo');
    expect(r.body.data!.groups.map((x) => x.kind)).toContain('interaction.letterReview');
    expect(r.body.data!.groups.map((x) => x.kind)).not.toContain('interaction.letters');
  });
});

// After the statistics, which count this file's letters up to here.
describe('repeated letters and sensitive words (SECURITY.md 39)', () => {
  it('an alike letter of the same writer within the window is linked to the unreplied one, nothing dropped', async () => {
    api.clock.set(new Date('2026-03-02T09:00:00+08:00'));
    const first = await write({
      body: '红星路工地每晚施工到凌晨，噪音扰民，请尽快处理。',
      writerPhone: '13700004444',
    });
    const id = await idOf(first.letterNo);
    api.clock.set(new Date('2026-03-20T09:00:00+08:00'));
    const again = await post({
      subject: '再次反映施工噪音',
      body: '红星路工地每晚都施工到凌晨 噪音扰民 请你们尽快处理！',
      writerPhone: '137 0000 4444',
    });
    expect(again).toEqual({ linked: true, letterNo: first.letterNo, receivedOn: '2026-03-02' });
    office = await api.loginAs('office'); // the clock moved past the idle timeout
    const d = (await office.get<LetterDetail>(`/api/interaction/letters/${id}`)).body.data!;
    expect(d.history.at(-1)!.text).toContain(
      '再次来信（2026-03-20，内容相近，并入本件办理）：再次反映施工噪音',
    );
    expect(d.history.at(-1)!.text).toContain('请你们尽快处理');
    const links = await api.tdb.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'interaction.letter.link'));
    expect(links.map((a) => a.objectId)).toEqual([id]);
    // Another writer with the same text, or another matter of this writer: new letters.
    expect(
      (await post({ body: '红星路工地每晚施工到凌晨，噪音扰民，请尽快处理。', writerPhone: '13700004445' }))
        .linked,
    ).toBe(false);
    expect(
      (await post({ body: '幸福里小区路灯坏了三个月，请维修。', writerPhone: '13700004444' })).linked,
    ).toBe(false);
    // After the window (30 calendar days by default; a setting) the same text is a new letter.
    api.clock.set(new Date('2026-04-02T09:00:00+08:00'));
    expect(
      (await post({ body: '红星路工地每晚施工到凌晨，噪音扰民，请尽快处理。', writerPhone: '13700004444' }))
        .linked,
    ).toBe(false);
    await putSetting(api.tdb.database.db, 'interaction.letterRepeatDays', 60);
    const inLonger = await post({
      body: '红星路工地每晚施工到凌晨，噪音扰民，请尽快处理。',
      writerPhone: '13700004444',
    });
    expect(inLonger.linked).toBe(true);
    await putSetting(api.tdb.database.db, 'interaction.letterRepeatDays', 30);
    api.clock.set(new Date('2026-03-02T09:00:00+08:00'));
    office = await api.loginAs('office');
    fgw = await api.loginAs('fgw_liaison');
  });

  it('a sensitive word sends the letter to manual review: flagged in the list, never refused (full-width, padded)', async () => {
    for (const [body, phone] of [
      ['小区门口有人办 证 刻 章，请查处。', '13700006661'],
      ['小区门口有人办证·刻章（全角　空格）。', '13700006662'],
    ] as const) {
      const w = await write({ body, writerPhone: phone });
      const listed = (
        await office.get<{ items: LetterSummary[] }>(
          `/api/interaction/letters?keyword=${encodeURIComponent(w.letterNo)}`,
        )
      ).body.data!.items;
      const row = listed.find((l) => l.letterNo === w.letterNo)!;
      expect(row.sensitiveWords).toEqual(['办证刻章']);
      const d = (await office.get<LetterDetail>(`/api/interaction/letters/${row.id}`)).body.data!;
      expect(d.history.map((h) => h.text).join()).toContain('来信含敏感词“办证刻章”，已标记人工审核');
    }
    const plain = await write({ body: '建议增加公交班次。', writerPhone: '13700006663' });
    const listed = (await office.get<{ items: LetterSummary[] }>('/api/interaction/letters?pageSize=100'))
      .body.data!.items;
    expect(listed.find((l) => l.letterNo === plain.letterNo)!.sensitiveWords).toEqual([]);
  });
});
