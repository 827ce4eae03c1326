// MON-1 sampling cadence: one run per 72-minute bucket, so at least 20 samples a China day whatever the time zone.
import { describe, expect, it } from 'vitest';
import { SAMPLE_EVERY_MINUTES, sampleRunKey } from './availability';

const at = (iso: string) => new Date(iso);

describe('sampleRunKey', () => {
  it.each([
    ['2026-03-02T00:00:00Z', '2026-03-02T01:11:59Z', true],
    ['2026-03-02T00:00:00Z', '2026-03-02T01:12:00Z', false],
    ['2026-03-01T23:59:59Z', '2026-03-02T00:00:01Z', false], // 1,440 is a multiple of 72: a bucket starts at UTC midnight
  ])('%s and %s share a bucket: %s', (a, b, same) =>
    expect(sampleRunKey(at(a)) === sampleRunKey(at(b))).toBe(same),
  );

  it('gives 20 buckets in any 24 hours (≥ 20 probes a day)', () => {
    const start = at('2026-03-02T08:30:00+08:00').getTime();
    const keys = new Set<string>();
    for (let m = 0; m < 24 * 60; m++) keys.add(sampleRunKey(new Date(start + m * 60_000)));
    expect(keys.size).toBeGreaterThanOrEqual(20);
    expect(SAMPLE_EVERY_MINUTES * 20).toBe(24 * 60);
  });
});
