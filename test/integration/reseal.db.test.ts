// SECURITY.md 37: staff phones are sealed at rest; after a key rotation the start re-seals every sealed column of
// platform/crypto/sealed-columns.ts with the new key (one audit record), so that the old key can then be removed
// from the key file (README "Key files"). The test keeps its own key files: a restart is a new bootstrap and a new
// app over the same database, reading the rotated file.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, getTableName, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../src/contracts/api';
import { maskIdCard, maskName, maskPhone } from '../../src/domain/privacy/mask';
import { buildApp } from '../../src/server/app';
import { bootstrap } from '../../src/server/bootstrap';
import { auditLog, units, users } from '../../src/server/db/schema';
import { portalMailboxes, writeOnPortal } from '../../src/server/modules/interaction';
import { sealStoredUserPhones } from '../../src/server/modules/org/users.service';
import { systemActor } from '../../src/server/platform/context';
import {
  type FieldKeys,
  fieldKeysOf,
  parseFieldKeys,
  seal,
  unseal,
} from '../../src/server/platform/crypto/fields';
import { resealRetiredKeys } from '../../src/server/platform/crypto/reseal';
import { SEALED_COLUMNS } from '../../src/server/platform/crypto/sealed-columns';
import { ADMIN_PASSWORD, Client, DEMO_PASSWORD, setupApi, type TestApi } from '../api';
import { ok, staffCaseBody, unitRecords } from '../unit-records';

const PW = 'Reseal#Gongkai26';
const KEY_A = randomBytes(32).toString('base64');
const KEY_B = randomBytes(32).toString('base64');
const HASH = randomBytes(32).toString('base64');

let api: TestApi;
let dir: string;
let fgwUnit: string;

