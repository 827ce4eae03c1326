// The audit log names its objects (issue 15 part 8): an item's title, a case number, a user's name — not a UUID.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditRecord } from '../../src/contracts/audit';
import { type Client, setupApi, type TestApi } from '../api';

let api: TestApi;
let auditor: Client;
let fgw: Client;
beforeAll(async () => {
  api = await setupApi();
  auditor = await api.loginAs('auditor');
  fgw = await api.loginAs('fgw_liaison');
});
afterAll(() => api?.close());

const logs = async (action: string) =>
  (await auditor.get<{ items: AuditRecord[] }>(`/api/audit/logs?action=${encodeURIComponent(action)}`)).body
    .data!.items;

describe('audit log object names', () => {
  it("shows the item's title and the user's name for their ids", async () => {
    const r = await fgw.draftItem({
      title: '审计命名测试',
      bodyHtml: '<p>x</p>',
    });
    expect(r.status).toBe(201);
    const [row] = await logs('disclosure.item.create');
    expect(row!.objectId).toBe(r.body.data!.id);
    expect(row!.objectName).toBe('审计命名测试');
    // An area prefix filters a whole area; every row of it is named when its module names the type.
    const users = await logs('org.user.');
    expect(users.length).toBeGreaterThan(0);
    for (const u of users.filter((x) => x.objectType === 'user')) expect(u.objectName).toBeTruthy();
  });

  it('401 without a session, 403 for a role without the permission', async () => {
    expect((await api.anon().get('/api/audit/logs')).status).toBe(401);
    expect((await fgw.get('/api/audit/logs')).status).toBe(403);
  });
});
