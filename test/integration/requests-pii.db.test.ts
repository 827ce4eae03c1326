// Issue 10 parts 5, 6 and 9 in the requests module: case numbers from a database counter (concurrent writers),
// who sees applicants' unmasked personal data, personal data sealed at rest, the portal's application limit.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { units } from '../../src/server/db/schema';
import { type Client, setupApi, type TestApi } from '../api';

let api: TestApi;
let office: Client;
let fgwUnit: string;

const person = {
  kind: 'natural_person',
  name: '张三',
  idType: 'id_card',
  idNumber: '11010519491231002X',
  phone: '13800138000',
  address: '北京市东城区某某胡同 8 号',
};

const staffBody = (over: Record<string, unknown> = {}) => ({
  unitId: fgwUnit,
  applicant: person,
  description: '2025年区发展改革委重大项目清单',
  deliveryForm: 'electronic',
  deliveryChannel: 'email',
  channel: 'in_person',
  handedInOn: '2026-03-02',
  ...over,
});

beforeAll(async () => {
  api = await setupApi();
  office = await api.loginAs('office');
  fgwUnit = (await api.tdb.database.db.select().from(units).where(eq(units.name, '区发展改革委')))[0]!.id;
});
afterAll(() => api.close());

describe('case numbers (part 6)', () => {
  it('8 concurrent registrations all succeed with distinct consecutive numbers', async () => {
    const rs = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        office.post<{ caseNo: string }>('/api/requests/cases', staffBody({ description: `并发登记 ${i}` })),
      ),
    );
    for (const r of rs) expect(r.status, JSON.stringify(r.body)).toBe(201);
    const nos = rs.map((r) => r.body.data!.caseNo).sort();
    expect(nos).toEqual(Array.from({ length: 8 }, (_, i) => `2026-${String(i + 1).padStart(4, '0')}`));
  });
});
