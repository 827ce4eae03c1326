// 重大行政决策预公开 (issue 13 part 4): drafts, the comment period, portal comments (challenge, ID/phone held and
// masked), moderation, automatic close, 意见采纳情况 reminders and publication, the final decision, 列席 / 开放日.
// The test clock starts at 2026-03-02 09:00 (Beijing); dates below are computed by hand from the 2026 notice.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommentRow, DecisionRow, ParticipationRow } from '../../src/contracts/decisions';
import { newChallenge } from '../../src/portal/ysqgk/challenge';
import { auditLog, disclosureItems, notifications, units, users } from '../../src/server/db/schema';
import { registeredJobs, runJobOnce } from '../../src/server/platform/jobs/scheduler';
import { type Client, setupApi, type TestApi } from '../api';

let api: TestApi;
let office: Client;
let fgw: Client;
let jw: Client;
let fgwUnit: string;
let jwUnit: string;
let draftId: string;
const base = '/api/disclosure/decisions';

beforeAll(async () => {
  api = await setupApi();
  office = await api.loginAs('office');
  fgw = await api.loginAs('fgw_liaison');
  jw = await api.loginAs('jw_liaison');
  const unit = async (name: string) =>
    (await api.tdb.database.db.select().from(units).where(eq(units.name, name)))[0]!.id;
  fgwUnit = await unit('区发展改革委');
  jwUnit = await unit('区教委');
});
afterAll(() => api.close());

const draft = (over: Record<string, unknown> = {}) => ({
  unitId: fgwUnit,
  title: '关于调整城区公交票价的决定（征求意见稿）',
  background: '城区公交票价十年未调整。',
  basis: '《价格法》《重大行政决策程序暂行条例》',
  explanation: '拟将基础票价由1元调整为2元。',
  draftText: '第一条 城区公交基础票价调整为2元。',
  ...over,
});

const html = async (path: string) => {
  const r = await api.anon().request('GET', path);
  return { status: r.status, html: await r.raw.text() };
};

/** Comments on the portal like a citizen: reads the form's question and answers it. */
async function comment(id: string, values: Record<string, string>, answer?: string) {
  const anon = api.anon();
  const formPage = await (await anon.request('GET', `/hdjl/zj/${id}`)).raw.text();
  const token = /name="token" value="([^"]+)"/.exec(formPage)![1]!;
  const [, a, b] = /验证问题：(\d+) 加 (\d+) 等于几/.exec(formPage)!;
  const form = new FormData();
  const all = { token, answer: answer ?? String(Number(a) + Number(b)), ...values };
  for (const [k, v] of Object.entries(all)) form.append(k, v);
  const r = await anon.request('POST', `/hdjl/zj/${id}`, undefined, { form });
  return { status: r.status, html: await r.raw.text() };
}

/** Moves the clock; sessions idle that long have expired, so everyone logs in again. */
async function at(iso: string) {
  api.clock.set(new Date(iso));
  office = await api.loginAs('office');
  fgw = await api.loginAs('fgw_liaison');
  jw = await api.loginAs('jw_liaison');
}

const runJob = (name: string) =>
  runJobOnce(api.tdb.database, registeredJobs().find((j) => j.name === name)!, api.clock.now());

const actions = async (objectId: string) =>
  (
    await api.tdb.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.objectId, objectId))
      .orderBy(auditLog.seq)
  ).map((a) => a.action);

