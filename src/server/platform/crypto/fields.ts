// Personal data encrypted at rest (issue 10 part 5; 个人信息保护法 第51条): applicants' ID numbers, phones and
// addresses are stored sealed with AES-256-GCM; where the code must find equal values (duplicate applications,
// 按件 counting) it compares a keyed hash (HMAC-SHA256) instead of the value.
//
// The keys live outside the database, in a JSON file (default `<data dir>/keys/fields.json`, mode 0600, or
// GONGKAI_FIELD_KEYS_FILE): { "current": "k2", "keys": { "k1": "<base64>", "k2": "<base64>" }, "hash": "<base64>" }.
// Rotation (README "Key files"): add a key, make it current, restart (the start re-seals every value of every
// column in sealed-columns.ts with the current key: reseal.ts), then remove the old key. The hash key is never
// rotated: it would orphan every duplicate-detection key already stored.
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface FieldKeys {
  current: string;
  keys: ReadonlyMap<string, Buffer>;
  hash: Buffer;
}

/** Every sealed value starts with `gk1:` (the format below); the re-seal after rotation looks for it. */
export const SEAL_PREFIX = 'gk1';

function decodeKey(name: string, b64: unknown): Buffer {
  const k = typeof b64 === 'string' ? Buffer.from(b64, 'base64') : Buffer.alloc(0);
  if (k.length !== 32) throw new Error(`字段加密密钥 ${name} 无效：应为 32 字节的 base64`);
  return k;
}

export function parseFieldKeys(json: string): FieldKeys {
  const raw = JSON.parse(json) as { current?: unknown; keys?: Record<string, unknown>; hash?: unknown };
  const keys = new Map<string, Buffer>();
  for (const [id, v] of Object.entries(raw.keys ?? {})) {
    if (!/^[A-Za-z0-9_-]{1,16}$/.test(id)) throw new Error(`字段加密密钥编号无效：${id}`);
    keys.set(id, decodeKey(id, v));
  }
  const current = String(raw.current ?? '');
  if (!keys.has(current)) throw new Error(`字段加密密钥文件中没有当前密钥 ${current || '（未指定）'}`);
  return { current, keys, hash: decodeKey('hash', raw.hash) };
}

/** Reads the key file, creating it (0600, in a 0700 folder) with fresh keys on first start. */
export function loadOrCreateFieldKeys(file: string): FieldKeys {
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const fresh = {
      current: 'k1',
      keys: { k1: randomBytes(32).toString('base64') },
      hash: randomBytes(32).toString('base64'),
    };
    // Written aside, then linked into place: the file appears whole (another process starting at the same moment
    // never reads it half-written) and a key file another process wrote in the meantime is never overwritten.
    const aside = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    fs.writeFileSync(aside, `${JSON.stringify(fresh, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
    try {
      fs.linkSync(aside, file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    } finally {
      fs.rmSync(aside, { force: true });
    }
  }
  return parseFieldKeys(fs.readFileSync(file, 'utf8'));
}

const loaded = new Map<string, FieldKeys>();
/** The key file's keys, read once per process (the server, the bootstrap and the CLI share them). */
export function fieldKeysOf(file: string): FieldKeys {
  let k = loaded.get(file);
  if (!k) {
    k = loadOrCreateFieldKeys(file);
    loaded.set(file, k);
  }
  return k;
}

export function isSealed(v: string): boolean {
  return v.startsWith(`${SEAL_PREFIX}:`);
}

/** 'gk1:<key id>:<iv>:<tag>:<ciphertext>' (base64url parts); a fresh IV every time. */
export function seal(keys: FieldKeys, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keys.keys.get(keys.current)!, iv);
  const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [SEAL_PREFIX, keys.current, iv, cipher.getAuthTag(), ct]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join(':');
}

/** The plain value. Values stored before encryption was introduced (not sealed) are returned as they are. */
export function unseal(keys: FieldKeys, stored: string): string {
  if (!isSealed(stored)) return stored;
  const [, id, iv, tag, ct] = stored.split(':');
  const key = keys.keys.get(id ?? '');
  if (!key || iv === undefined || tag === undefined || ct === undefined)
    throw new Error(`无法解密个人信息：密钥 ${id} 不在密钥文件中`);
  const d = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  d.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([d.update(Buffer.from(ct, 'base64url')), d.final()]).toString('utf8');
}

/** An optional value: null and '' stay as they are (nothing to seal or open). */
export const sealedOrNull = (keys: FieldKeys, v: string | null | undefined): string | null =>
  v ? seal(keys, v) : null;
export const openedOrNull = (keys: FieldKeys, v: string | null): string | null =>
  v ? unseal(keys, v) : null;

/** Whether a sealed value should be re-sealed with the current key (rotation). */
export function needsReseal(keys: FieldKeys, stored: string): boolean {
  return !isSealed(stored) || stored.split(':')[1] !== keys.current;
}

/** A keyed hash for equality look-ups: equal inputs give equal hashes; without the key it reveals nothing. */
export function keyedHash(keys: FieldKeys, value: string): string {
  return createHmac('sha256', keys.hash).update(value, 'utf8').digest('hex');
}
