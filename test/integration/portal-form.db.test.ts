// The portal's 依申请公开 form (issue 15 part 9): every problem at once, each next to its field, in plain Chinese;
// the ID number's check digit as in the console; what was typed kept when the question is answered wrongly.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestCases, units } from '../../src/server/db/schema';
import { setupApi, type TestApi } from '../api';
import { applyOnPortal } from '../portal-apply';

let api: TestApi;
let fgwUnit = '';
beforeAll(async () => {
  api = await setupApi();
  fgwUnit = (await api.tdb.database.db.select().from(units).where(eq(units.name, '区发展改革委')))[0]!.id;
});
afterAll(() => api?.close());

/** The message shown next to a field (its error paragraph), or null. */
const errorOf = (html: string, field: string) =>
  new RegExp(`id="f-${field}-err">([^<]*)<`).exec(html)?.[1] ?? null;

const good = {
  kind: 'natural_person',
  name: '王五',
  idType: 'id_card',
  idNumber: '11010519491231002X',
  phone: '13900139000',
  description: '2025年区级重大项目清单',
  deliveryForm: 'electronic',
  deliveryChannel: 'email',
  email: 'wang@example.com',
};

describe('portal application form', () => {
  it('an empty form: every required field is named next to itself at once, no format jargon', async () => {
    const r = await applyOnPortal(api.anon(), {});
    expect(r.status).toBe(400);
    expect(errorOf(r.html, 'unitId')).toBe('请选择受理机关');
    expect(errorOf(r.html, 'kind')).toBe('请选择申请人类型');
    expect(errorOf(r.html, 'name')).toBe('请填写姓名或者名称');
    expect(errorOf(r.html, 'idType')).toBe('请选择证件类型');
    expect(errorOf(r.html, 'idNumber')).toBe('请填写证件号码');
    expect(errorOf(r.html, 'phone')).toBe('请填写联系电话');
    expect(errorOf(r.html, 'description')).toContain('请写明所需政府信息');
    expect(errorOf(r.html, 'deliveryForm')).toBe('请选择获取信息的形式');
    expect(errorOf(r.html, 'deliveryChannel')).toBe('请选择获取信息的途径');
    // The question was answered right: no error there.
    expect(errorOf(r.html, 'answer')).toBeNull();
    expect(r.html).not.toContain('编号格式不正确');
    expect(r.html).toContain('请修改以下 9 处');
    expect(r.html).toContain('aria-invalid="true"');
    expect(r.html).toContain('href="#f-unitId"');
  });

  it("the ID number's check digit and birth date are checked as in the console", async () => {
    for (const [idNumber, message] of [
      ['110105194912310021', '校验位'],
      ['11010519491331002X', '出生日期'],
      ['1101051949', '18 位'],
    ] as const) {
      const r = await applyOnPortal(api.anon(), { ...good, unitId: fgwUnit, idNumber });
      expect(r.status).toBe(400);
      expect(errorOf(r.html, 'idNumber')).toContain(message);
      expect(r.html).toContain('请修改以下 1 处');
    }
    const org = await applyOnPortal(api.anon(), {
      ...good,
      unitId: fgwUnit,
      kind: 'commercial',
      idType: 'credit_code',
      idNumber: '91500000MA5U000000',
    });
    expect(errorOf(org.html, 'contactPerson')).toBe('法人或其他组织请填写联系人');
  });

  it('a wrong answer keeps what was typed and asks a new question; nothing is stored', async () => {
    const before = (await api.tdb.database.db.select().from(requestCases)).length;
    const anon = api.anon();
    const page = await (await anon.request('GET', '/ysqgk/apply')).raw.text();
    const token = /name="token" value="([^"]+)"/.exec(page)![1]!;
    const [, a, b] = /验证问题：(\d+) 加 (\d+) 等于几/.exec(page)!;
    const form = new FormData();
    for (const [k, v] of Object.entries({
      ...good,
      unitId: fgwUnit,
      token,
      answer: String(Number(a) + Number(b) + 1),
    }))
      form.append(k, v);
    // The test clock stands still: a second later, the new question's token cannot equal the old one even when the
    // same sum is drawn again.
    api.clock.advance(1000);
    const res = await anon.request('POST', '/ysqgk/apply', undefined, { form });
    const html = await res.raw.text();
    expect(res.status).toBe(400);
    expect(errorOf(html, 'answer')).toContain('验证问题回答不正确');
    expect(html).toContain('value="王五"');
    expect(html).toContain('value="13900139000"');
    expect(html).toContain('2025年区级重大项目清单');
    expect(html).toMatch(new RegExp(`<option value="${fgwUnit}" selected`));
    // A new question, not the old token.
    expect(html).not.toContain(token);
    expect((await api.tdb.database.db.select().from(requestCases)).length).toBe(before);
  });

  it('a correct form is accepted', async () => {
    const r = await applyOnPortal(api.anon(), { ...good, unitId: fgwUnit });
    expect(r.status, r.html.slice(0, 300)).toBe(201);
  });
});
