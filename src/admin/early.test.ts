// early.ts: a GET started before the console renders answers the first call for its path once, and only while fresh.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tasksApi } from '../contracts/tasks';
import { LIST_PAGE_SIZE, pathFor } from './api';
import { earlyInitial, startEarly, takeEarly } from './early';
import { firstData, firstPlanPage, matches } from './first-data';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('early GETs', () => {
  it('answer the first call for the same path, once', async () => {
    const fetch = vi.fn(async () => new Response('[]'));
    vi.stubGlobal('fetch', fetch);
    startEarly('/tasks/plans');
    expect(fetch).toHaveBeenCalledWith(
      '/api/tasks/plans',
      expect.objectContaining({ credentials: 'same-origin' }),
    );
    expect(takeEarly('/tasks/todo')).toBeUndefined();
    const res = takeEarly('/tasks/plans');
    expect(await (await res!).text()).toBe('[]');
    expect(takeEarly('/tasks/plans')).toBeUndefined();
  });

  it('are not taken once stale: a later screen asks afresh', () => {
    vi.useFakeTimers({ now: new Date('2026-03-01T00:00:00Z') });
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('{}')),
    );
    startEarly('/todo');
    vi.setSystemTime(new Date('2026-03-01T00:00:16Z'));
    expect(takeEarly('/todo')).toBeUndefined();
    startEarly('/todo');
    vi.setSystemTime(new Date('2026-03-01T00:00:30Z'));
    expect(takeEarly('/todo')).toBeDefined();
  });

  it('a failed early request does not surface as an unhandled rejection', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('offline'))),
    );
    startEarly('/auth/me');
    await new Promise((r) => setTimeout(r, 0));
    await expect(takeEarly('/auth/me')).rejects.toThrow('offline');
  });

  it('an answer starts the GET it leads to at once, and the page still reads the whole answer', async () => {
    const plans = [{ id: 'p-2026' }, { id: 'p-2025' }];
    const fetch = vi.fn(async (url: string) =>
      url === '/api/tasks/plans'
        ? Response.json({ data: plans })
        : Response.json({ data: { items: [], total: 0 } }),
    );
    vi.stubGlobal('fetch', fetch);
    startEarly('/tasks/plans', firstPlanPage('/tasks/ledger'));
    const page = await (await takeEarly('/tasks/plans')!).json();
    expect(page).toEqual({ data: plans });
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(2));
    // Exactly the request the ledger page makes for the first plan, page 1 (SearchTable through the contract).
    const ledgerFirst = pathFor(tasksApi.ledger, {
      query: { planId: 'p-2026', page: 1, pageSize: LIST_PAGE_SIZE },
    });
    expect(fetch).toHaveBeenLastCalledWith(`/api${ledgerFirst}`, expect.anything());
    expect(takeEarly(ledgerFirst)).toBeDefined();
  });

  it('an empty or failed plan list leads nowhere', async () => {
    const fetch = vi.fn(async () => Response.json({ data: [] }));
    vi.stubGlobal('fetch', fetch);
    startEarly('/tasks/plans', firstPlanPage('/tasks/ledger'));
    await takeEarly('/tasks/plans');
    fetch.mockImplementation(async () => Response.json({ code: 'UNAUTHENTICATED' }, { status: 401 }));
    startEarly('/tasks/plans', firstPlanPage('/tasks/ledger'));
    await takeEarly('/tasks/plans');
    await new Promise((r) => setTimeout(r, 10));
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('both ledgers chain to their own first page, as their contracts write it', () => {
    const q = { planId: 'p', page: 1, pageSize: LIST_PAGE_SIZE };
    const next = (route: string) =>
      firstData(route)
        .find((d) => d.next)
        ?.next?.([{ id: 'p' }]);
    expect(next('/tasks/ledger')).toBe(pathFor(tasksApi.ledger, { query: q }));
    expect(next('/tasks/by-task')).toBe(pathFor(tasksApi.taskLedger, { query: q }));
  });

  it("an answer already there is a query's initial data, once, with the time it arrived", async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Response.json({ data: { id: 'u1', name: '张三' } })),
    );
    startEarly('/auth/me');
    const before = earlyInitial('/auth/me');
    // Not yet read: the query fetches as usual (and takeEarly would give it the request).
    await vi.waitFor(async () => {
      const first = earlyInitial('/auth/me');
      expect(first.initialData()).toEqual({ id: 'u1', name: '张三' });
      expect(first.initialDataUpdatedAt()).toBeGreaterThan(0);
    });
    expect(before.initialDataUpdatedAt()).toBeUndefined();
    // Used once: neither a second query nor a later fetch gets it.
    expect(earlyInitial('/auth/me').initialData()).toBeUndefined();
    expect(takeEarly('/auth/me')).toBeUndefined();
  });

  it('a failed answer is never initial data: the query fetches and api() reports the error', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Response.json({ code: 'UNAUTHENTICATED' }, { status: 401 })),
    );
    startEarly('/auth/me');
    await new Promise((r) => setTimeout(r, 10));
    expect(earlyInitial('/auth/me').initialData()).toBeUndefined();
    expect((await takeEarly('/auth/me'))?.status).toBe(401);
  });

  it('an answer taken by a fetch is not initial data as well', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Response.json({ data: [] })),
    );
    startEarly('/tasks/plans');
    await new Promise((r) => setTimeout(r, 10));
    await takeEarly('/tasks/plans');
    expect(earlyInitial('/tasks/plans').initialData()).toBeUndefined();
  });

  it('route patterns match a path inside /admin segment by segment, a :param any one segment', () => {
    expect(matches('/requests/cases/:id', '/requests/cases/abc-1')).toBe(true);
    expect(matches('/requests/cases/:id', '/requests/cases')).toBe(false);
    expect(matches('/requests/cases', '/requests/cases/abc-1')).toBe(false);
    expect(matches('/tasks/ledger', '/tasks/ledger/')).toBe(true);
    expect(matches('/', '/')).toBe(true);
    expect(matches('/tasks/ledger', '/tasks/by-task')).toBe(false);
  });
});
