/** @jsxImportSource hono/jsx */
// 公开承诺 on the portal (issue 11 parts 6 and 7): /hdjl/cn lists every unit's public commitments — what was
// promised, where, by whom, the due date, the state (overdue shown as such) — with their progress entries and
// evidence files (/hdjl/cn/:id/files/:fileId). Server-rendered, no JavaScript, cached (the tables' trigger clears
// it); data from the interaction module's face.
import type { Hono } from 'hono';
import { type PublicCommitment, publicCommitments, publicEvidence } from '../../server/modules/interaction';
import { districtName } from '../../server/modules/org';
import type { AppEnv, Platform } from '../../server/platform/context';
import { attachment } from '../../server/platform/http/upload';
import { a11yOf } from '../a11y';
import { Layout } from '../layout';
import { page } from '../routes';

const PAGE_SIZE = 20;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const STATUS_FILTERS = [
  { key: '', label: '全部' },
  { key: 'ongoing', label: '推进中' },
  { key: 'done', label: '已完成' },
] as const;

function Commitment(props: { c: PublicCommitment }) {
  const { c } = props;
  const cls = c.overdue ? 'cn-state late' : c.status === 'done' ? 'cn-state done' : 'cn-state';
  return (
    <li data-testid="commitment">
      <h2>
        {c.commitNo} {c.content}
      </h2>
      <p class="cn-meta">
        责任单位：{c.unitName} · 承诺场合：{c.place} · 承诺日期：{c.promisedOn} · 完成期限：{c.dueOn}
      </p>
      <p class="cn-meta">
        状态：<span class={cls}>{c.statusLabel}</span>
        {c.completedOn ? ` · 完成日期：${c.completedOn}` : ''}
      </p>
      {c.progress.length > 0 ? (
        <section aria-label={`${c.commitNo} 落实进展`}>
          <h3>落实进展</h3>
          <ol class="cn-progress">
            {c.progress.map((p) => (
              <li>
                <time datetime={p.on}>{p.on}</time>：{p.text}
                {p.evidence.length > 0 && (
                  <span>
                    {' '}
                    （佐证材料：
                    {p.evidence.map((e, i) => (
                      <>
                        {i > 0 && '、'}
                        <a href={`/hdjl/cn/${c.id}/files/${e.fileId}`}>{e.name}</a>
                      </>
                    ))}
                    ）
                  </span>
                )}
              </li>
            ))}
          </ol>
        </section>
      ) : (
        <p class="cn-meta">尚未公开落实进展。</p>
      )}
    </li>
  );
}

export function commitmentsPortal(app: Hono<AppEnv>, p: Platform): void {
  const db = p.database.db;
  const district = () => districtName(db, p.config.districtName);

  app.get('/hdjl/cn', async (c) => {
    const raw = c.req.query('status');
    const status = raw === 'ongoing' || raw === 'done' ? raw : undefined;
    const pageNo = Math.min(10_000, Math.max(1, Number.parseInt(c.req.query('page') ?? '1', 10) || 1));
    const { items, total } = await publicCommitments(db, p.clock, {
      status,
      page: pageNo,
      pageSize: PAGE_SIZE,
    });
    const pages = Math.ceil(total / PAGE_SIZE);
    const href = (s: string, n = 1) => {
      const q = new URLSearchParams();
      if (s) q.set('status', s);
      if (n > 1) q.set('page', String(n));
      const qs = q.toString();
      return qs ? `/hdjl/cn?${qs}` : '/hdjl/cn';
    };
    c.header('Cache-Control', 'public, max-age=60');
    return page(
      c,
      <Layout
        title="公开承诺"
        district={await district()}
        a11y={a11yOf(c)}
        crumbs={[{ label: '互动交流', href: '/hdjl' }, { label: '公开承诺' }]}
      >
        <h1>公开承诺事项及落实进展</h1>
        <p>政务舆情回应、新闻发布等场合作出的公开承诺实行台账管理，落实进展在此公开，接受社会监督。</p>
        <nav aria-label="按状态筛选">
          <ul class="filters">
            {STATUS_FILTERS.map((f) => (
              <li>
                <a href={href(f.key)} aria-current={(status ?? '') === f.key ? 'page' : undefined}>
                  {f.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <p>共 {total} 项承诺。</p>
        {items.length ? (
          <ul class="cn-list" data-testid="commitments">
            {items.map((x) => (
              <Commitment c={x} />
            ))}
          </ul>
        ) : (
          <p>暂无公开承诺事项。</p>
        )}
        {pages > 1 && (
          <nav aria-label="分页">
            {pageNo > 1 && <a href={href(status ?? '', pageNo - 1)}>上一页</a>} 第 {pageNo} / {pages} 页{' '}
            {pageNo < pages && <a href={href(status ?? '', pageNo + 1)}>下一页</a>}
          </nav>
        )}
      </Layout>,
    );
  });

  app.get('/hdjl/cn/:id/files/:fileId', async (c) => {
    const { id, fileId } = c.req.param();
    const f = UUID.test(id) && UUID.test(fileId) ? await publicEvidence(db, id, fileId) : null;
    if (!f) return c.text('材料不存在', 404);
    c.header('Content-Type', f.mime);
    c.header('Content-Disposition', attachment(f.name));
    c.header('Cache-Control', 'public, max-age=300');
    return c.body(f.bytes as Uint8Array<ArrayBuffer>);
  });
}
