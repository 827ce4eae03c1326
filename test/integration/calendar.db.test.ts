import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CalendarYearSummary } from '../../src/contracts/api';
import { getCalendar, onCalendarChange } from '../../src/server/platform/calendar/service';
import { type Client, setupApi, type TestApi } from '../api';

const Y2027 = {
  year: 2027,
  source: {
    title: '国务院办公厅关于2027年部分节假日安排的通知（测试数据）',
    docNumber: null,
    published: null,
    url: null,
    confidence: 'M',
  },
  holidays: [{ name: '元旦', off: ['2027-01-01', '2027-01-02', '2027-01-03'], makeupWorkdays: [] }],
};

let api: TestApi;
let office: Client;
beforeAll(async () => {
  api = await setupApi();
  office = await api.loginAs('office');
});
afterAll(() => api.close());

describe('working-day calendar service', () => {
  it('lists 2019–2026 with sources and the 2026 total of 248 working days', async () => {
    const r = await office.get<CalendarYearSummary[]>('/api/calendar/years');
    expect(r.body.data!.map((y) => y.year)).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    expect(r.body.data!.find((y) => y.year === 2026)!.workingDays).toBe(248);
    expect(r.body.data!.find((y) => y.year === 2025)!.workingDays).toBe(248);
  });

  it('adds working days with a trace (APP-3)', async () => {
    const r = await office.get<{ date: string; provisional: boolean; trace: string[] }>(
      '/api/calendar/add?date=2026-09-28&days=20',
    );
    expect(r.body.data).toMatchObject({ date: '2026-10-30', provisional: false });
    expect(r.body.data!.trace.join('\n')).toContain('2026-10-10');
    expect((await office.get('/api/calendar/add?date=2026-02-30&days=1')).status).toBe(400);
  });

  it('a date past the loaded years is provisional until the new notice is loaded; loading it calls the hook once', async () => {
    const before = await office.get<{ provisional: boolean }>('/api/calendar/add?date=2026-12-30&days=20');
    expect(before.body.data!.provisional).toBe(true);
    const seen: number[] = [];
    onCalendarChange('test-hook', async (_db, _cal, year) => {
      seen.push(year);
    });
    const bad = await office.put('/api/calendar/years/2027', {
      ...Y2027,
      holidays: [{ name: '元旦', off: ['2027-02-30'], makeupWorkdays: [] }],
    });
    expect(bad.status).toBe(400);
    expect(seen).toEqual([]);
    const ok = await office.put<CalendarYearSummary>('/api/calendar/years/2027', Y2027);
    expect(ok.status).toBe(200);
    expect(seen).toEqual([2027]);
    const cal = await getCalendar(api.tdb.database);
    expect(cal.isWorkingDay('2027-01-01')).toMatchObject({ working: false, provisional: false });
    const after = await office.get<{ provisional: boolean; date: string }>(
      '/api/calendar/add?date=2026-12-30&days=20',
    );
    expect(after.body.data!.provisional).toBe(false);
  });

  it('only the office edits the calendar', async () => {
    const liaison = await api.loginAs('fgw_liaison');
    expect((await liaison.get('/api/calendar/years')).status).toBe(200);
    expect((await liaison.put('/api/calendar/years/2027', Y2027)).status).toBe(403);
  });
});
