/** @jsxImportSource hono/jsx */
// What the 互动交流 pages render: the hub, the Q&A base by topic and unit with search, the ask form with its
// "先查一查" step, the submitted question's code, and the answer by code with the rating form. Pure views.
import { SATISFACTION_LABELS } from '../../contracts/interaction';
import type { PublicConsultation, Suggestion } from '../../server/modules/interaction';
import { CardLinks, QueryCodeNotice } from '../layout';
import type { Challenge } from '../ysqgk/challenge';
import { ChallengeField, CodeForm, type FormValues } from '../ysqgk/views';
import { Choice, Errors, type Fact, Facts, Pager, SearchForm, Submit, TextField } from './parts';

export interface Entry {
  id: string;
  question: string;
  answer: string;
  unitName: string;
  topic?: string | null;
}

function EntryList(props: { items: Entry[]; testid: string }) {
  return (
    <ul class="qa-list" data-testid={props.testid}>
      {props.items.map((e) => (
        <li>
          <h3>问：{e.question}</h3>
          <p>答：{e.answer}</p>
          <p class="meta">
            答复单位：{e.unitName}
            {e.topic ? ` · 主题：${e.topic}` : ''}
          </p>
        </li>
      ))}
    </ul>
  );
}

export function Hub() {
  return (
    <>
      <h1>互动交流</h1>
      <p class="lead">
        咨询政策、写信、查看答复。提问前可先在政策咨询问答库中查一查，已有答复的问题可以立即看到。
      </p>
      <CardLinks
        links={[
          ['/hdjl/zxwd', '政策咨询问答库'],
          ['/hdjl/zxwd/ask', '我要咨询'],
          ['/hdjl/zxwd/query', '查询咨询答复'],
          ['/hdjl/cn', '公开承诺'],
          ['/hdjl/xx', '信箱（区长信箱、部门信箱）'],
          ['/hdjl/tj', '办理情况统计'],
        ]}
      />
    </>
  );
}

const qs = (v: Record<string, string | number | undefined>) => {
  const p = new URLSearchParams();
  for (const [k, x] of Object.entries(v)) if (x !== undefined && x !== '' && x !== 1) p.set(k, String(x));
  const s = p.toString();
  return s ? `/hdjl/zxwd?${s}` : '/hdjl/zxwd';
};

