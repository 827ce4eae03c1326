/** @jsxImportSource hono/jsx */
// 重大行政决策预公开 on the portal (issue 13 part 4): /hdjl/zj lists the drafts open for comment and those closed;
// /hdjl/zj/:id shows a draft's text, period, comment form (name optional, the signed arithmetic question, a limit
// of accepted comments per address), the comments shown (ID and phone numbers masked), the 意见采纳情况 and the
// final decision. Server-rendered, no JavaScript. Data from the disclosure module's face.
import type { Context, Hono } from 'hono';
import { ADOPTION_OUTCOME_LABELS, DECISION_STATUS_LABELS } from '../../domain/disclosure/decisions';
import {
  type PublicDecision,
  priorPortalComment,
  publicDecision,
  publicDecisionList,
  submitComment,
} from '../../server/modules/disclosure';
import { districtName } from '../../server/modules/org';
import type { AppEnv, Platform } from '../../server/platform/context';
import { RateLimiter } from '../../server/platform/ratelimit';
import { a11yOf } from '../a11y';
import { crossSite, guardedSubmit } from '../guard';
import { DataTable, Layout } from '../layout';
import { page } from '../routes';
import { type Challenge, newChallenge } from '../ysqgk/challenge';
import { ChallengeField } from '../ysqgk/views';
import { Submit } from './parts';

/** Accepted comments per address and hour [I]; attempts (typos included) capped at 10 times that (guard.ts). */
const COMMENTS_PER_HOUR = 10;
const PAGE_SIZE = 20;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const hub = { label: '互动交流', href: '/hdjl' };
const zj = { label: '意见征集', href: '/hdjl/zj' };

type Summary = Awaited<ReturnType<typeof publicDecisionList>>['items'][number];

function DraftList(props: { rows: Summary[]; empty: string }) {
  if (!props.rows.length) return <p>{props.empty}</p>;
  return (
    <ul>
      {props.rows.map((d) => (
        <li>
          <a href={`/hdjl/zj/${d.id}`}>{d.title}</a>
          <span class="meta">
            {' '}
            {d.unitName} · 征求意见 {d.openedOn} 至 {d.periodEnd} · {DECISION_STATUS_LABELS[d.status]}
          </span>
        </li>
      ))}
    </ul>
  );
}

function Section(props: { title: string; text: string }) {
  return (
    <section>
      <h2>{props.title}</h2>
      <div class="draft-text">{props.text}</div>
    </section>
  );
}

