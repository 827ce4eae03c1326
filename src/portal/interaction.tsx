/** @jsxImportSource hono/jsx */
// Portal pages of 互动交流 (issue 11 part 7): /hdjl, /hdjl/zxwd (the Q&A base by topic and unit with search), the
// ask form with its server-rendered "先查一查" step, the answer by query code and the rating. No JavaScript needed.
// Anti-abuse as on /ysqgk: the signed arithmetic question, attempts capped, the limit counting accepted questions.
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { zQuestion, zSatisfaction } from '../contracts/interaction';
import {
  askOnPortal,
  consultationByCode,
  priorPortalQuestion,
  publicEntries,
  publicTopics,
  publicUnits,
  rateByCode,
  suggest,
} from '../server/modules/interaction';
import { listUnits } from '../server/modules/org';
import type { AppEnv, Platform } from '../server/platform/context';
import { AppError } from '../server/platform/errors';
import { parseWith } from '../server/platform/http/route';
import { RateLimiter } from '../server/platform/ratelimit';
import { crossSite, formFields, guardedSubmit, portalActor, portalLimit, unknownFormFields } from './guard';
import { Asked, AskPage, Browse, Hub, QueryPage } from './hdjl/views';
import { mailboxPortal } from './hdjl/xx';
import { framedPage } from './routes';
import { newChallenge } from './ysqgk/challenge';
import type { FormValues } from './ysqgk/views';

/** Questions accepted: at most 5 per address and hour [I] and 10 per phone number and day; the setting
 * `interaction.portalLimit` overrides them. */
const DEFAULT_LIMIT = { perHour: 5, perPhonePerDay: 10 };
const PAGE_SIZE = 20;

export const zAsk = z.object({
  question: zQuestion,
  unitId: z.string().uuid('请选择咨询的单位'),
  askerName: z.string().trim().max(50, '称呼不超过 50 字').optional(),
  askerContact: z.string().trim().max(100, '联系方式不超过 100 字').optional(),
});

export function interactionPortal(app: Hono<AppEnv>, p: Platform, districtName: () => Promise<string>): void {
  const db = p.database.db;
  const limiter = new RateLimiter(p.database, () => p.clock.now().getTime());
  const hub = { label: '互动交流', href: '/hdjl' };
  const zxwd = { label: '政策咨询', href: '/hdjl/zxwd' };

  const render = framedPage(districtName);

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

  // 先查一查 posts the question (a read, nothing is written): a question typed on several lines would be a query
  // parameter with line breaks, which the web guard refuses (400), and a question does not belong in the address
  // bar, the history or access logs anyway.
  app.post('/hdjl/zxwd/check', async (c) => {
    if (crossSite(c)) return c.text('请求来源不明', 403);
    const values = await formFields(c);
    c.header('Cache-Control', 'no-store');
    const unknown = await unknownFormFields(c, ['question']);
    if (unknown) return askPage(c, { question: (values?.question ?? '').slice(0, 10_000) }, [unknown], 400);
    return askPage(c, { question: (values?.question ?? '').slice(0, 10_000) }, []);
  });

  app.post('/hdjl/zxwd/ask', async (c) => {
    return guardedSubmit(c, p, limiter, {
      name: 'zxwd',
      limit: await portalLimit(p, 'interaction.portalLimit', DEFAULT_LIMIT),
      fields: Object.keys(zAsk.shape),
      form: (values, errors, status) => askPage(c, values, errors, status),
      parse: (values) => parseWith(zAsk, values),
      // 联系方式 may be a phone number or something else: only a number is limited per day.
      phoneOf: (input) => input.askerContact,
      accept: async (input, actor, requestKey) => {
        const r = await askOnPortal(p.database, p.clock, p.fieldKeys, actor, input, requestKey);
        return render(c, '咨询已提交', [hub, zxwd, { label: '咨询已提交' }], <Asked {...r} />, 201);
      },
      replay: async (requestKey) => {
        const r = await priorPortalQuestion(p.database, requestKey);
        return r && render(c, '咨询已提交', [hub, zxwd, { label: '咨询已提交' }], <Asked {...r} />, 200);
      },
    });
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
    const unknown = await unknownFormFields(c, ['code', 'satisfaction', 'note']);
    if (unknown) return queryPage(c, code, [unknown], false, 400);
    const satisfaction = zSatisfaction.safeParse(values.satisfaction);
    if (!satisfaction.success) return queryPage(c, code, ['请选择满意程度'], false, 400);
    try {
      await rateByCode(p.database, p.clock, portalActor(c), code, satisfaction.data, values.note ?? null);
      return queryPage(c, code, [], true);
    } catch (e) {
      if (e instanceof AppError && (e.code === 'VALIDATION' || e.code === 'NOT_FOUND'))
        return queryPage(c, code, [e.message], false, 400);
      throw e;
    }
  });
}
