/** @jsxImportSource hono/jsx */
// 规范性文件清理结果 (issue 13 part 5): the published result of each year's campaign — which documents stay in force,
// which are to be amended and which are repealed, with the reasons.
import type { Hono } from 'hono';
import { REVIEW_DECISION_LABELS, REVIEW_DECISIONS } from '../../domain/disclosure/normative-review';
import { publishedCampaignResult, publishedCampaignYears } from '../../server/modules/disclosure';
import type { AppEnv, Platform } from '../../server/platform/context';
import { DataTable } from '../layout';
import type { View } from './view';
import { DocCells, xxgk } from './view';

const trail = [xxgk, { label: '行政规范性文件查询', href: '/xxgk/gfxwj' }];

export function xxgkCleanup(app: Hono<AppEnv>, p: Platform, v: View): void {
  app.get('/xxgk/gfxwj/ql', async (c) => {
    const years = await publishedCampaignYears(p);
    return v.send(
      c,
      '规范性文件清理结果',
      [...trail, { label: '清理结果' }],
      <>
        <h1>行政规范性文件清理结果</h1>
        {years.length === 0 ? (
          <p>暂无公布的清理结果。</p>
        ) : (
          <ul class="list">
            {years.map((y) => (
              <li>
                <a href={`/xxgk/gfxwj/ql/${y.year}`}>{y.title}</a> <span class="meta">{y.publishedOn}</span>
              </li>
            ))}
          </ul>
        )}
      </>,
      { nav: 'fdzdgknr' },
    );
  });

  app.get('/xxgk/gfxwj/ql/:year', async (c) => {
    const year = Number(c.req.param('year'));
    const r =
      Number.isInteger(year) && year >= 2000 && year <= 2100 ? await publishedCampaignResult(p, year) : null;
    if (!r) return v.notFound(c);
    return v.send(
      c,
      r.campaign.title,
      [...trail, { label: '清理结果', href: '/xxgk/gfxwj/ql' }, { label: String(year) }],
      <>
        <h1>{r.campaign.title}结果</h1>
        <p>
          公布日期：{r.campaign.publishedOn}。共清理文件 {r.marks.length} 件，其中
          {REVIEW_DECISIONS.map(
            (d) => `${REVIEW_DECISION_LABELS[d]} ${r.marks.filter((m) => m.decision === d).length} 件`,
          ).join('，')}
          。 标记“废止”的文件自公布之日起废止。
        </p>
        {REVIEW_DECISIONS.map((d) => {
          const list = r.marks.filter((m) => m.decision === d);
          if (list.length === 0) return null;
          return (
            <section>
              <h2>
                {REVIEW_DECISION_LABELS[d]}（{list.length} 件）
              </h2>
              <DataTable heads={['文件名称', '发文字号', '制发单位', d === 'keep' ? null : '理由']}>
                {list.map((m) => (
                  <tr>
                    <DocCells doc={{ ...m, id: m.itemId }} />
                    {d === 'keep' ? null : <td>{m.reason ?? ''}</td>}
                  </tr>
                ))}
              </DataTable>
            </section>
          );
        })}
      </>,
      { nav: 'fdzdgknr' },
    );
  });
}
