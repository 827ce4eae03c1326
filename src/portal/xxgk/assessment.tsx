/** @jsxImportSource hono/jsx */
// 政务公开考核结果 (issue 12 part 6; seed 004: 开展考核评估并公布结果): the published ranking of each year and unit
// kind with its indicators, and the units named for 通报表扬 and 通报批评. Data from the assessment module's face.
import type { Hono } from 'hono';
import { BULLETIN_LABELS } from '../../domain/assessment/scoring';
import { ASSESSED_KIND_LABELS } from '../../domain/assessment/tree';
import { publishedAssessments, publishedAssessmentYears } from '../../server/modules/assessment';
import type { AppEnv, Platform } from '../../server/platform/context';
import type { View } from './view';
import { xxgk } from './view';

export function xxgkAssessment(app: Hono<AppEnv>, p: Platform, v: View): void {
  app.get('/xxgk/khpg', async (c) => {
    const years = await publishedAssessmentYears(p.database);
    const asked = Number(c.req.query('year') ?? years[0]);
    const year = years.includes(asked) ? asked : null;
    if (c.req.query('year') !== undefined && year === null) return v.notFound(c);
    const results = year === null ? [] : await publishedAssessments(p.database, year);
    return v.send(
      c,
      '政务公开考核结果',
      [xxgk, { label: '考核评估' }],
      <>
        <h1>政务公开考核评估结果</h1>
        {years.length > 1 ? (
          <p>
            年度：
            {years.map((y) =>
              y === year ? <strong>{y}年 </strong> : <a href={`/xxgk/khpg?year=${y}`}>{y}年 </a>,
            )}
          </p>
        ) : null}
        {results.length === 0 ? <p>暂无公布的考核结果。</p> : null}
        {results.map((r) => {
          const praise = r.units.filter((u) => u.bulletin === 'praise').map((u) => u.unit);
          const criticise = r.units.filter((u) => u.bulletin === 'criticise').map((u) => u.unit);
          return (
            <section>
              <h2>
                {r.year}年度{ASSESSED_KIND_LABELS[r.unitKind]}政务公开考核结果
              </h2>
              <p>
                {BULLETIN_LABELS.praise}：{praise.length ? praise.join('、') : '无'}。
                {BULLETIN_LABELS.criticise}：{criticise.length ? criticise.join('、') : '无'}。
              </p>
              {r.units.some((u) => u.scores.some((s) => !s.applicable)) ? (
                <p>注：本年度无相关记录的指标为“不适用”，不计分，总分按适用指标折算为百分制。</p>
              ) : null}
              <section class="table-scroll" tabindex={0} aria-label={`${r.year}年度考核结果表`}>
                <table class="wide">
                  <thead>
                    <tr>
                      <th scope="col">排名</th>
                      <th scope="col">单位</th>
                      {r.indicators.map((i) => (
                        <th scope="col">
                          {i.name}（{i.weight}分）
                        </th>
                      ))}
                      <th scope="col">总分</th>
                    </tr>
                  </thead>
                  <tbody>
                    {r.units.map((u) => (
                      <tr>
                        <td>{u.rank}</td>
                        <th scope="row">{u.unit}</th>
                        {r.indicators.map((i) => {
                          const s = u.scores.find((x) => x.code === i.code);
                          return <td>{s ? (s.applicable ? s.score : '不适用') : ''}</td>;
                        })}
                        <td>{u.total}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </section>
            </section>
          );
        })}
      </>,
      { nav: 'fdzdgknr' },
    );
  });
}
