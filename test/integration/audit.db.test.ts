import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditRecord, Paged } from '../../src/contracts/api';
import { auditLog } from '../../src/server/db/schema';
import { createUnitTx } from '../../src/server/modules/org/units.service';
import { verifyAuditChain } from '../../src/server/platform/audit/audit';
import { systemActor } from '../../src/server/platform/context';
import { type Client, setupApi, type TestApi } from '../api';

let api: TestApi;
let auditor: Client;
beforeAll(async () => {
  api = await setupApi();
  auditor = await api.loginAs('auditor');
  const office = await api.loginAs('office');
  const units = await office.get<{ id: string; name: string }[]>('/api/org/units/tree');
  const root = (units.body.data as unknown as { id: string }[])[0]!.id;
  await office.post('/api/org/units', { name: '区审计测试局', kind: 'department', parentId: root });
});
afterAll(() => api.close());

describe('audit log', () => {
  it('records who, unit, action, object, result, IP and request id', async () => {
    const r = await auditor.get<Paged<AuditRecord>>('/api/audit/logs?action=org.unit.create&pageSize=100');
    const row = r.body.data!.items.find((a) => a.detail?.includes('区审计测试局'))!;
    expect(row).toMatchObject({
      username: 'office',
      unitName: '信息科（政务公开科）',
      action: 'org.unit.create',
      objectType: 'unit',
      result: 'success',
      ip: '127.0.0.1',
    });
    expect(row.requestId).toMatch(/^[\w-]{8,}$/);
  });

  it('is written in the same transaction as the write: a rolled-back write leaves no audit row', async () => {
    const before = (await api.tdb.database.db.select().from(auditLog)).length;
    await expect(
      api.tdb.database.db.transaction(async (tx) => {
        await createUnitTx(tx, systemActor('test'), { name: '区回滚局', kind: 'government', aliases: [] });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect((await api.tdb.database.db.select().from(auditLog)).length).toBe(before);
  });

  it('verifies the chain, and detects a changed record and a deleted record', async () => {
    expect(await verifyAuditChain(api.tdb.database)).toMatchObject({ ok: true, firstBrokenSeq: null });
    const api2 = await auditor.get<{ ok: boolean }>('/api/audit/verify');
    expect(api2.body.data?.ok).toBe(true);
    const db = api.tdb.database.db;
    await expect(db.execute(sql`UPDATE audit_log SET detail = 'x' WHERE seq = 3`)).rejects.toThrow();
    await expect(db.execute(sql`DELETE FROM audit_log WHERE seq = 3`)).rejects.toThrow();
    // Someone with table-owner rights disables the guard and edits history:
    await db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`);
    await db.execute(sql`UPDATE audit_log SET username = 'someone-else' WHERE seq = 3`);
    const changed = await verifyAuditChain(api.tdb.database);
    expect(changed).toMatchObject({ ok: false, firstBrokenSeq: 3 });
    expect(changed.message).toContain('被修改');
    await db.execute(sql`DELETE FROM audit_log WHERE seq = 3`);
    const deleted = await verifyAuditChain(api.tdb.database);
    expect(deleted).toMatchObject({ ok: false, firstBrokenSeq: 4 });
    expect(deleted.message).toContain('不衔接');
    await db.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`);
  });

  it('filters, exports .xlsx, and lists logins; only the auditor may read it', async () => {
    const fails = await auditor.get<Paged<AuditRecord>>('/api/audit/logs?result=failure');
    expect(fails.status).toBe(200);
    const exp = await auditor.get('/api/audit/logs/export?action=org.unit');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await exp.raw.arrayBuffer());
    expect(wb.worksheets[0]!.getRow(1).values).toContain('操作');
    const logins = await auditor.get<Paged<{ username: string; result: string }>>(
      '/api/audit/logins?username=office',
    );
    expect(logins.body.data!.items.some((l) => l.result === 'success')).toBe(true);
    const office = await api.loginAs('office');
    expect((await office.get('/api/audit/logs')).status).toBe(403);
    const bad = await auditor.get('/api/audit/logs?from=yesterday');
    expect(bad.status).toBe(400);
  });
});
