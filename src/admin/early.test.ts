// early.ts: a GET started before the console renders answers the first call for its path once, and only while fresh.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startEarly, takeEarly } from './early';

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
});
