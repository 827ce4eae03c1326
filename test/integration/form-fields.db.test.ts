// Requirement 38's schema test: the fields of every public form — parsed from the rendered HTML — and of its contract
// are exactly those declared necessary in src/domain/privacy/form-fields.ts, each with its reason; a form posting
// anywhere in the portal's source must be declared there.
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zApplicant, zIntake } from '../../src/contracts/requests';
import {
  type DeclaredField,
  GUARD_FIELDS,
  PUBLIC_FORMS,
  RECORD_FORMS,
} from '../../src/domain/privacy/form-fields';
import { zLetter } from '../../src/portal/hdjl/xx';
import { zAsk } from '../../src/portal/interaction';
import { consultations, units } from '../../src/server/db/schema';
import { type Client, setupApi, type TestApi } from '../api';
import { ok, unitRecords } from '../unit-records';

let api: TestApi;
let fgw: string;
let staff: Client;
beforeAll(async () => {
  api = await setupApi();
  fgw = (await api.tdb.database.db.select().from(units).where(eq(units.name, '区发展改革委')))[0]!.id;
  staff = await api.loginAs('fgw_liaison');
});
afterAll(() => api?.close());

const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&#x2F;|&#47;/g, '/');

/** Each POST form of a page: its action and the names of its inputs, selects and textareas. */
function postForms(html: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const attrs = m[1]!;
    if (!/method="post"/i.test(attrs)) continue;
    const action = decode(/action="([^"]*)"/.exec(attrs)?.[1] ?? '');
    const names = new Set<string>();
    for (const f of m[2]!.matchAll(/<(?:input|select|textarea)\b[^>]*\bname="([^"]+)"/g)) names.add(f[1]!);
    out.set(action, names);
  }
  return out;
}

const page = async (url: string) => (await api.anon().request('GET', url)).raw.text();
const sorted = (s: Iterable<string>) => [...s].sort();

function expectDeclared(fields: Record<string, DeclaredField>) {
  for (const [name, f] of Object.entries(fields)) {
    // Every field says why it is needed, in Chinese.
    expect(f.why, name).toMatch(/[\u4e00-\u9fff]{2,}/);
  }
}

describe('public forms collect only the declared fields', () => {
  it.each(Object.entries(PUBLIC_FORMS))('%s', async (_name, form) => {
    expectDeclared(form.fields);
    const forms = postForms(await page(form.page));
    expect([...forms.keys()]).toContain(form.action);
    expect(sorted(forms.get(form.action)!)).toEqual(sorted(Object.keys(form.fields)));
  });

  it('the 意见征集 form of an open draft', async () => {
    const { decision } = await unitRecords(staff, await api.loginAs('office'), fgw);
    await ok(staff.post(`/api/disclosure/decisions/${decision.id}/open`, { commentDays: 33 }), 'open');
    const forms = postForms(await page(`/hdjl/zj/${decision.id}`));
    const [action, names] = [...forms].find(([a]) => RECORD_FORMS.comment!.action.test(a))!;
    expect(action).toBe(`/hdjl/zj/${decision.id}`);
    expectDeclared(RECORD_FORMS.comment!.fields);
    expect(sorted(names)).toEqual(sorted(Object.keys(RECORD_FORMS.comment!.fields)));
  });

  it('the rating form of an answered consultation', async () => {
    const { id } = await ok(
      staff.post<{ id: string }>('/api/interaction/consultations', {
        channel: 'phone',
        question: '表单字段检查：补贴何时发放？',
        unitId: fgw,
        receivedOn: '2026-03-02',
      }),
      'consultation',
    );
    await ok(
      staff.post(`/api/interaction/consultations/${id}/actions`, {
        action: 'answer',
        answer: '项目验收后发放。',
        answeredOn: '2026-03-02',
      }),
      'answer',
    );
    const [row] = await api.tdb.database.db.select().from(consultations).where(eq(consultations.id, id));
    const forms = postForms(await page(`/hdjl/zxwd/query?code=${row!.queryCode}`));
    expect(forms.has('/hdjl/zxwd/rate')).toBe(true);
    expectDeclared(RECORD_FORMS.rating!.fields);
    expect(sorted(forms.get('/hdjl/zxwd/rate')!)).toEqual(sorted(Object.keys(RECORD_FORMS.rating!.fields)));
  });
});

describe('the contracts behind the forms declare nothing more', () => {
  const own = (fields: Record<string, DeclaredField>) =>
    Object.keys(fields).filter((k) => !(k in GUARD_FIELDS));

  it.each([
    // The application's applicant is nested in the contract and flat on the form; the file is read apart.
    [
      'ysqgkApply',
      [
        ...Object.keys(zIntake.shape).filter((k) => k !== 'applicant'),
        ...Object.keys(zApplicant.shape),
        'idProof',
      ],
    ],
    ['letter', Object.keys(zLetter.shape)],
    ['consultation', Object.keys(zAsk.shape)],
  ])('%s', (name, contract) => {
    expect(sorted(contract)).toEqual(sorted(own(PUBLIC_FORMS[name]!.fields)));
  });
});

it('every form that posts in the portal’s source is declared', () => {
  const root = path.resolve(import.meta.dirname, '../../src/portal');
  const files = fs.readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.tsx'));
  const actions = new Set<string>();
  for (const f of files) {
    const src = fs.readFileSync(path.join(root, f), 'utf8');
    for (const m of src.matchAll(/<form\s+method="post"\s+action=(?:"([^"]+)"|\{`([^`]+)`\})/g))
      actions.add(m[1] ?? m[2]!.replace(/\$\{[^}]+\}/g, '00000000-0000-0000-0000-000000000000'));
  }
  expect(actions.size).toBeGreaterThan(4);
  const declared = (a: string) =>
    Object.values(PUBLIC_FORMS).some((f) => f.action === a) ||
    Object.values(RECORD_FORMS).some((f) => f.action.test(a));
  expect([...actions].filter((a) => !declared(a))).toEqual([]);
});
