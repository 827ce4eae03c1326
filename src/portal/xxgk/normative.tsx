/** @jsxImportSource hono/jsx */
// The unified query of normative documents (行政规范性文件): keyword, issuing unit, year, validity today; and
// the list of 政策解读.
import type { Hono } from 'hono';
import { VALIDITY_LABELS, type Validity } from '../../domain/disclosure/rules';
import { latestInterpretations, normativeQuery } from '../../server/modules/disclosure';
import type { AppEnv, Platform } from '../../server/platform/context';
import { Choice, DocCells, ITEM_ID, ItemList, type View, xxgk } from './view';

export const VALIDITY_OPTIONS = (['in_force', 'expired', 'repealed'] as const).map((v) => ({
  value: v,
  label: VALIDITY_LABELS[v],
}));

export function xxgkNormative(app: Hono<AppEnv>, p: Platform, v: View): void {
  app.get('/xxgk/gfxwj', async (c) => {
    const q = (c.req.query('q') ?? '').trim().slice(0, 50);
    const unitId = c.req.query('unit') ?? '';
    const year = Number(c.req.query('year') ?? '') || null;
    const validity = (c.req.query('validity') ?? '') as Validity | '';
    const { rows, units } = await normativeQuery(p, {
      q,
      unitId: ITEM_ID.test(unitId) ? unitId : undefined,
      year,
      validity,
    });
    return v.send(
      c,
      '行政规范性文件',
      [xxgk, { label: '法定主动公开内容', href: '/xxgk/fdzdgknr' }, { label: '行政规范性文件查询' }],
      <>
        <h1>行政规范性文件统一查询</h1>
        <p>
          <a href="/xxgk/gfxwj/ql">历年规范性文件清理结果</a>
        </p>
        <form class="search-form" method="get" action="/xxgk/gfxwj">
          <label>
            关键词
            <input name="q" value={q} />
          </label>
          <Choice
            label="制发单位"
            name="unit"
            value={unitId}
            options={units.map((u) => ({ value: u.id, label: u.name }))}
          />
          <label>
            年份
            <input name="year" inputmode="numeric" size={6} value={year ? String(year) : ''} />
          </label>
          <Choice label="有效性" name="validity" value={validity} options={VALIDITY_OPTIONS} />
          <button type="submit">查询</button>
        </form>
        <p>共 {rows.length} 件</p>
        <section class="table-scroll" tabindex={0} aria-label="行政规范性文件列表">
          <table>
            <caption class="skip">行政规范性文件</caption>
            <thead>
              <tr>
                <th scope="col">文件名称</th>
                <th scope="col">发文字号</th>
                <th scope="col">制发单位</th>
                <th scope="col">成文日期</th>
                <th scope="col">有效性</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr>
                  <DocCells doc={r} />
                  <td>{r.writtenDate ?? ''}</td>
                  <td>{VALIDITY_LABELS[r.now]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </>,
      { nav: 'fdzdgknr' },
    );
  });

  // 政策解读: the newest interpretations of every unit (each links to the policy it explains).
  app.get('/xxgk/zcjd', async (c) => {
    const rows = await latestInterpretations(p.database, 100);
    return v.send(
      c,
      '政策解读',
      [xxgk, { label: '政策解读' }],
      <>
        <h1>政策解读</h1>
        <ItemList rows={rows} />
      </>,
      { nav: 'fdzdgknr' },
    );
  });
}
