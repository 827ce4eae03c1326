import { describe, expect, it } from 'vitest';
import { logLine, REDACTED } from './log';

const at = new Date('2026-03-02T01:00:00Z');

describe('logLine', () => {
  it('is one line of JSON whatever the values hold (no forged lines)', () => {
    const line = logLine(at, 'info', 'login\nfake {"level":"error"}', { path: '/a\r\nSet-Cookie: x' });
    expect(line.split('\n')).toHaveLength(1);
    expect(JSON.parse(line)).toMatchObject({ level: 'info', msg: 'login\nfake {"level":"error"}' });
  });

  it.each([
    ['password', { password: 'Demo#Gongkai1' }],
    ['nested token', { req: { headers: { cookie: 'gk_sid=abc', authorization: 'Bearer x' } } }],
    ['challenge answer and TOTP code', { challengeAnswer: '42', totpCode: '123456' }],
  ])('replaces secrets: %s', (_name, extra) => {
    const line = logLine(at, 'warn', 'x', extra);
    for (const secret of ['Demo#Gongkai1', 'gk_sid=abc', 'Bearer x', '"42"', '123456'])
      expect(line).not.toContain(secret);
    expect(line).toContain(REDACTED);
  });

  it('masks ID and phone numbers anywhere, including error texts', () => {
    const line = logLine(at, 'error', 'unhandled error', {
      error: 'duplicate key: id_number=500103199001011232, phone 13812345678',
    });
    expect(line).not.toContain('500103199001011232');
    expect(line).not.toContain('13812345678');
    expect(line).toContain('138****5678');
  });

  it('keeps ordinary fields as they are', () => {
    const line = JSON.parse(
      logLine(at, 'info', '任务已完成', { requestId: 'r-12345678', count: 3, keyless: true }),
    );
    expect(line).toEqual({
      t: '2026-03-02T01:00:00.000Z',
      level: 'info',
      msg: '任务已完成',
      requestId: 'r-12345678',
      count: 3,
      keyless: true,
    });
  });
});