describe('routes', () => {
  it('401 without a session, 403 without the permission, 400 on bad input', async () => {
    expect((await api.anon().get(base)).status).toBe(401);
    const auditor = await api.loginAs('auditor');
    expect((await auditor.get(base)).status).toBe(403);
    expect((await auditor.post(base, draft())).status).toBe(403);
    expect((await fgw.put(`${base}/settings`, { commentDays: 40 })).status).toBe(403);
    const bad = await fgw.post(base, draft({ title: ' ' }));
    expect(bad.status).toBe(400);
    expect(bad.body.error?.message).toContain('请填写决策草案名称');
    expect((await fgw.get(`${base}/not-a-uuid`)).status).toBe(400);
  });

  it('a unit drafts its own decision, not another unit’s; others do not see it', async () => {
    const r = await fgw.post<DecisionRow>(base, draft());
    expect(r.status).toBe(201);
    draftId = r.body.data!.id;
    expect(r.body.data).toMatchObject({ status: 'draft', commentDays: 30, periodEnd: null });
    expect((await fgw.post(base, draft({ unitId: jwUnit }))).status).toBe(404);
    expect((await jw.get<{ total: number }>(base)).body.data!.total).toBe(0);
    expect((await jw.get(`${base}/${draftId}`)).status).toBe(404);
    expect((await office.get<{ total: number }>(base)).body.data!.total).toBe(1);
    const edited = await fgw.put<DecisionRow>(`${base}/${draftId}`, draft({ basis: '《价格法》第十八条' }));
    expect(edited.body.data!.basis).toBe('《价格法》第十八条');
    // A draft is not on the portal.
    expect((await html(`/hdjl/zj/${draftId}`)).status).toBe(404);
  });

  it('opens for comment: 33 days from 2026-03-02 end on 清明 (04-04), moved to 04-07; no edits after', async () => {
    expect((await fgw.post(`${base}/${draftId}/open`, { commentDays: 3 })).status).toBe(400);
    expect((await fgw.post(`${base}/${draftId}/adoption`, { summary: 'x', entries: [] })).status).toBe(409);
    const r = await fgw.post<DecisionRow>(`${base}/${draftId}/open`, { commentDays: 33 });
    expect(r.status).toBe(200);
    expect(r.body.data).toMatchObject({
      status: 'open',
      openedOn: '2026-03-02',
      periodEnd: '2026-04-07',
      periodEndMoved: true,
    });
    expect((await fgw.put(`${base}/${draftId}`, draft())).status).toBe(409);
    expect(await actions(draftId)).toEqual([
      'disclosure.decision.create',
      'disclosure.decision.edit',
      'disclosure.decision.open',
    ]);
  });
});

describe('the portal and moderation', () => {
  it('lists the open draft and takes comments: clean ones shown, ID/phone ones held and masked', async () => {
    const list = await html('/hdjl/zj');
    expect(list.html).toContain(`href="/hdjl/zj/${draftId}"`);
    const wrong = await comment(draftId, { text: '建议分时段票价。' }, '999');
    expect(wrong.status).toBe(400);
    expect(wrong.html).toContain('验证问题回答不正确');
    const shown = await comment(draftId, { authorName: '李四', text: '建议保留老年人免费乘车。' });
    expect(shown.status).toBe(201);
    expect(shown.html).toContain('意见已提交并显示');
    expect(shown.html).toContain('建议保留老年人免费乘车。');
    expect(shown.html).toContain('李四 · 2026-03-02');
    const held = await comment(draftId, { text: '票价太高，请联系我 13812345678 沟通。' });
    expect(held.status).toBe(201);
    expect(held.html).toContain('经审核后显示');
    expect(held.html).not.toContain('票价太高');
    const short = await comment(draftId, { text: '好' });
    expect(short.status).toBe(400);
    expect(short.html).toContain('不少于 5 个字');
  });

  it('the office moderates: a held comment is shown masked; hiding needs a reason; other units cannot', async () => {
    const list = await fgw.get<CommentRow[]>(`${base}/${draftId}/comments?status=pending`);
    const held = list.body.data!;
    expect(held).toHaveLength(1);
    expect(held[0]).toMatchObject({ personalData: true, status: 'pending' });
    expect(held[0]!.publicText).toContain('138****5678');
    expect(JSON.stringify(list.body)).not.toContain('13812345678');
    const path = `${base}/comments/${held[0]!.id}/moderate`;
    expect((await fgw.post(path, { status: 'hidden' })).status).toBe(400);
    expect((await jw.post(path, { status: 'shown' })).status).toBe(404);
    const r = await fgw.post<CommentRow>(path, { status: 'shown' });
    expect(r.body.data!.status).toBe('shown');
    const page = await html(`/hdjl/zj/${draftId}`);
    expect(page.html).toContain('138****5678');
    expect(page.html).not.toContain('13812345678');
    expect(page.html).toContain('公众意见（2 条）');
    expect(await actions(held[0]!.id)).toEqual([
      'disclosure.decision.comment',
      'disclosure.decision.moderate',
    ]);
  });
});

