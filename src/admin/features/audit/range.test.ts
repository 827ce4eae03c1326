import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { rangeParams } from './range';

// The unit project runs with TZ=Asia/Shanghai (vitest.config.ts), the time zone of the users.
describe('rangeParams', () => {
  it.each([
    [null, {}],
    [undefined, {}],
    [[null, null], {}],
    [
      [dayjs('2026-03-01'), dayjs('2026-03-31')],
      { from: '2026-03-01T00:00:00+08:00', to: '2026-03-31T23:59:59+08:00' },
    ],
    [[dayjs('2026-03-01'), null], { from: '2026-03-01T00:00:00+08:00' }],
    [[null, dayjs('2026-03-31 10:15')], { to: '2026-03-31T23:59:59+08:00' }],
  ] as const)('%j -> %j', (range, expected) => {
    const got = rangeParams(range as Parameters<typeof rangeParams>[0]);
    expect(Object.fromEntries(Object.entries(got).filter(([, v]) => v !== undefined))).toEqual(expected);
  });
});
