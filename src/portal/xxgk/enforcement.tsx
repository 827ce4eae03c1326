/** @jsxImportSource hono/jsx */
// 行政执法公示 (issue 13 part 6): the published enforcement decisions of every unit, by kind, unit and keyword.
// Natural persons appear masked (the module's read service does it); nothing here reads the database.
import type { Hono } from 'hono';
import {
  ENFORCEMENT_KIND_LABELS,
  ENFORCEMENT_KINDS,
  type EnforcementKind,
} from '../../domain/disclosure/enforcement';
import { publicEnforcementList } from '../../server/modules/disclosure';
import type { AppEnv, Platform } from '../../server/platform/context';
import { DataTable } from '../layout';
import { Choice, ITEM_ID, Pager, pageOf, type View, xxgk } from './view';

const PAGE_SIZE = 20;
const KIND_OPTIONS = ENFORCEMENT_KINDS.map((k) => ({ value: k, label: ENFORCEMENT_KIND_LABELS[k] }));

export function xxgkEnforcement(app: Hono<AppEnv>, p: Platform, v: View): void {
  app.get('/xxgk/zfgs', async (c) => {
    const q = (c.req.query('q') ?? '').trim().slice(0, 50);
    const unit = c.req.query('unit') ?? '';
    const kindRaw = c.req.query('kind') ?? '';
    const kind = (ENFORCEMENT_KINDS as readonly string[]).includes(kindRaw)
      ? (kindRaw as EnforcementKind)
      : undefined;
    const page = pageOf(c);
    const r = await publicEnforcementList(p, {
      q: q || undefined,
      kind,
      unitId: ITEM_ID.test(unit) ? unit : undefined,
      page,
      pageSize: PAGE_SIZE,
    });
    const params = new URLSearchParams({ q, unit, kind: kind ?? '' });
    return v.send(
      c,
      '行政执法公示',
      [xxgk, { label: '法定主动公开内容', href: '/xxgk/fdzdgknr' }, { label: '行政执法公示' }],
      <>
        <h1>行政执法公示</h1>
        <p>
          行政许可、行政处罚决定自作出之日起 7 个工作日内公示，行政强制和其他执法决定自作出之日起 20
          个工作日内公示。自然人当事人的姓名和证件号码已作脱敏处理。
        </p>
        <form class="search-form" method="get" action="/xxgk/zfgs">
          <label>
            关键词
            <input name="q" value={q} placeholder="文书号、当事人或执法结论" />
          </label>
          <Choice label="执法类别" name="kind" value={kind ?? ''} options={KIND_OPTIONS} />
          <Choice
            label="执法机关"
            name="unit"
            value={unit}
            options={r.units.map((u) => ({ value: u.id, label: u.name }))}
          />
          <button type="submit">查询</button>
        </form>
        <p>共 {r.total} 件</p>
        <DataTable
          caption="行政执法决定"
          captionHidden
          heads={['执法类别', '决定文书号', '当事人', '执法结论', '执法机关', '决定日期', '公示日期']}
        >
          {r.items.map((d) => (
            <tr>
              <td>{ENFORCEMENT_KIND_LABELS[d.kind]}</td>
              <td>{d.docNumber}</td>
              <td>
                {d.party}
                {d.partyCode ? <div class="meta">{d.partyCode}</div> : null}
              </td>
              <td>
                {d.conclusion}
                {d.basis ? <div class="meta">依据：{d.basis}</div> : null}
              </td>
              <td>{d.unitName}</td>
              <td>{d.decisionDate}</td>
              <td>{d.publishedOn}</td>
            </tr>
          ))}
        </DataTable>
        <Pager page={page} total={r.total} size={PAGE_SIZE} base={`/xxgk/zfgs?${params}&`} />
      </>,
      { nav: 'fdzdgknr' },
    );
  });
}
