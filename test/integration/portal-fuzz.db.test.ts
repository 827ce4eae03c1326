// SECURITY.md 20 for the portal: its pages and HTML forms are not in the route registry (they are not API
// contracts), so they are walked from the app's own route table. Every GET page gets junk query strings and junk
// path parameters; every POST form gets junk forms — its own field names (read from the page that shows the form)
// with junk values, unknown fields, files where text goes, a valid token and challenge answer half of the time —
// as multipart and as urlencoded bodies, plus bodies that are no form at all. Every answer is below 500, a
// refusal says why in Chinese and carries no stack, and every request answers within 5 seconds (a hang fails).
import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { units } from '../../src/server/db/schema';
import { setupApi, type TestApi } from '../api';
import { FUZZ_LIMIT_MS, junkParams, junkString, seedOf, within } from '../fuzz';

const RUNS = 12;
const SEED = 20_261_206;
const FAKE = '00000000-0000-4000-8000-000000000000';

let api: TestApi;
let fgwUnit = '';
beforeAll(async () => {
  api = await setupApi();
  fgwUnit = (await api.tdb.database.db.select().from(units).where(eq(units.name, '区发展改革委')))[0]!.id;
}, 120_000);
afterAll(() => api.close());

interface Answer {
  status: number;
  text: string;
}

/** One request with the fuzz time limit: a hang is an answer of its own (status 0). */
async function send(
  method: string,
  path: string,
  init: { body?: BodyInit; type?: string } = {},
): Promise<Answer> {
  const headers: Record<string, string> = init.type ? { 'content-type': init.type } : {};
  const r = await within(
    (async () => {
      const res = await api.app.request(path, { method, headers, body: init.body });
      return { status: res.status, text: await res.text() };
    })(),
  );
  return r === 'hang' ? { status: 0, text: 'no answer' } : r;
}

/** What is wrong with an answer: a hang, a 5xx, a refusal without Chinese, a stack. */
function fault(r: Answer): string | null {
  if (r.status === 0) return `no answer within ${FUZZ_LIMIT_MS} ms`;
  if (r.status >= 500) return `${r.status} ${r.text.slice(0, 200)}`;
  if (r.status >= 400 && !/[\u4e00-\u9fff]/.test(r.text))
    return `${r.status} without Chinese: ${r.text.slice(0, 120)}`;
  if (/\n\s+at |node_modules\/|\.tsx?:\d+:\d+/.test(r.text)) return `${r.status} carries a stack`;
  return null;
}

// The portal's own routes (not the API, not the console's files).
const portalRoutes = () => {
  const seen = new Set<string>();
  return api.app.routes
    .filter((r) => (r.method === 'GET' || r.method === 'POST') && !/^\/(api|admin)(\/|$)/.test(r.path))
    .filter((r) => !r.path.includes('*'))
    .map((r) => ({ method: r.method, path: r.path }))
    .filter((r) => !seen.has(`${r.method} ${r.path}`) && Boolean(seen.add(`${r.method} ${r.path}`)));
};

/** Path parameters: a real unit or year now and then, else junk or an unknown ID. */
const param = (name: string): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constant(name === 'unitId' || name === 'unit' ? fgwUnit : name === 'year' ? '2026' : FAKE),
    fc.constantFrom(...junkParams),
    // Lone surrogates cannot be percent-encoded: those go as they are.
    junkString.map((s) => {
      try {
        return encodeURIComponent(s.slice(0, 300));
      } catch {
        return s.slice(0, 300);
      }
    }),
  );
