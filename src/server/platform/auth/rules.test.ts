import * as OTPAuth from 'otpauth';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SECURITY } from '../settings';
import {
  delaySchedule,
  delaySeconds,
  locksNow,
  needsChallenge,
  TOTP_PERIOD,
  throttleRule,
  totpAcceptable,
  totpStep,
} from './rules';

const user = throttleRule('user', DEFAULT_SECURITY);
const ip = throttleRule('ip', DEFAULT_SECURITY);

describe('login throttle rules (defaults: challenge after 3, hard lock at 5)', () => {
  it.each<[number, number, boolean, boolean]>([
    // failures, delay before the next attempt (s), challenge needed, locks now
    [0, 0, false, false],
    [2, 0, false, false],
    [3, 1, true, false],
    [4, 2, true, false],
    [5, 4, true, true],
    [8, 32, true, true],
    [9, 60, true, true],
    [50, 60, true, true],
  ])('a name after %i failures: wait %is, challenge %s, lock %s', (f, wait, challenge, lock) => {
    expect(delaySeconds(f, user)).toBe(wait);
    expect(needsChallenge(f, user)).toBe(challenge);
    expect(locksNow(f, user)).toBe(lock);
  });

  it.each<[number, number, boolean]>([
    [3, 0, false],
    [8, 0, false],
    [9, 0, true],
    [39, 0, true],
    [40, 1, true],
    [45, 30, true],
  ])(
    'an address (one NAT, many people) after %i failures: wait %is, challenge %s, never locked',
    (f, wait, ch) => {
      expect(delaySeconds(f, ip)).toBe(wait);
      expect(needsChallenge(f, ip)).toBe(ch);
      expect(locksNow(f, ip)).toBe(false);
    },
  );

  it('follows the settings: a lower challenge threshold challenges and delays sooner', () => {
    const r = throttleRule('user', { ...DEFAULT_SECURITY, challengeThreshold: 1, hardLockThreshold: 10 });
    expect([needsChallenge(0, r), needsChallenge(1, r), delaySeconds(1, r), locksNow(10, r)]).toEqual([
      false,
      true,
      1,
      true,
    ]);
  });

  it('hands SQL a schedule indexed by failure count', () => {
    const s = delaySchedule(user, 10);
    expect(s).toHaveLength(11);
    expect(s.slice(0, 6)).toEqual([0, 0, 0, 1, 2, 4]);
  });
});

describe('TOTP window (30-second steps, ±1, each step once)', () => {
  const now = totpStep(Date.parse('2026-03-02T01:00:10Z'));
  it.each<[string, number | null, number, boolean]>([
    ['current step', now, now - 5, true],
    ['one step early (clock drift)', now - 1, now - 5, true],
    ['one step late', now + 1, now - 5, true],
    ['two steps away', now - 2, now - 5, false],
    ['no match', null, 0, false],
    ['the step already used (replay)', now, now, false],
    ['an earlier step than the last used', now - 1, now, false],
  ])('%s', (_name, matched, lastUsed, ok) => {
    expect(totpAcceptable(matched, now, lastUsed)).toBe(ok);
  });

  it('matches the library: a code of the previous period validates with delta -1', () => {
    const t = new OTPAuth.TOTP({ secret: new OTPAuth.Secret({ size: 20 }), period: TOTP_PERIOD });
    const at = Date.parse('2026-03-02T01:00:10Z');
    const code = t.generate({ timestamp: at - TOTP_PERIOD * 1000 });
    expect(t.validate({ token: code, timestamp: at, window: 1 })).toBe(-1);
    expect(t.validate({ token: code, timestamp: at + TOTP_PERIOD * 1000, window: 1 })).toBeNull();
  });
});