/** A key file as README "Key files" describes it. */
function keyFile(name: string, current: string, keys: Record<string, string>): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify({ current, keys, hash: HASH }), { mode: 0o600 });
  return file;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-reseal-'));
  api = await setupApi({ config: { fieldKeysFile: keyFile('a.json', 'ka', { ka: KEY_A }) } });
  fgwUnit = (await api.tdb.database.db.select().from(units).where(eq(units.name, '区发展改革委')))[0]!.id;
});
afterAll(async () => {
  await api?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const db = () => api.tdb.database.db;

/** Logs in on `app` (a restarted instance) like setupApi's loginAs. */
async function loginOn(app: ReturnType<typeof buildApp>, username: string): Promise<Client> {
  await db().update(users).set({ mustChangePassword: false }).where(eq(users.username, username));
  const c = new Client(app);
  const r = await c.login(username, username === 'admin' ? ADMIN_PASSWORD : DEMO_PASSWORD);
  if (r.status !== 200) throw new Error(`login ${username}: ${JSON.stringify(r.body)}`);
  return c;
}

const rawPhone = async (username: string) =>
  (await db().select({ phone: users.phone }).from(users).where(eq(users.username, username)))[0]!.phone;

describe('staff phones at rest (users.phone)', () => {
  let admin: Client;
  beforeAll(async () => {
    admin = await api.loginAs('admin');
  });

  it('a new account’s phone is stored sealed; detail, list and export still show it masked', async () => {
    const created = await ok(
      admin.post<User>('/api/org/users', {
        username: 'reseal_user',
        name: '陈立新',
        unitId: fgwUnit,
        roles: ['liaison'],
        phone: '13700001111',
        password: PW,
      }),
      'create user',
    );
    expect(created.phoneMasked).toBe('137****1111');
    const stored = await rawPhone('reseal_user');
    expect(stored).toMatch(/^gk1:ka:/);
    expect(stored).not.toContain('13700001111');
    const list = await admin.get<{ items: User[] }>('/api/org/users?keyword=reseal_user');
    expect(list.body.data!.items.map((u) => u.phoneMasked)).toEqual(['137****1111']);
    const edited = await ok(
      admin.put<User>(`/api/org/users/${created.id}`, {
        name: '陈立新',
        unitId: fgwUnit,
        roles: ['liaison'],
        phone: '13700002222',
        status: 'active',
      }),
      'edit user',
    );
    expect(edited.phoneMasked).toBe('137****2222');
    expect(await rawPhone('reseal_user')).toMatch(/^gk1:ka:/);
    const r = await admin.get('/api/org/users/export');
    expect(r.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await r.raw.arrayBuffer());
    const rows: string[] = [];
    wb.worksheets[0]!.eachRow((row) => rows.push(JSON.stringify(row.values)));
    const mine = rows.find((x) => x.includes('reseal_user'))!;
    expect(mine).toContain('137****2222');
    expect(mine).not.toContain('13700002222');
    expect(rows.join()).not.toContain('gk1:');
  });

  it('phones stored in plain text before are sealed by the start-up step, once, with one audit record', async () => {
    await db().update(users).set({ phone: '13900003333' }).where(eq(users.username, 'fgw_reviewer'));
    const keys = api.platform.fieldKeys;
    expect(await sealStoredUserPhones(api.tdb.database, keys)).toBe(1);
    expect(await sealStoredUserPhones(api.tdb.database, keys)).toBe(0);
    const stored = await rawPhone('fgw_reviewer');
    expect(stored).toMatch(/^gk1:ka:/);
    expect(unseal(keys, stored!)).toBe('13900003333');
    const dump = JSON.stringify((await db().execute(sql`SELECT * FROM users`)).rows);
    expect(dump).not.toContain('13900003333');
    expect(dump).not.toContain('13700002222');
    const audited = await db().select().from(auditLog).where(eq(auditLog.action, 'org.user.sealPhones'));
    expect(audited.map((a) => a.detail)).toEqual([JSON.stringify({ sealed: 1 })]);
    const list = await admin.get<{ items: User[] }>('/api/org/users?keyword=fgw_reviewer');
    expect(list.body.data!.items.map((u) => u.phoneMasked)).toEqual(['139****3333']);
  });
});

/** Each place of the registry: `table.column`, or `table.column.key` in a jsonb column, with its SQL. */
const slots = SEALED_COLUMNS.flatMap((e) => {
  const t = getTableName(e.table);
  return [
    ...(e.columns ?? []).map((c) => ({
      name: `${t}.${c.name}`,
      table: e.table,
      expr: sql.identifier(c.name),
    })),
    ...(e.json?.keys ?? []).map((k) => ({
      name: `${t}.${e.json!.column.name}.${k}`,
      table: e.table,
      expr: sql`(${sql.identifier(e.json!.column.name)} ->> ${k}::text)`,
    })),
  ];
});

/** Every sealed value of a slot, by row id. */
async function sealedValues(slot: (typeof slots)[number]): Promise<Map<string, string>> {
  const r = await db().execute<{ id: string; v: string }>(
    sql`SELECT id::text AS id, ${slot.expr} AS v FROM ${slot.table} WHERE ${slot.expr} LIKE 'gk1:%'`,
  );
  return new Map(r.rows.map((x) => [x.id, x.v]));
}

/** Every column of the database holding a sealed value (`gk1:` anywhere in it), as `table.column`. */
async function columnsHoldingSealed(): Promise<string[]> {
  const cols = await db().execute<{ t: string; c: string }>(sql`
    SELECT table_name AS t, column_name AS c FROM information_schema.columns
    WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'jsonb', 'json', 'ARRAY')`);
  const found: string[] = [];
  for (const { t, c } of cols.rows) {
    const r = await db().execute<{ n: string }>(
      sql`SELECT count(*) AS n FROM ${sql.identifier(t)} WHERE ${sql.identifier(c)}::text LIKE '%gk1:%'`,
    );
    if (Number(r.rows[0]!.n) > 0) found.push(`${t}.${c}`);
  }
  return found;
}

describe('key rotation: every sealed column re-sealed at start (SECURITY.md 37)', () => {
  const plainBefore = new Map<string, Map<string, string>>();
  let ids: Record<string, string> = {};

  beforeAll(async () => {
    const office = await api.loginAs('office');
    const fgw = await api.loginAs('fgw_liaison');
    // One record through every path that seals (under key A, the current one).
    const body = staffCaseBody(fgwUnit);
    const kase = await ok(
      office.post<{ id: string }>('/api/requests/cases', {
        ...body,
        applicant: { ...body.applicant, address: '重庆市潼南区桂林街道红星路8号' },
      }),
      'case',
    );
    const rec = await unitRecords(fgw, office, fgwUnit);
    const consult = await ok(
      fgw.post<{ id: string }>('/api/interaction/consultations', {
        channel: 'phone',
        question: '技术改造补贴的申报截止时间是哪天？',
        unitId: fgwUnit,
        askerName: '赵明远',
        askerContact: '13700137000',
        receivedOn: '2026-03-02',
      }),
      'consultation',
    );
    const head = (await portalMailboxes(db())).find((b) => b.name === '区长信箱')!.id;
    const letter = await writeOnPortal(
      api.tdb.database,
      api.clock,
      api.platform.fieldKeys,
      systemActor('portal'),
      {
        mailboxId: head,
        type: 'complaint',
        subject: '小区夜间施工噪音扰民',
        body: '红星路工地每晚施工到凌晨。',
        writerName: '张建国',
        writerPhone: '13912345678',
        writerIdNo: '11010519491231002X',
        consent: false,
      },
    );
    const letterId = (
      await db().execute<{ id: string }>(
        sql`SELECT id::text AS id FROM interaction_letters WHERE letter_no = ${letter.letterNo}`,
      )
    ).rows[0]!.id;
    await ok(fgw.post(`/api/disclosure/decisions/${rec.decision.id}/open`, { commentDays: 33 }), 'open');
    const anon = api.anon();
    const formPage = await (await anon.request('GET', `/hdjl/zj/${rec.decision.id}`)).raw.text();
    const token = /name="token" value="([^"]+)"/.exec(formPage)![1]!;
    const [, a, b] = /验证问题：(\d+) 加 (\d+) 等于几/.exec(formPage)!;
    const form = new FormData();
    for (const [k, v] of Object.entries({
      token,
      answer: String(Number(a) + Number(b)),
      text: '票价太高，请联系我 13812345678 沟通。',
    }))
      form.append(k, v);
    expect((await anon.request('POST', `/hdjl/zj/${rec.decision.id}`, undefined, { form })).status).toBe(201);
    ids = {
      kase: kase.id,
      consult: consult.id,
      call: rec.call.id,
      letter: letterId,
      enforcement: rec.enforcement.id,
    };
    const keysA = api.platform.fieldKeys;
    for (const s of slots) {
      const open = new Map<string, string>();
      for (const [id, v] of await sealedValues(s)) open.set(id, unseal(keysA, v));
      plainBefore.set(s.name, open);
    }
  });

  it('the registry lists every column holding a sealed value, and each of its columns holds some here', async () => {
    const registered = new Set(
      SEALED_COLUMNS.flatMap((e) =>
        [...(e.columns ?? []), ...(e.json ? [e.json.column] : [])].map(
          (c) => `${getTableName(e.table)}.${c.name}`,
        ),
      ),
    );
    const found = await columnsHoldingSealed();
    expect(found.length).toBeGreaterThan(0);
    expect(found.filter((c) => !registered.has(c))).toEqual([]);
    // Each registered place got a value under key A from the records above: the rotation below covers them all.
    expect(slots.filter((s) => !plainBefore.get(s.name)?.size).map((s) => s.name)).toEqual([]);
    for (const s of slots)
      for (const v of (await sealedValues(s)).values()) expect(v.startsWith('gk1:ka:'), s.name).toBe(true);
  });

  /** What a restarted instance's staff read: every value opens, shown in full or masked. */
  async function readsEverything(keys: FieldKeys) {
    const app = buildApp({ ...api.platform, fieldKeys: keys });
    const admin = await loginOn(app, 'admin');
    const office = await loginOn(app, 'office');
    const fgw = await loginOn(app, 'fgw_liaison');
    const shows = (json: string, plain: string) =>
      [plain, maskPhone(plain), maskName(plain), maskIdCard(plain)].some((m) => m && json.includes(m));
    const reads: [string, Client, string, string[]][] = [
      ['user', admin, '/api/org/users?keyword=reseal_user', ['13700002222']],
      ['case', office, `/api/requests/cases/${ids.kase}`, ['11010519491231002X', '13800138000', '红星路8号']],
      ['consultation', fgw, `/api/interaction/consultations/${ids.consult}`, ['赵明远', '13700137000']],
      ['call', fgw, `/api/interaction/calls/${ids.call}`, ['王小明', '13800138000']],
      [
        'letter',
        office,
        `/api/interaction/letters/${ids.letter}`,
        ['张建国', '13912345678', '11010519491231002X'],
      ],
      ['enforcement', fgw, '/api/disclosure/enforcement', ['11010519491231002X']],
    ];
    for (const [what, c, url, plains] of reads) {
      const r = await c.get(url);
      expect(r.status, what).toBe(200);
      const json = JSON.stringify(r.body);
      expect(json, what).not.toContain('gk1:');
      for (const p of plains) expect(shows(json, p), `${what}: ${p}`).toBe(true);
    }
  }

  it('rotate to key B, start: nothing stays under key A, one audit record; then key A is removed and all still reads', async () => {
    const fileB = keyFile('b.json', 'kb', { ka: KEY_A, kb: KEY_B });
    const onlyB = parseFieldKeys(JSON.stringify({ current: 'kb', keys: { kb: KEY_B }, hash: HASH }));
    // Without the re-seal, dropping key A would leave the values unreadable (the check below can fail).
    const user = (await db().select().from(users).where(eq(users.username, 'reseal_user')))[0]!;
    expect(() => unseal(onlyB, user.phone!)).toThrow(/密钥 ka/);

    const printed: string[] = [];
    await bootstrap(api.tdb.database, { ...api.config, fieldKeysFile: fileB }, (m) => printed.push(m));
    let total = 0;
    for (const s of slots) {
      const now = await sealedValues(s);
      const before = plainBefore.get(s.name)!;
      expect(now.size, s.name).toBe(before.size);
      for (const [id, v] of now) {
        expect(v.startsWith('gk1:kb:'), `${s.name} ${id}`).toBe(true);
        expect(unseal(onlyB, v), `${s.name} ${id}`).toBe(before.get(id));
      }
      total += now.size;
    }
    const n = await db().execute<{ n: string }>(
      sql`SELECT count(*) AS n FROM audit_log WHERE action = 'system.fieldKeys.reseal'`,
    );
    expect(Number(n.rows[0]!.n)).toBe(1);
    const [rec] = await db().select().from(auditLog).where(eq(auditLog.action, 'system.fieldKeys.reseal'));
    expect(rec).toMatchObject({ username: 'bootstrap', result: 'success', objectId: 'kb' });
    expect(JSON.parse(rec!.detail!)).toEqual({
      currentKey: 'kb',
      retiredKeys: ['ka'],
      total,
      resealed: Object.fromEntries(slots.map((s) => [s.name, plainBefore.get(s.name)!.size])),
      failed: {},
      unknownKey: {},
    });
    expect(printed.join('\n')).toContain(`已用当前密钥 kb 重新加密 ${total} 项个人信息`);
    expect(printed.join('\n')).toContain('旧密钥 ka 可从密钥文件中删除');
    await readsEverything(fieldKeysOf(fileB));

    // The next start has nothing to do: no second audit record.
    await bootstrap(api.tdb.database, { ...api.config, fieldKeysFile: fileB }, () => {});
    const again = await db().execute<{ n: string }>(
      sql`SELECT count(*) AS n FROM audit_log WHERE action = 'system.fieldKeys.reseal'`,
    );
    expect(Number(again.rows[0]!.n)).toBe(1);

    // Key A removed from the file, as README says: the next start and the app read everything.
    const fileC = keyFile('c.json', 'kb', { kb: KEY_B });
    const warnings: string[] = [];
    await bootstrap(api.tdb.database, { ...api.config, fieldKeysFile: fileC }, (m) => warnings.push(m));
    expect(warnings.filter((m) => m.includes('警告'))).toEqual([]);
    await readsEverything(fieldKeysOf(fileC));
  });

  it('a damaged value or one under a key missing from the file is left, counted and warned about; the rest moves on', async () => {
    const KEY_C = randomBytes(32).toString('base64');
    const stray = parseFieldKeys(
      JSON.stringify({ current: 'kz', keys: { kz: randomBytes(32).toString('base64') }, hash: HASH }),
    );
    const withB = fieldKeysOf(path.join(dir, 'c.json'));
    const damaged = seal(withB, '13600006666').split(':');
    const ct = Buffer.from(damaged[4]!, 'base64url');
    ct[0] = ct[0]! ^ 1;
    damaged[4] = ct.toString('base64url');
    await db()
      .update(users)
      .set({ phone: damaged.join(':') })
      .where(eq(users.username, 'jw_liaison'));
    await db()
      .update(users)
      .set({ phone: seal(stray, '13600007777') })
      .where(eq(users.username, 'leader'));
    const fileD = keyFile('d.json', 'kc', { kb: KEY_B, kc: KEY_C });
    const printed: string[] = [];
    await bootstrap(api.tdb.database, { ...api.config, fieldKeysFile: fileD }, (m) => printed.push(m));
    expect(printed.join('\n')).toContain('1 项个人信息无法用旧密钥解密（数据损坏），未重新加密：users.phone');
    expect(printed.join('\n')).toContain('1 项个人信息所用的密钥已不在密钥文件中');
    expect(printed.join('\n')).not.toContain('可从密钥文件中删除');
    expect(await rawPhone('jw_liaison')).toBe(damaged.join(':'));
    expect(await rawPhone('leader')).toMatch(/^gk1:kz:/);
    for (const s of slots)
      for (const v of (await sealedValues(s)).values())
        if (!v.startsWith('gk1:kz:') && v !== damaged.join(':'))
          expect(v.startsWith('gk1:kc:'), s.name).toBe(true);
    const recs = await db().select().from(auditLog).where(eq(auditLog.action, 'system.fieldKeys.reseal'));
    expect(recs).toHaveLength(2);
    const last = recs.find((r) => r.objectId === 'kc')!;
    expect(last.result).toBe('failure');
    expect(JSON.parse(last.detail!)).toMatchObject({
      failed: { 'users.phone': 1 },
      unknownKey: { 'users.phone': 1 },
    });
  });
  it('walks the rows in batches (one row a batch here): every value of the retired key moves, none twice', async () => {
    const underC = async () => {
      let n = 0;
      for (const s of slots)
        for (const v of (await sealedValues(s)).values()) if (v.startsWith('gk1:kc:')) n++;
      return n;
    };
    const before = await underC();
    expect(before).toBeGreaterThan(3);
    const keysE = fieldKeysOf(
      keyFile('e.json', 'ke', {
        kc: fieldKeysOf(path.join(dir, 'd.json')).keys.get('kc')!.toString('base64'),
        ke: KEY_B,
      }),
    );
    const r = await resealRetiredKeys(api.tdb.database, keysE, { batch: 1 });
    expect(Object.values(r.resealed).reduce((a, b) => a + b, 0)).toBe(before);
    expect(await underC()).toBe(0);
  });
});
