/** @jsxImportSource hono/jsx */
// 政府网站和政务新媒体检查通报 (issue 12 part 5): the published quarterly and half-yearly reports, each with its
// figures and the .docx to download. Data from the media module's face; cached pages are cleared by the
// media_bulletins trigger (migration 0024).
import { createHash } from 'node:crypto';
import type { Hono } from 'hono';
import { chinaDate } from '../../domain/calendar';
import { formatValue, REPORT_GROUP_LABELS, REPORT_GROUPS } from '../../domain/media/annual-report';
import {
  publicAnnualReport,
  publicAnnualReports,
  publicBulletinFile,
  publicBulletins,
} from '../../server/modules/media';
import type { AppEnv, Platform } from '../../server/platform/context';
import { AppError } from '../../server/platform/errors';
import { attachment, DOCX_MIME } from '../../server/platform/http/upload';
import { DataTable } from '../layout';
import { ITEM_ID, type View, xxgk } from './view';

export function xxgkMediaBulletins(app: Hono<AppEnv>, p: Platform, v: View): void {
  app.get('/xxgk/wzjc', async (c) => {
    const rows = await publicBulletins(p);
    return v.send(
      c,
      '政府网站和政务新媒体检查通报',
      [
        xxgk,
        { label: '法定主动公开内容', href: '/xxgk/fdzdgknr' },
        { label: '政府网站和政务新媒体检查通报' },
      ],
      <>
        <h1>政府网站和政务新媒体检查通报</h1>
        <p>按照国办秘函〔2019〕19号要求，每季度检查政府网站、抽查政务新媒体，并公开检查结果。</p>
        <p>
          <a href="/xxgk/wzndbb">政府网站工作年度报表</a>
        </p>
        {rows.length === 0 ? (
          <p>暂无已发布的检查通报。</p>
        ) : (
          <DataTable
            caption="检查通报"
            captionHidden
            heads={['通报', '文号', '政府网站（合格/检查）', '政务新媒体（合格/抽查）', '发布日期']}
          >
            {rows.map((b) => (
              <tr>
                <td>
                  <a href={`/xxgk/wzjc/${b.id}.docx`}>{b.title}</a>
                  <div class="meta">下载 Word 文档（.docx）</div>
                </td>
                <td>{b.docNumber}</td>
                <td>{`${b.figures.sites.passed}/${b.figures.sites.checked}`}</td>
                <td>{`${b.figures.accounts.passed}/${b.figures.accounts.checked}`}</td>
                <td>{b.publishedAt ? chinaDate(b.publishedAt) : ''}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </>,
      { nav: 'fdzdgknr' },
    );
  });

  xxgkAnnualReports(app, p, v);

  app.get('/xxgk/wzjc/:file', async (c) => {
    const id = c.req.param('file').replace(/\.docx$/, '');
    if (!ITEM_ID.test(id)) return v.notFound(c);
    try {
      const f = await publicBulletinFile(p, id);
      const etag = `"${createHash('sha1').update(f.bytes).digest('hex')}"`;
      if (c.req.header('If-None-Match') === etag)
        return new Response(null, { status: 304, headers: { ETag: etag } });
      return new Response(f.bytes as BodyInit, {
        headers: {
          'Content-Type': DOCX_MIME,
          'Content-Disposition': attachment(f.name),
          ETag: etag,
          'Cache-Control': 'public, max-age=300',
          'X-Content-Type-Options': 'nosniff',
        },
      });
    } catch (e) {
      if (e instanceof AppError && e.code === 'NOT_FOUND') return v.notFound(c);
      throw e;
    }
  });
}

const REPORTS_TITLE = '政府网站工作年度报表';
const reportsCrumb = [
  xxgk,
  { label: '法定主动公开内容', href: '/xxgk/fdzdgknr' },
  { label: REPORTS_TITLE, href: '/xxgk/wzndbb' },
];

/** 政府网站工作年度报表 (国办函〔2018〕12号): the published reports, each as a table per group (指标, 数值). */
function xxgkAnnualReports(app: Hono<AppEnv>, p: Platform, v: View): void {
  app.get('/xxgk/wzndbb', async (c) => {
    const rows = await publicAnnualReports(p);
    return v.send(
      c,
      REPORTS_TITLE,
      [...reportsCrumb.slice(0, 2), { label: REPORTS_TITLE }],
      <>
        <h1>{REPORTS_TITLE}</h1>
        <p>按照国办函〔2018〕12号要求，各政府网站于每年1月31日前公开上一年度的网站工作年度报表。</p>
        {rows.length === 0 ? (
          <p>暂无已发布的年度报表。</p>
        ) : (
          <DataTable
            caption="已发布的政府网站工作年度报表"
            captionHidden
            heads={['年度', '网站名称', '主办单位', '发布日期']}
          >
            {rows.map((r) => (
              <tr>
                <td>{r.year}年</td>
                <td>
                  <a href={`/xxgk/wzndbb/${r.id}`}>{r.websiteName}</a>
                </td>
                <td>{r.unitName}</td>
                <td>{r.publishedAt ? chinaDate(r.publishedAt) : ''}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </>,
      { nav: 'fdzdgknr' },
    );
  });

  app.get('/xxgk/wzndbb/:id', async (c) => {
    const id = c.req.param('id');
    if (!ITEM_ID.test(id)) return v.notFound(c);
    const r = await publicAnnualReport(p, id);
    if (!r) return v.notFound(c);
    const title = `${r.websiteName}${r.year}年度政府网站工作年度报表`;
    return v.send(
      c,
      title,
      [...reportsCrumb, { label: title }],
      <>
        <h1>{title}</h1>
        <p class="meta">
          {r.publishedAt ? `发布日期：${chinaDate(new Date(r.publishedAt))}` : ''}　平台统计数据截至
          {r.computedAsOf}
        </p>
        {REPORT_GROUPS.map((g) => (
          <DataTable caption={REPORT_GROUP_LABELS[g]} heads={['指标', '数值']}>
            {r.fields
              .filter((f) => f.group === g)
              .map((f) => (
                <tr>
                  <th scope="row">
                    {f.sub ? '其中：' : ''}
                    {f.label}
                    {f.unit ? `（${f.unit}）` : ''}
                  </th>
                  <td>{formatValue(f, f.value ?? undefined)}</td>
                </tr>
              ))}
            {g === 'mobile'
              ? r.accounts.flatMap((a) => [
                  <tr>
                    <th scope="row">
                      {a.platform}“{a.name}”：信息发布量（条）
                    </th>
                    <td>{a.posts}</td>
                  </tr>,
                  <tr>
                    <th scope="row">
                      {a.platform}“{a.name}”：关注量/订阅数（个）
                    </th>
                    <td>{a.followers ?? ''}</td>
                  </tr>,
                ])
              : null}
          </DataTable>
        ))}
      </>,
      { nav: 'fdzdgknr' },
    );
  });
}
