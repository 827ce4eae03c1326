import { describe, expect, it } from 'vitest';
import { loginErrorText } from './lockInfo';

const NOW = Date.parse('2026-03-02T08:00:00+08:00');

describe('loginErrorText', () => {
  it.each<[string, unknown, string]>([
    ['用户名或密码错误', undefined, '用户名或密码错误'],
    ['账号已锁定', { remainingSeconds: 900 }, '账号已锁定，请约 15 分钟后再试'],
    ['账号已锁定', { remainingSeconds: 61 }, '账号已锁定，请约 2 分钟后再试'],
    ['账号已锁定', { remainingSeconds: 5 }, '账号已锁定，请约 1 分钟后再试'],
    ['账号已锁定', { retryAfterSeconds: 120 }, '账号已锁定，请约 2 分钟后再试'],
    ['账号已锁定', { lockedUntil: '2026-03-02T08:30:00+08:00' }, '账号已锁定，请约 30 分钟后再试'],
    // the server already says how long: keep its message
    ['账号已锁定，请 12 分钟后再试', { remainingSeconds: 720 }, '账号已锁定，请 12 分钟后再试'],
    ['账号已锁定', { lockedUntil: 'not a date' }, '账号已锁定'],
  ])('%s %j -> %s', (message, details, expected) => {
    expect(loginErrorText(message, details, NOW)).toBe(expected);
  });
});
