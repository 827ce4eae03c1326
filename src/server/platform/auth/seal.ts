// Seals small secrets (TOTP seeds) with AES-256-GCM under a key kept outside the database: GONGKAI_SECRET_KEY
// (base64 of 32 bytes; give every instance the same) or else <dataDir>/keys/secret.key, created on first use.
// A database dump therefore holds no usable TOTP seed.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../../config';

const cache = new Map<string, Buffer>();

export function secretKey(config: Pick<Config, 'dataDir'>, env: NodeJS.ProcessEnv = process.env): Buffer {
  const given = env.GONGKAI_SECRET_KEY;
  if (given) {
    const key = Buffer.from(given, 'base64');
    if (key.length !== 32) throw new Error('GONGKAI_SECRET_KEY 应为 32 字节密钥的 base64 编码');
    return key;
  }
  const file = path.join(config.dataDir, 'keys', 'secret.key');
  const known = cache.get(file);
  if (known) return known;
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    fs.writeFileSync(file, randomBytes(32).toString('base64'), { flag: 'wx', mode: 0o600 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  const key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
  cache.set(file, key);
  return key;
}

/** 'v1.<iv>.<tag>.<ciphertext>' (base64url); `aad` binds the value to its owner (a row cannot be moved). */
export function seal(key: Buffer, plain: string, aad: string): string {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(aad));
  const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
  return ['v1', iv, c.getAuthTag(), body]
    .map((x) => (typeof x === 'string' ? x : x.toString('base64url')))
    .join('.');
}

export function unseal(key: Buffer, sealed: string, aad: string): string {
  const [v, iv, tag, body] = sealed.split('.');
  if (v !== 'v1' || !iv || !tag || body === undefined) throw new Error('无法识别的密文格式');
  const d = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url')).setAAD(Buffer.from(aad));
  d.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([d.update(Buffer.from(body, 'base64url')), d.final()]).toString('utf8');
}