const pathOf = (path: string): fc.Arbitrary<string> => {
  const names = [...path.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  return fc
    .tuple(...names.map(param))
    .map((values) => names.reduce((p, n, i) => p.replace(`:${n}`, values[i]!), path));
};

const QUERY_KEYS = [
  'q',
  'page',
  'pageSize',
  'code',
  'unit',
  'unitId',
  'year',
  'kind',
  'column',
  'type',
  'sort',
  'from',
  'to',
];
const queryOf: fc.Arbitrary<string> = fc
  .dictionary(fc.oneof(fc.constantFrom(...QUERY_KEYS), fc.string({ maxLength: 6 })), junkString, {
    maxKeys: 4,
  })
  .map((q) => {
    const sp = new URLSearchParams();
    for (const [k, v] of Object.entries(q)) sp.append(k, v.slice(0, 3000));
    return sp.toString();
  });

/** The field names of the form a page shows, and its token and challenge answer when it has them. */
async function formOf(page: string): Promise<{ names: string[]; token?: string; answer?: string }> {
  const html = (await send('GET', page)).text;
  const names = [...new Set([...html.matchAll(/name="([^"]+)"/g)].map((m) => m[1]!))];
  const token = /name="token" value="([^"]+)"/.exec(html)?.[1];
  const q = /验证问题：(\d+) 加 (\d+) 等于几/.exec(html);
  return { names, token, answer: q ? String(Number(q[1]) + Number(q[2])) : undefined };
}
const FORM_PAGE: Record<string, string> = {
  '/ysqgk/apply': '/ysqgk/apply',
  '/hdjl/xx/write': '/hdjl/xx/write',
  '/hdjl/zxwd/check': '/hdjl/zxwd/ask',
  '/hdjl/zxwd/ask': '/hdjl/zxwd/ask',
};
const FALLBACK_NAMES = ['token', 'answer', 'content', 'name', 'phone', 'code', 'rating', 'question', 'id'];

type Field = [string, string | { file: string }];
const formFields = (names: string[]): fc.Arbitrary<Field[]> =>
  fc
    .tuple(
      fc.subarray(names),
      fc.array(fc.constantFrom('extra', 'isAdmin', 'unitId', 'status', '__proto__', 'a[b]'), {
        maxLength: 2,
      }),
    )
    .chain(([known, unknown]) =>
      fc.tuple(
        ...[...known, ...unknown].map((n) =>
          fc.oneof(
            { arbitrary: junkString.map((v): Field => [n, v.slice(0, 20_000)]), weight: 5 },
            { arbitrary: fc.constant<Field>([n, '测试内容']), weight: 2 },
            { arbitrary: fc.constant<Field>([n, { file: '%PDF-1.4 junk' }]), weight: 1 },
          ),
        ),
      ),
    );

function multipart(fields: Field[]): FormData {
  const form = new FormData();
  for (const [k, v] of fields)
    typeof v === 'string' ? form.append(k, v) : form.append(k, new File([v.file], '证明.pdf'));
  return form;
}
const urlencoded = (fields: Field[]) =>
  new URLSearchParams(fields.map(([k, v]) => [k, typeof v === 'string' ? v : v.file])).toString();

/** Bodies that are not a form of this kind at all. */
const NOT_FORMS: { body: string; type?: string }[] = [
  {
    body: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n',
    type: 'multipart/form-data; boundary=x',
  },
  { body: 'garbage', type: 'multipart/form-data' },
  { body: '{"token":1}', type: 'application/json' },
  { body: '%%%=%%%&&&', type: 'application/x-www-form-urlencoded' },
  { body: '\u0000'.repeat(10), type: 'text/plain' },
  { body: '' },
];

describe('fuzzing the portal’s pages and forms (SECURITY.md 20)', () => {
  it('junk query strings and path parameters on every page: never a 500, never a hang', {
    timeout: 300_000,
  }, async () => {
    const pages = portalRoutes().filter((r) => r.method === 'GET');
    expect(pages.length).toBeGreaterThan(40);
    const bad: string[] = [];
    for (const r of pages) {
      const seed = seedOf(`GET ${r.path}`, SEED);
      const paths = fc.sample(pathOf(r.path), { seed, numRuns: RUNS });
      const queries = fc.sample(queryOf, { seed: seed + 1, numRuns: RUNS });
      for (let i = 0; i < RUNS; i++) {
        const url = `${paths[i]}${queries[i] ? `?${queries[i]}` : ''}`;
        const f = fault(await send('GET', url));
        if (f) bad.push(`GET ${url.slice(0, 200)} → ${f}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('junk forms on every form: never a 500, a Chinese refusal, never a hang', {
    timeout: 300_000,
  }, async () => {
    const forms = portalRoutes().filter((r) => r.method === 'POST');
    expect(forms.map((r) => r.path).sort()).toEqual(
      [
        '/hdjl/xx/write',
        '/hdjl/zj/:id',
        '/hdjl/zxwd/ask',
        '/hdjl/zxwd/check',
        '/hdjl/zxwd/rate',
        '/ysqgk/apply',
      ].sort(),
    );
    const bad: string[] = [];
    const statuses = { ok: 0, refused: 0 };
    for (const r of forms) {
      const seed = seedOf(`POST ${r.path}`, SEED);
      const page = FORM_PAGE[r.path];
      const known = page ? (await formOf(page)).names : [];
      const names = [...new Set([...known, ...FALLBACK_NAMES])];
      const samples = fc.sample(fc.tuple(pathOf(r.path), formFields(names), fc.boolean(), fc.boolean()), {
        seed,
        numRuns: RUNS * 2,
      });
      for (const [path, fields, asMultipart, withToken] of samples) {
        // Half of the forms carry a fresh token and the right answer, so junk reaches the fields' own checks.
        const fresh = page && withToken ? await formOf(page) : undefined;
        const all: Field[] = [
          ...(fresh?.token ? ([['token', fresh.token]] as Field[]) : []),
          ...(fresh?.answer ? ([['answer', fresh.answer]] as Field[]) : []),
          ...fields.filter(([k]) => !fresh || (k !== 'token' && k !== 'answer')),
        ];
        const a = asMultipart
          ? await send('POST', path, { body: multipart(all) })
          : await send('POST', path, { body: urlencoded(all), type: 'application/x-www-form-urlencoded' });
        a.status < 400 ? statuses.ok++ : statuses.refused++;
        const f = fault(a);
        if (f) bad.push(`POST ${path.slice(0, 120)} ${JSON.stringify(all).slice(0, 200)} → ${f}`);
      }
      for (const nf of NOT_FORMS) {
        const path = r.path.replace(/:\w+/g, FAKE);
        const f = fault(await send('POST', path, nf));
        if (f) bad.push(`POST ${path} not a form ${JSON.stringify(nf).slice(0, 80)} → ${f}`);
      }
    }
    expect(bad).toEqual([]);
    // The junk reaches the forms' own checks (refused there), not only a generic refusal.
    expect(statuses.refused).toBeGreaterThan(RUNS * 6);
  });

  it('a field the form does not have is refused by name', async () => {
    // /hdjl/zj/:id shares guardedSubmit with /hdjl/xx/write and /hdjl/zxwd/ask.
    for (const path of [
      '/ysqgk/apply',
      '/hdjl/xx/write',
      '/hdjl/zxwd/ask',
      '/hdjl/zxwd/check',
      '/hdjl/zxwd/rate',
    ]) {
      const page = FORM_PAGE[path];
      const fresh = page ? await formOf(page) : undefined;
      const form = new FormData();
      if (fresh?.token) form.append('token', fresh.token);
      if (fresh?.answer) form.append('answer', fresh.answer);
      // The ask page shows its errors on its second step, the one with a question.
      if (path === '/hdjl/zxwd/ask') form.append('question', '小微企业补贴怎么申请？');
      form.append('zzExtra', '1');
      const r = await send('POST', path, { body: form });
      expect([path, r.status]).toEqual([path, 400]);
      expect(r.text, path).toContain('不支持的字段：zzExtra');
    }
  });
});
