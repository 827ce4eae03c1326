/** @jsxImportSource hono/jsx */
// Portal pages of 互动交流 (issue 11 part 7): /hdjl, /hdjl/zxwd (the Q&A base by topic and unit with search), the
// ask form with its server-rendered "先查一查" step, the answer by query code and the rating. No JavaScript needed.
// Anti-abuse as on /ysqgk: the signed arithmetic question, attempts capped, the limit counting accepted questions.
import type { Context, Hono } from 'hono';
import type { Child } from 'hono/jsx';
import { z } from 'zod';
import { zQuestion, zSatisfaction } from '../contracts/interaction';
import {
  askOnPortal,
  consultationByCode,
  publicEntries,
  publicTopics,
  publicUnits,
  rateByCode,
  suggest,
} from '../server/modules/interaction';
import { listUnits } from '../server/modules/org';
import { type AppEnv, type Platform, systemActor } from '../server/platform/context';
import { AppError } from '../server/platform/errors';
import { parseWith } from '../server/platform/http/route';
import { RateLimiter } from '../server/platform/ratelimit';
import { getSetting } from '../server/platform/settings';
import { a11yOf } from './a11y';
import { crossSite, formFields } from './guard';
import { Asked, AskPage, Browse, Hub, QueryPage } from './hdjl/views';
import { mailboxPortal } from './hdjl/xx';
import { Layout } from './layout';
import { page } from './routes';
import { checkChallenge, newChallenge } from './ysqgk/challenge';
import type { FormValues } from './ysqgk/views';

/** At most 5 accepted questions per hour per address [I]; setting `interaction.portalLimit` overrides it. */
const DEFAULT_LIMIT = { perHour: 5 };
const TRIES_PER_SUBMISSION = 10;
const PAGE_SIZE = 20;

const zAsk = z.object({
  question: zQuestion,
  unitId: z.string().uuid('请选择咨询的单位'),
  askerName: z.string().trim().max(50, '称呼不超过 50 字').optional(),
  askerContact: z.string().trim().max(100, '联系方式不超过 100 字').optional(),
});

const messages = (e: AppError) => {
  const fields = (e.details as { fields?: Record<string, string> } | undefined)?.fields;
  const list = fields ? Object.values(fields) : [];
  return list.length ? list : [e.message];
};

