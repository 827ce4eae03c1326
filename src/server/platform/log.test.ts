import { DrizzleQueryError } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { errorFields, logLine, REDACTED } from './log';

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

describe('errorFields', () => {
  it('gives a failed query’s statement and the database’s reason, never its parameters', () => {
    const hash = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo';
    const err = new DrizzleQueryError(
      'update "users" set "password_hash" = $1 where "users"."id" = $2',
      [hash, '9b29e006-1a90-4cc5-be4f-620ba0397621'],
      new Error('disk full'),
    );
    expect(err.stack).toContain(hash);
    const fields = errorFields(err);
    const line = logLine(at, 'error', 'unhandled error', fields);
    expect(line).not.toContain('argon2');
    expect(line).not.toContain('9b29e006');
    expect(fields.error).toContain('Failed query: update "users" set "password_hash" = $1');
    expect(fields.cause).toBe('Error: disk full');
    expect(fields.stack).toMatch(/\n\s+at /);
  });

  it('keeps any other error’s text and stack', () => {
    const err = new TypeError('x is undefined');
    expect(errorFields(err)).toEqual({ error: 'TypeError: x is undefined', stack: err.stack });
    expect(errorFields('plain')).toEqual({ error: 'plain' });
  });
});
