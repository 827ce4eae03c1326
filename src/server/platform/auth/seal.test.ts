import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seal, secretKey, unseal } from './seal';

describe('sealed secrets (AES-256-GCM)', () => {
  const key = Buffer.alloc(32, 7);
  it('round-trips and hides the plain text', () => {
    const s = seal(key, 'JBSWY3DPEHPK3PXP', 'user-1');
    expect(s).not.toContain('JBSWY3DPEHPK3PXP');
    expect(unseal(key, s, 'user-1')).toBe('JBSWY3DPEHPK3PXP');
  });
  it('refuses another owner, another key or a changed byte', () => {
    const s = seal(key, 'secret', 'user-1');
    expect(() => unseal(key, s, 'user-2')).toThrow();
    expect(() => unseal(Buffer.alloc(32, 8), s, 'user-1')).toThrow();
    const parts = s.split('.');
    const body = parts[3]!;
    parts[3] = (body[0] === 'A' ? 'B' : 'A') + body.slice(1);
    expect(() => unseal(key, parts.join('.'), 'user-1')).toThrow();
  });
  it('keeps the key in a 0600 file under the data directory unless GONGKAI_SECRET_KEY gives one', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-seal-'));
    const k1 = secretKey({ dataDir: dir }, {});
    expect(k1).toHaveLength(32);
    expect(secretKey({ dataDir: dir }, {}).equals(k1)).toBe(true);
    expect(fs.statSync(path.join(dir, 'keys', 'secret.key')).mode & 0o777).toBe(0o600);
    const given = Buffer.alloc(32, 1).toString('base64');
    expect(secretKey({ dataDir: dir }, { GONGKAI_SECRET_KEY: given }).equals(Buffer.alloc(32, 1))).toBe(true);
    expect(() => secretKey({ dataDir: dir }, { GONGKAI_SECRET_KEY: 'c2hvcnQ=' })).toThrow(/32 字节/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
