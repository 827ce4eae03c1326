import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyedHash, loadOrCreateFieldKeys, needsReseal, parseFieldKeys, seal, unseal } from './fields';

const b64 = (byte: number) => Buffer.alloc(32, byte).toString('base64');
const keyFile = (current: string, keys: Record<string, string>) =>
  JSON.stringify({ current, keys, hash: b64(9) });

describe('field encryption', () => {
  const k1 = parseFieldKeys(keyFile('k1', { k1: b64(1) }));

  it('seals with a fresh IV and opens to the same value', () => {
    const a = seal(k1, '500101199001011234');
    const b = seal(k1, '500101199001011234');
    expect(a).not.toBe(b);
    expect(a).not.toContain('500101');
    expect(unseal(k1, a)).toBe('500101199001011234');
  });

  it('detects a changed ciphertext (GCM tag)', () => {
    const s = seal(k1, '13800138000').split(':');
    const ct = Buffer.from(s[4]!, 'base64url');
    ct[0] = ct[0]! ^ 1;
    s[4] = ct.toString('base64url');
    expect(() => unseal(k1, s.join(':'))).toThrow();
  });

  it('rotation: old values open with the old key, new ones use the current key', () => {
    const old = seal(k1, '重庆市潼南区');
    const k2 = parseFieldKeys(keyFile('k2', { k1: b64(1), k2: b64(2) }));
    expect(unseal(k2, old)).toBe('重庆市潼南区');
    expect(needsReseal(k2, old)).toBe(true);
    const fresh = seal(k2, '重庆市潼南区');
    expect(needsReseal(k2, fresh)).toBe(false);
    const onlyK2 = parseFieldKeys(keyFile('k2', { k2: b64(2) }));
    expect(() => unseal(onlyK2, old)).toThrow(/密钥 k1/);
  });

  it('values stored before encryption pass through and are marked for sealing', () => {
    expect(unseal(k1, '13800138000')).toBe('13800138000');
    expect(needsReseal(k1, '13800138000')).toBe(true);
  });

  it('keyed hash: equal for equal values, different with another key', () => {
    const other = parseFieldKeys(JSON.stringify({ current: 'k1', keys: { k1: b64(1) }, hash: b64(8) }));
    expect(keyedHash(k1, 'x')).toBe(keyedHash(k1, 'x'));
    expect(keyedHash(k1, 'x')).not.toBe(keyedHash(k1, 'y'));
    expect(keyedHash(k1, 'x')).not.toBe(keyedHash(other, 'x'));
  });

  it.each([
    ['no current key', JSON.stringify({ current: 'k9', keys: { k1: b64(1) }, hash: b64(9) }), /当前密钥/],
    ['short key', JSON.stringify({ current: 'k1', keys: { k1: 'AAAA' }, hash: b64(9) }), /32 字节/],
    ['no hash key', JSON.stringify({ current: 'k1', keys: { k1: b64(1) } }), /hash/],
  ])('refuses a bad key file: %s', (_n, json, msg) => expect(() => parseFieldKeys(json)).toThrow(msg));

  it('creates the key file once, private to the owner', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-keys-'));
    const file = path.join(dir, 'keys', 'fields.json');
    const a = loadOrCreateFieldKeys(file);
    const b = loadOrCreateFieldKeys(file);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(unseal(b, seal(a, 'v'))).toBe('v');
    fs.rmSync(dir, { recursive: true });
  });
});