function Adoption(props: { d: PublicDecision }) {
  const { d } = props;
  if (!d.adoptionPublishedOn) return null;
  const n = d.adoptionCounts;
  return (
    <section id="adoption" data-testid="adoption">
      <h2>意见采纳情况</h2>
      <p class="meta">公布日期：{d.adoptionPublishedOn}</p>
      {n && (
        <p>
          共收到意见 {n.received} 条，采纳 {n.adopted} 条，部分采纳 {n.partly} 条，不予采纳 {n.notAdopted}{' '}
          条。
        </p>
      )}
      <div class="draft-text">{d.adoptionSummary}</div>
      {d.adoptionEntries && d.adoptionEntries.length > 0 && (
        <DataTable caption="意见及采纳情况" heads={['意见摘要', '采纳情况', '理由']}>
          {d.adoptionEntries.map((e) => (
            <tr>
              <td>{e.opinion}</td>
              <td>{ADOPTION_OUTCOME_LABELS[e.outcome]}</td>
              <td>{e.reason ?? ''}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}

function CommentForm(props: {
  id: string;
  challenge: Challenge;
  values: Record<string, string>;
  errors: string[];
}) {
  const { values } = props;
  return (
    <section id="comment-form">
      <h2>提出意见</h2>
      {props.errors.length > 0 && (
        <div class="errors" role="alert">
          <ul>
            {props.errors.map((e) => (
              <li>{e}</li>
            ))}
          </ul>
        </div>
      )}
      <form method="post" action={`/hdjl/zj/${props.id}`} class="form-grid">
        <div class="field">
          <label for="c-name">姓名（选填）</label>
          <input id="c-name" name="authorName" type="text" maxlength={50} value={values.authorName ?? ''} />
        </div>
        <div class="field">
          <label for="c-text">意见内容（必填）</label>
          <textarea id="c-text" name="text" required maxlength={5000} aria-describedby="c-help">
            {values.text ?? ''}
          </textarea>
          <p class="help" id="c-help">
            请勿填写身份证号、电话号码等个人信息；含有此类信息的意见经审核后显示，号码将被隐去。
          </p>
        </div>
        <ChallengeField id="c-answer" challenge={props.challenge} />
        <Submit label="提交意见" />
      </form>
    </section>
  );
}

export function decisionsPortal(app: Hono<AppEnv>, p: Platform): void {
  const limiter = new RateLimiter(p.database, () => p.clock.now().getTime());
  const district = () => districtName(p.database.db, p.config.districtName);

  app.get('/hdjl/zj', async (c) => {
    const pageNo = Math.max(1, Number(c.req.query('page') ?? 1) || 1);
    const open = await publicDecisionList(p, { open: true, page: 1, pageSize: 100 });
    const closed = await publicDecisionList(p, { open: false, page: pageNo, pageSize: PAGE_SIZE });
    const pages = Math.ceil(closed.total / PAGE_SIZE);
    return page(
      c,
      <Layout
        title="意见征集"
        district={await district()}
        a11y={a11yOf(c)}
        crumbs={[hub, { label: '意见征集' }]}
      >
        <h1>重大行政决策意见征集</h1>
        <p>重大行政决策草案在提交审议前公开征求意见；征求意见结束后 1 个月内公布意见采纳情况。</p>
        <h2>正在征求意见</h2>
        <DraftList rows={open.items} empty="目前没有正在征求意见的草案。" />
        <h2>已结束</h2>
        <DraftList rows={closed.items} empty="暂无已结束的征求意见。" />
        {pages > 1 && (
          <nav aria-label="分页">
            {pageNo > 1 && <a href={`/hdjl/zj?page=${pageNo - 1}`}>上一页</a>} 第 {pageNo} / {pages} 页{' '}
            {pageNo < pages && <a href={`/hdjl/zj?page=${pageNo + 1}`}>下一页</a>}
          </nav>
        )}
      </Layout>,
    );
  });

  const draftPage = async (
    c: Context<AppEnv>,
    d: PublicDecision,
    form: { values: Record<string, string>; errors: string[]; notice?: string },
    status = 200,
  ) =>
    page(
      c,
      <Layout
        title={d.title}
        district={await district()}
        a11y={a11yOf(c)}
        crumbs={[hub, zj, { label: d.title }]}
      >
        <h1>{d.title}</h1>
        <p class="meta">
          起草单位：{d.unitName} · 状态：{DECISION_STATUS_LABELS[d.status]}
        </p>
        <p data-testid="period">
          征求意见期限：{d.openedOn} 至 {d.periodEnd}
          {d.periodEndMoved ? '（期限最后一日为休息日或法定节假日，顺延至其后第一个工作日）' : ''}
        </p>
        {d.channels && <p>其他提出意见的方式：{d.channels}</p>}
        {form.notice && (
          <div class="ok" role="status" data-testid="comment-notice">
            {form.notice}
          </div>
        )}
        <Adoption d={d} />
        {d.finalItem && (
          <p data-testid="final-decision">
            最终决策：<a href={`/xxgk/info/${d.finalItem.id}`}>{d.finalItem.title}</a>
          </p>
        )}
        <Section title="起草背景" text={d.background} />
        <Section title="决策依据" text={d.basis} />
        <Section title="起草说明" text={d.explanation} />
        <Section title="草案全文" text={d.draftText} />
        {d.accepting ? (
          <CommentForm
            id={d.id}
            challenge={await newChallenge(p)}
            values={form.values}
            errors={form.errors}
          />
        ) : (
          <>
            {form.errors.length > 0 && (
              <div class="errors" role="alert">
                {form.errors.join('；')}
              </div>
            )}
            <p>征求意见已结束。</p>
          </>
        )}
        <section>
          <h2>公众意见（{d.comments.length} 条）</h2>
          {d.comments.map((x) => (
            <div class="comment">
              <p class="meta">
                {x.authorName ?? '匿名'} · {x.createdAt.toISOString().slice(0, 10)}
              </p>
              <p>{x.text}</p>
            </div>
          ))}
        </section>
      </Layout>,
      status,
    );

  app.get('/hdjl/zj/:id', async (c) => {
    const id = c.req.param('id');
    const d = UUID.test(id) ? await publicDecision(p, id) : null;
    if (!d) return c.notFound();
    return draftPage(c, d, { values: {}, errors: [] });
  });

  app.post('/hdjl/zj/:id', async (c) => {
    // Refused before the lookup, as the guard would: an unknown draft answers 404 only to a same-site post.
    if (crossSite(c)) return c.text('请求来源不明', 403);
    const id = c.req.param('id');
    const d = UUID.test(id) ? await publicDecision(p, id) : null;
    if (!d) return c.notFound();
    const submitted = async (r: { status: string }, status: 200 | 201) => {
      const notice =
        r.status === 'shown'
          ? '意见已提交并显示。感谢您的参与！'
          : '意见已提交，经审核后显示（含有身份证号、电话号码等个人信息的，号码将被隐去）。';
      const fresh = (await publicDecision(p, id)) ?? d;
      return draftPage(c, fresh, { values: {}, errors: [], notice }, status);
    };
    return guardedSubmit(c, p, limiter, {
      name: 'hdjl-zj',
      limit: { perHour: COMMENTS_PER_HOUR, perPhonePerDay: COMMENTS_PER_HOUR },
      fields: ['authorName', 'text'],
      form: (values, errors, status) => draftPage(c, d, { values, errors }, status),
      parse: (values) => ({ authorName: values.authorName, text: values.text ?? '' }),
      accept: async (input, actor, requestKey) =>
        submitted(await submitComment(p, actor, id, input, requestKey), 201),
      replay: async (requestKey) => {
        const r = await priorPortalComment(p, id, requestKey);
        return r && submitted(r, 200);
      },
      refused: (e, values) =>
        e.code === 'VALIDATION' || e.code === 'CONFLICT'
          ? draftPage(c, d, { values, errors: [e.message] }, e.code === 'CONFLICT' ? 409 : 400)
          : undefined,
    });
  });
}