export function interactionPortal(app: Hono<AppEnv>, p: Platform, districtName: () => Promise<string>): void {
  const db = p.database.db;
  const limiter = new RateLimiter(p.database, () => p.clock.now().getTime());
  const hub = { label: '互动交流', href: '/hdjl' };
  const zxwd = { label: '政策咨询', href: '/hdjl/zxwd' };

  const render = async (
    c: Context<AppEnv>,
    title: string,
    crumbs: { label: string; href?: string }[],
    body: Child,
    status = 200,
  ) =>
    page(
      c,
      <Layout title={title} district={await districtName()} a11y={a11yOf(c)} crumbs={crumbs}>
        {body}
      </Layout>,
      status,
    );

  const units = async () =>
    (await listUnits(db, ['government', 'department', 'township'])).map((u) => ({ id: u.id, name: u.name }));

  const askPage = async (c: Context<AppEnv>, values: FormValues, errors: string[], status = 200) => {
    const question = (values.question ?? '').trim();
    // The matcher reads at most the first 500 characters: a pasted letter must not cost seconds.
    const suggestions = question
      ? (await suggest(db, question.slice(0, 500))).filter((s) => s.confident)
      : [];
    return render(
      c,
      '我要咨询',
      [hub, zxwd, { label: '我要咨询' }],
      <AskPage
        values={values}
        errors={errors}
        checked={!!question}
        suggestions={suggestions}
        challenge={await newChallenge(p)}
        units={await units()}
      />,
      status,
    );
  };

  app.get('/hdjl', (c) => render(c, '互动交流', [{ label: '互动交流' }], <Hub />));
  mailboxPortal(app, p, districtName);

  app.get('/hdjl/zxwd', async (c) => {
    const topic = c.req.query('topic') || undefined;
    const unitRaw = c.req.query('unitId');
    const unitId = unitRaw && z.string().uuid().safeParse(unitRaw).success ? unitRaw : undefined;
    const search = (c.req.query('search') ?? '').trim().slice(0, 100) || undefined;
    const pageNo = Math.min(10_000, Math.max(1, Number.parseInt(c.req.query('page') ?? '1', 10) || 1));
    const q = { topic, unitId, search, page: pageNo };
    const { items, total } = await publicEntries(db, q);
    c.header('Cache-Control', 'public, max-age=60');
    return render(
      c,
      '政策咨询问答库',
      [hub, { label: '政策咨询' }],
      <Browse
        q={q}
        topics={await publicTopics(db)}
        units={await publicUnits(db)}
        items={items}
        total={total}
        pageSize={PAGE_SIZE}
      />,
    );
  });

  app.get('/hdjl/zxwd/ask', (c) =>
    askPage(c, { question: (c.req.query('question') ?? '').slice(0, 10_000) }, []),
  );

  app.post('/hdjl/zxwd/ask', async (c) => {
    if (crossSite(c)) return c.text('请求来源不明', 403);
    const values = await formFields(c);
    if (!values) return askPage(c, {}, ['提交内容无法读取，请重新填写'], 400);
    const limit =
      (await getSetting<{ perHour: number }>(p.database, 'interaction.portalLimit')) ?? DEFAULT_LIMIT;
    const ip = c.get('ip');
    const tooMany = (wait: number) =>
      askPage(c, values, [`提交过于频繁，请 ${Math.ceil(wait / 60)} 分钟后再试`], 429);
    const tries = await limiter.hit(`zxwd:try:${ip}`, limit.perHour * TRIES_PER_SUBMISSION, 3600_000);
    if (tries > 0) return tooMany(tries);
    if (!(await checkChallenge(p, values.token ?? '', values.answer ?? '')))
      return askPage(c, values, ['验证问题回答不正确或已过期，请重新回答'], 400);
    let taken = false;
    try {
      const input = parseWith(zAsk, values);
      // Taken before the submission and given back when it is not accepted (the limit counts accepted ones).
      const wait = await limiter.hit(`zxwd:ip:${ip}`, limit.perHour, 3600_000);
      if (wait > 0) return tooMany(wait);
      taken = true;
      const actor = { ...systemActor('portal'), ip, requestId: c.get('requestId') };
      const r = await askOnPortal(p.database, p.clock, p.fieldKeys, actor, input);
      return render(c, '咨询已提交', [hub, zxwd, { label: '咨询已提交' }], <Asked {...r} />, 201);
    } catch (e) {
      if (taken) await limiter.refund(`zxwd:ip:${ip}`);
      if (e instanceof AppError && e.code === 'VALIDATION') return askPage(c, values, messages(e), 400);
      throw e;
    }
  });

  const queryPage = async (
    c: Context<AppEnv>,
    code: string,
    errors: string[] = [],
    rated = false,
    status = 200,
  ) => {
    const found = code ? await consultationByCode(db, p.clock, code) : null;
    c.header('Cache-Control', 'no-store');
    return render(
      c,
      '查询咨询答复',
      [hub, zxwd, { label: '查询咨询答复' }],
      <QueryPage code={code} c={found} errors={errors} rated={rated} />,
      status,
    );
  };

  app.get('/hdjl/zxwd/query', (c) => queryPage(c, (c.req.query('code') ?? '').trim().slice(0, 40)));

  app.post('/hdjl/zxwd/rate', async (c) => {
    if (crossSite(c)) return c.text('请求来源不明', 403);
    const values = (await formFields(c)) ?? {};
    const code = (values.code ?? '').trim().slice(0, 40);
    const satisfaction = zSatisfaction.safeParse(values.satisfaction);
    if (!satisfaction.success) return queryPage(c, code, ['请选择满意程度'], false, 400);
    try {
      const actor = { ...systemActor('portal'), ip: c.get('ip'), requestId: c.get('requestId') };
      await rateByCode(p.database, p.clock, actor, code, satisfaction.data, values.note ?? null);
      return queryPage(c, code, [], true);
    } catch (e) {
      if (e instanceof AppError && (e.code === 'VALIDATION' || e.code === 'NOT_FOUND'))
        return queryPage(c, code, [e.message], false, 400);
      throw e;
    }
  });
}