describe('closing, reminders and the 意见采纳情况', () => {
  it('the daily job closes the period after 04-07; adoption due 05-07; the form is gone', async () => {
    await at('2026-04-07T20:00:00+08:00');
    expect((await runJob('disclosure.closeDecisions')).result).toEqual({ closed: 0 });
    await at('2026-04-08T01:00:00+08:00');
    expect((await runJob('disclosure.closeDecisions')).result).toEqual({ closed: 1 });
    const r = await fgw.get<DecisionRow>(`${base}/${draftId}`);
    expect(r.body.data).toMatchObject({
      status: 'closed',
      periodEnd: '2026-04-07',
      adoptionDue: '2026-05-07',
    });
    const page = await html(`/hdjl/zj/${draftId}`);
    expect(page.html).toContain('征求意见已结束');
    expect(page.html).not.toContain('name="token"');
    // A post built from a fresh question is still refused: the period is over.
    const ch = await newChallenge(api.platform);
    const [, a, b] = /(\d+) 加 (\d+)/.exec(ch.question)!;
    const form = new FormData();
    const late = { token: ch.token, answer: String(Number(a) + Number(b)), text: '迟到的意见，请考虑。' };
    for (const [k, v] of Object.entries(late)) form.append(k, v);
    const res = await api.anon().request('POST', `/hdjl/zj/${draftId}`, undefined, { form });
    expect(res.status).toBe(409);
    expect(await res.raw.text()).toContain('征求意见已结束，不再接收意见');
  });

  it('reminds the unit’s publishers near the due date and once overdue', async () => {
    const db = api.tdb.database.db;
    const fgwUser = (await db.select().from(users).where(eq(users.username, 'fgw_liaison')))[0]!;
    const mine = async () =>
      (await db.select().from(notifications).where(eq(notifications.userId, fgwUser.id))).filter((n) =>
        n.title.includes('意见采纳情况'),
      );
    await at('2026-04-29T09:00:00+08:00');
    await runJob('disclosure.adoptionReminders');
    expect(await mine()).toHaveLength(0);
    await at('2026-04-30T09:00:00+08:00');
    await runJob('disclosure.adoptionReminders');
    expect((await mine()).map((n) => n.title)).toEqual([
      '「关于调整城区公交票价的决定（征求意见稿）」意见采纳情况应于 2026-05-07 前公布',
    ]);
    await at('2026-05-08T09:00:00+08:00');
    await runJob('disclosure.adoptionReminders');
    expect((await mine()).map((n) => n.title)).toContain(
      '「关于调整城区公交票价的决定（征求意见稿）」意见采纳情况已逾期（应于 2026-05-07 前公布）',
    );
    expect((await fgw.get<DecisionRow>(`${base}/${draftId}`)).body.data!.adoptionAlert).toBe('overdue');
    const jwUser = (await db.select().from(users).where(eq(users.username, 'jw_liaison')))[0]!;
    const theirs = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, jwUser.id)));
    expect(theirs.filter((n) => n.title.includes('意见采纳情况'))).toHaveLength(0);
  });

  it('publishes the 意见采纳情况 (reasons required), then links a published item as the final decision', async () => {
    const entries = [
      { opinion: '保留老年人免费乘车', outcome: 'adopted' },
      { opinion: '票价过高', outcome: 'not_adopted' },
    ];
    const noReason = await fgw.post(`${base}/${draftId}/adoption`, { summary: '共收到意见3条。', entries });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error?.message).toContain('第 2 条意见不予采纳，请说明理由');
    entries[1] = { ...entries[1]!, reason: '票价调整后仍低于同类城市平均水平' } as (typeof entries)[number];
    const r = await fgw.post<DecisionRow>(`${base}/${draftId}/adoption`, {
      summary: '共收到意见3条，其中来信1条。',
      entries,
      offlineReceived: 1,
    });
    expect(r.status).toBe(200);
    expect(r.body.data).toMatchObject({
      status: 'adopted',
      adoptionPublishedOn: '2026-05-08',
      adoptionCounts: { received: 3, adopted: 1, partly: 0, notAdopted: 1 },
      adoptionAlert: 'none',
    });
    const page = await html(`/hdjl/zj/${draftId}`);
    expect(page.html).toContain('意见采纳情况');
    expect(page.html).toContain('票价调整后仍低于同类城市平均水平');
    expect(page.html).toContain('共收到意见 3 条，采纳 1 条');

    const db = api.tdb.database.db;
    const item = async (status: 'draft' | 'published') =>
      (
        await db
          .insert(disclosureItems)
          .values({
            rootId: crypto.randomUUID(),
            unitId: fgwUnit,
            title: '关于调整城区公交票价的决定',
            indexNo: `JC-${status}`,
            status,
            createdBy: (await db.select().from(users).limit(1))[0]!.id,
          })
          .returning()
      )[0]!.id;
    expect((await fgw.post(`${base}/${draftId}/final`, { itemId: await item('draft') })).status).toBe(409);
    const published = await item('published');
    const d = await fgw.post<DecisionRow>(`${base}/${draftId}/final`, { itemId: published });
    expect(d.body.data).toMatchObject({ status: 'decided', finalItemId: published });
    expect((await html(`/hdjl/zj/${draftId}`)).html).toContain(`href="/xxgk/info/${published}"`);
    expect((await html('/hdjl/zj')).html).toContain('已作出决策');
    expect((await actions(draftId)).slice(-3)).toEqual([
      'disclosure.decision.close',
      'disclosure.decision.adopt',
      'disclosure.decision.decide',
    ]);
  });
});

