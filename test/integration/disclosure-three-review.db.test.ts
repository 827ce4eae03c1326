// 三审 out of the box (issue 15 part 7): the demo accounts alone take an item through 初审 → 复审 → 终审 under the
// default "a different person per level"; 待我审核 lists what each can approve now; and when nobody may approve
// the next level, the answer and the notifications say so instead of the item waiting silently.
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { units, users } from '../../src/server/db/schema';
import { DEMO_USERS } from '../../src/server/demo';
import { createUser } from '../../src/server/modules/org/users.service';
import { systemActor } from '../../src/server/platform/context';
import { type Client, setupApi, type TestApi } from '../api';

const PW = 'Review#Gongkai3';
let api: TestApi;
const as: Record<string, Client> = {};
type Result = { status: string; level: number; message?: string };
type Listing = { items: { id: string }[] };
type Bell = { items: { title: string; link: string | null }[] };

beforeAll(async () => {
  api = await setupApi();
  for (const u of ['fgw_liaison', 'fgw_reviewer', 'office_reviewer', 'leader', 'office', 'jw_liaison'])
    as[u] = await api.loginAs(u);
});
afterAll(() => api?.close());

const inbox = async (c: Client) =>
  (await c.get<Listing>('/api/disclosure/items?inbox=1')).body.data!.items.map((i) => i.id);
const bell = async (c: Client) =>
  (await c.get<Bell>('/api/notifications')).body.data!.items.map((n) => n.title);
const draft = async (c: Client, title: string) =>
  (await c.draftItem({ title, bodyHtml: '<p>正文。</p>' })).body.data!.id;
const act = (c: Client, id: string, action: string) =>
  c.post<Result>(`/api/disclosure/items/${id}/${action}`, { comment: '同意' });

describe('三审 with the demo accounts', () => {
  it('has a reviewer for every level', () => {
    const roles = new Map(DEMO_USERS.map((u) => [u.username, u.roles]));
    for (const u of ['fgw_reviewer', 'office_reviewer', 'leader']) expect(roles.get(u)).toContain('reviewer');
  });

  it('takes an item from the liaison through 初审, 复审 and 终审 to the portal', async () => {
    const title = '三审演示：区发展改革委通知';
    const id = await draft(as.fgw_liaison!, title);
    const submitted = await act(as.fgw_liaison!, id, 'submit');
    expect(submitted.status).toBe(200);
    expect(submitted.body.data).toEqual({ status: 'in_review', level: 1 });
    // Everyone who may approve now is told and finds it in 待我审核; the author does not.
    for (const u of ['fgw_reviewer', 'office_reviewer', 'leader']) {
      expect(await bell(as[u]!)).toContain(`待初审：${title}`);
      expect(await inbox(as[u]!)).toContain(id);
    }
    expect(await inbox(as.fgw_liaison!)).not.toContain(id);

    const steps: [string, string, Result][] = [
      ['fgw_reviewer', '复审', { status: 'in_review', level: 2 }],
      ['office_reviewer', '终审', { status: 'in_review', level: 3 }],
      ['leader', '', { status: 'published', level: 3 }],
    ];
    for (const [u, next, result] of steps) {
      const r = await act(as[u]!, id, 'approve');
      expect(r.status, u).toBe(200);
      expect(r.body.data).toEqual(result);
      // Whoever approved a level has nothing more to do with it.
      expect(await inbox(as[u]!)).not.toContain(id);
      if (next) expect(await bell(as.leader!)).toContain(`待${next}：${title}`);
    }
    expect(await bell(as.fgw_liaison!)).toContain(`「${title}」已发布`);
    const html = await (await api.app.request(`/xxgk/info/${id}`)).text();
    expect(html).toContain(title);
  });

  it('lists an item already approved by the user when a person may take two levels', async () => {
    const id = await draft(as.fgw_liaison!, '三审演示：可兼任');
    await act(as.fgw_liaison!, id, 'submit');
    await act(as.fgw_reviewer!, id, 'approve');
    expect(await inbox(as.fgw_reviewer!)).not.toContain(id);
    expect((await as.office!.put('/api/disclosure/settings', { distinctReviewers: false })).status).toBe(200);
    try {
      expect(await inbox(as.fgw_reviewer!)).toContain(id);
      expect((await act(as.fgw_reviewer!, id, 'approve')).body.data).toEqual({
        status: 'in_review',
        level: 3,
      });
    } finally {
      await as.office!.put('/api/disclosure/settings', { distinctReviewers: true });
    }
  });

  it('gives no inbox to a user who cannot approve', async () => {
    expect(await inbox(as.office!)).toEqual([]);
    expect(await inbox(as.fgw_liaison!)).toEqual([]);
  });
});

describe('no eligible reviewer for the next level', () => {
  it('tells the author and the office 本单位未设置终审人, and the item moves on once one is set', async () => {
    // 区教委 has no reviewer of its own: the office reviewer and the leader take 初审 and 复审, then nobody is left.
    const title = '三审演示：区教委通知';
    const id = await draft(as.jw_liaison!, title);
    expect((await act(as.jw_liaison!, id, 'submit')).body.data!.message).toBeUndefined();
    expect((await act(as.office_reviewer!, id, 'approve')).body.data!.message).toBeUndefined();
    const r = await act(as.leader!, id, 'approve');
    expect(r.status).toBe(200);
    expect(r.body.data).toEqual({ status: 'in_review', level: 3, message: '本单位未设置终审人' });
    for (const u of ['jw_liaison', 'office', 'office_reviewer'])
      expect(await bell(as[u]!)).toContain(`「${title}」无人可终审：本单位未设置终审人`);

    const db = api.tdb.database;
    const [jw] = await db.db.select({ id: units.id }).from(units).where(eq(units.name, '区教委'));
    await createUser(
      db,
      api.platform.fieldKeys,
      { dataScope: 'all', unitId: jw!.id, roles: ['sysadmin'], id: 'x' },
      systemActor('test'),
      { username: 'jw_reviewer', name: '教委审核人', unitId: jw!.id, roles: ['reviewer'], password: PW },
      api.clock.now(),
    );
    const reviewer = await api.loginAs('jw_reviewer', PW);
    expect(await inbox(reviewer)).toContain(id);
    expect((await act(reviewer, id, 'approve')).body.data!.status).toBe('published');
  });

  it('says 本单位未设置初审人 on submit when nobody may approve the first level', async () => {
    const db = api.tdb.database.db;
    const wide = ['office_reviewer', 'leader', 'jw_reviewer'];
    await db.update(users).set({ status: 'disabled' }).where(inArray(users.username, wide));
    try {
      const id = await draft(as.jw_liaison!, '三审演示：无人初审');
      const r = await act(as.jw_liaison!, id, 'submit');
      expect(r.body.data).toEqual({ status: 'in_review', level: 1, message: '本单位未设置初审人' });
      expect(await bell(as.jw_liaison!)).toContain('「三审演示：无人初审」无人可初审：本单位未设置初审人');
    } finally {
      await db.update(users).set({ status: 'active' }).where(inArray(users.username, wide));
    }
  });
});