/** A row of filter links; the one in force is marked as the current page. */
function Filters(props: {
  label: string;
  title: string;
  links: { href: string; text: string; current: boolean }[];
}) {
  return (
    <nav aria-label={props.label}>
      <h2>{props.title}</h2>
      <ul class="filters">
        {props.links.map((l) => (
          <li>
            <a href={l.href} aria-current={l.current ? 'page' : undefined}>
              {l.text}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function Browse(props: {
  q: { topic?: string; unitId?: string; search?: string; page: number };
  topics: { topic: string; n: number }[];
  units: { id: string; name: string; n: number }[];
  items: Entry[];
  total: number;
  pageSize: number;
}) {
  const { q } = props;
  const pages = Math.max(1, Math.ceil(props.total / props.pageSize));
  return (
    <>
      <h1>政策咨询问答库</h1>
      <SearchForm action="/hdjl/zxwd" label="搜索问答" value={q.search ?? ''}>
        {' '}
        <a href="/hdjl/zxwd/ask">没有找到？我要咨询</a>
      </SearchForm>
      <Filters
        label="按主题浏览"
        title="按主题"
        links={[
          { href: '/hdjl/zxwd', text: '全部', current: !q.topic && !q.unitId },
          ...props.topics.map((t) => ({
            href: qs({ topic: t.topic }),
            text: `${t.topic}（${t.n}）`,
            current: q.topic === t.topic,
          })),
        ]}
      />
      <Filters
        label="按单位浏览"
        title="按答复单位"
        links={props.units.map((u) => ({
          href: qs({ unitId: u.id }),
          text: `${u.name}（${u.n}）`,
          current: q.unitId === u.id,
        }))}
      />
      <h2>问答（共 {props.total} 条）</h2>
      {props.items.length ? <EntryList items={props.items} testid="qa-list" /> : <p>没有符合条件的问答。</p>}
      <Pager page={q.page} pages={pages} href={(page) => qs({ ...q, page })} />
    </>
  );
}

/**
 * The ask page. Step 1 (GET with the question): "先查一查" shows the base's confident answers; the full form to
 * submit anyway follows. Without a question only the first step is shown.
 */
export function AskPage(props: {
  values: FormValues;
  errors: string[];
  checked: boolean;
  suggestions: Suggestion[];
  challenge: Challenge;
  units: { id: string; name: string }[];
}) {
  const { values, errors, checked, suggestions } = props;
  return (
    <>
      <h1>我要咨询</h1>
      <p class="lead">先查一查：输入您的问题，系统会在政策咨询问答库中查找已有的答复。</p>
      {!checked && <Errors errors={errors} title="未能查询，请修改以下内容：" />}
      <form method="post" action="/hdjl/zxwd/check" class="form-grid">
        <div class="field">
          <label for="f-q">您的问题（必填）</label>
          <textarea id="f-q" name="question" required>
            {values.question ?? ''}
          </textarea>
        </div>
        <Submit label="先查一查" />
      </form>
      {checked && (
        <section aria-labelledby="found-title">
          <h2 id="found-title">问答库中的答复</h2>
          {suggestions.length ? (
            <>
              <p role="status">以下答复可能已回答您的问题：</p>
              <EntryList items={suggestions} testid="suggestions" />
            </>
          ) : (
            <p role="status" data-testid="no-suggestion">
              问答库中暂未找到相符的答复，您可以提交咨询，承办单位将在 5 个工作日内答复。
            </p>
          )}
        </section>
      )}
      {checked && (
        <section aria-labelledby="ask-title">
          <h2 id="ask-title">{suggestions.length ? '仍要咨询' : '提交咨询'}</h2>
          <Errors errors={errors} title="咨询未提交，请修改以下内容：" />
          <form method="post" action="/hdjl/zxwd/ask" class="form-grid" novalidate>
            <input type="hidden" name="question" value={values.question ?? ''} />
            <Choice
              id="f-unit"
              name="unitId"
              label="咨询的单位（必填，选择制定该政策的单位）"
              placeholder="请选择单位"
              options={props.units}
              value={values.unitId}
            />
            <TextField
              id="f-name"
              name="askerName"
              label="您的称呼（选填，不会公开）"
              value={values.askerName}
            />
            <TextField
              id="f-contact"
              name="askerContact"
              label="联系电话或邮箱（选填，不会公开）"
              value={values.askerContact}
            />
            <ChallengeField challenge={props.challenge} />
            <Submit label="提交咨询" />
          </form>
        </section>
      )}
    </>
  );
}

export function Asked(props: { consultNo: string; queryCode: string; answerDue: string }) {
  return (
    <>
      <h1>咨询已提交</h1>
      <QueryCodeNotice received={`咨询编号 ${props.consultNo}`} queryCode={props.queryCode}>
        <p>请妥善保存查询码。承办单位应于 {props.answerDue} 前答复，届时可凭查询码查看答复并评价。</p>
      </QueryCodeNotice>
      <p>
        <a href={`/hdjl/zxwd/query?code=${props.queryCode}`}>查看答复</a>
      </p>
    </>
  );
}

export function QueryPage(props: {
  code: string;
  c: PublicConsultation | null;
  errors: string[];
  rated?: boolean;
}) {
  const { code, c } = props;
  return (
    <>
      <h1>查询咨询答复</h1>
      <CodeForm action="/hdjl/zxwd/query" code={code} />
      {code && !c && <p role="alert">没有找到该查询码对应的咨询，请核对后重试。</p>}
      {props.rated && (
        <p class="ok" role="status">
          感谢您的评价。
        </p>
      )}
      <Errors errors={props.errors} title="评价未提交：" />
      {c && (
        <section aria-labelledby="c-title" data-testid="consultation">
          <h2 id="c-title">咨询 {c.consultNo}</h2>
          <Facts
            facts={[
              ['咨询问题', c.question],
              ['承办单位', c.unitName],
              ['收到日期', c.receivedOn],
              ['答复期限', c.answerDue],
              ['办理状态', c.statusLabel],
              ...(c.answer
                ? ([
                    ['答复', c.answer, 'answer'],
                    ['答复日期', c.answeredOn],
                  ] satisfies Fact[])
                : []),
              ...(c.satisfaction
                ? ([['您的评价', SATISFACTION_LABELS[c.satisfaction]]] satisfies Fact[])
                : []),
            ]}
          />
          {c.canRate && (
            <form method="post" action="/hdjl/zxwd/rate" class="form-grid">
              <input type="hidden" name="code" value={code} />
              <fieldset class="field">
                <legend>您对答复是否满意？</legend>
                {Object.entries(SATISFACTION_LABELS).map(([v, l]) => (
                  <label>
                    <input type="radio" name="satisfaction" value={v} required /> {l}
                  </label>
                ))}
              </fieldset>
              <div class="field">
                <label for="f-note">意见（选填）</label>
                <textarea id="f-note" name="note"></textarea>
              </div>
              <Submit label="提交评价" />
            </form>
          )}
        </section>
      )}
    </>
  );
}