describe('列席, 政府开放日 and the setting', () => {
  const record = (over: Record<string, unknown> = {}) => ({
    unitId: fgwUnit,
    kind: 'attendance',
    title: '区政府常务会议（审议公交票价调整）',
    heldOn: '2026-05-08',
    publicCount: 2,
    expertCount: 1,
    mediaCount: 1,
    ...over,
  });
  it('records a meeting attended by public, expert and media representatives, in scope only', async () => {
    const r = await fgw.post<ParticipationRow>(`${base}/participations`, record({ draftId }));
    expect(r.status).toBe(201);
    expect(r.body.data).toMatchObject({ kind: 'attendance', publicCount: 2, draftId });
    expect((await fgw.post(`${base}/participations`, record({ unitId: jwUnit }))).status).toBe(404);
    expect((await fgw.post(`${base}/participations`, record({ publicCount: -1 }))).status).toBe(400);
    const day = await jw.post<ParticipationRow>(
      `${base}/participations`,
      record({ unitId: jwUnit, kind: 'open_day', title: '教委开放日', draftId: null }),
    );
    expect(day.status).toBe(201);
    expect((await jw.get<{ total: number }>(`${base}/participations`)).body.data!.total).toBe(1);
    expect(
      (await office.get<{ total: number }>(`${base}/participations?kind=open_day`)).body.data!.total,
    ).toBe(1);
    expect(await actions(r.body.data!.id)).toEqual(['disclosure.decision.participation']);
  });
  it('the office changes the default period; new drafts take it', async () => {
    expect((await office.put(`${base}/settings`, { commentDays: 45 })).status).toBe(200);
    expect((await fgw.get(`${base}/settings`)).body.data).toEqual({ commentDays: 45 });
    const r = await fgw.post<DecisionRow>(base, draft({ title: '第二份草案' }));
    expect(r.body.data!.commentDays).toBe(45);
  });
  it('limits accepted comments per address to 10 an hour; a refused comment does not count', async () => {
    const second = (await fgw.get<{ items: DecisionRow[] }>(`${base}?q=${encodeURIComponent('第二份草案')}`))
      .body.data!.items[0]!;
    const opened = await fgw.post<DecisionRow>(`${base}/${second.id}/open`, {});
    // 45 days from 2026-05-08: 06-22 (Monday).
    expect(opened.body.data).toMatchObject({ periodEnd: '2026-06-22', periodEndMoved: false });
    expect((await comment(second.id, { text: '短' })).status).toBe(400);
    for (let i = 1; i <= 10; i++)
      expect((await comment(second.id, { text: `第 ${i} 条意见：建议延长征求意见期限。` })).status).toBe(201);
    const over = await comment(second.id, { text: '第 11 条意见：建议延长征求意见期限。' });
    expect(over.status).toBe(429);
    expect(over.html).toContain('提交过于频繁');
    const counted = await fgw.get<DecisionRow>(`${base}/${second.id}`);
    expect(counted.body.data!.comments.total).toBe(10);
  });
});
