/** @jsxImportSource hono/jsx */
// An item's page (metadata table, body, attachments, interpretations, 废止/替代 links; 404 once withdrawn) and
// the public download of its attachments.
import { createHash } from 'node:crypto';
import type { Hono } from 'hono';
import { raw } from 'hono/html';
import { categoryLabel } from '../../domain/disclosure/catalog';
import {
  INTERPRETATION_FORM_LABELS,
  type InterpretationForm,
  VALIDITY_LABELS,
} from '../../domain/disclosure/rules';
import { attachmentFile, publicItem } from '../../server/modules/disclosure';
import type { AppEnv, Platform } from '../../server/platform/context';
import { AppError } from '../../server/platform/errors';
import { attachment } from '../../server/platform/http/upload';
import { scrollTables, XXGK_COLUMNS } from '../layout';
import { ITEM_ID, MetaRow, navUnit, unitCrumbs, type View, xxgk } from './view';

export function xxgkItem(app: Hono<AppEnv>, p: Platform, v: View): void {
  app.get('/xxgk/info/:id', async (c) => {
    const id = c.req.param('id');
    if (!ITEM_ID.test(id)) return v.notFound(c);
    const page = await publicItem(p, id);
    if (!page) return v.notFound(c);
    if (page.withdrawn)
      return v.send(
        c,
        '信息已撤回',
        [xxgk, { label: '信息已撤回' }],
        <>
          <h1>该信息已撤回</h1>
          <p>您访问的信息已于 {page.withdrawnOn} 由发布机关撤回，不再公开。</p>
          {page.reason && <p>撤回说明：{page.reason}</p>}
          <p>
            如需了解相关情况，可<a href="/xxgk/zn">查阅政府信息公开指南</a>或依申请公开。
          </p>
        </>,
        // 404, as for a page that never existed (SECURITY.md 14): nothing withdrawn stays public, not even its title.
        { status: 404 },
      );
    const { item, newer, chain, attachments, interpretations, policy, links, validity } = page;
    const unitR = await v.unitRef(item.unitId);
    // 公开类别 (PUB-6): an Art. 20 category or an Art. 21 topic.
    const category = categoryLabel(item.art20);
    return v.send(
      c,
      item.title,
      [
        ...unitCrumbs(unitR),
        ...chain.map((x) => ({ label: x.name, href: `/xxgk/column/${x.id}` })),
        { label: '正文' },
      ],
      <article>
        {newer && (
          <p class="notice">
            本信息已更正，<a href={`/xxgk/info/${newer.id}`}>查看更正后的版本</a>。
          </p>
        )}
        <table class="meta">
          <caption class="skip">信息属性</caption>
          <tbody>
            <MetaRow label="索引号">{item.indexNo}</MetaRow>
            <MetaRow label="发布机构">{unitR?.name}</MetaRow>
            <MetaRow label="名称">{item.title}</MetaRow>
            {item.docNumber && <MetaRow label="发文字号">{item.docNumber}</MetaRow>}
            <MetaRow label="成文日期">{item.writtenDate ?? ''}</MetaRow>
            <MetaRow label="发布日期">{item.publishDate ?? ''}</MetaRow>
            {(item.topic || category) && (
              <MetaRow label="主题分类">
                {[category ?? '', item.topic ?? ''].filter(Boolean).join('；')}
              </MetaRow>
            )}
            {validity && (
              <MetaRow label="有效性">
                <span class={validity === 'in_force' ? 'badge' : 'badge off'}>
                  {VALIDITY_LABELS[validity]}
                </span>
                {item.effectiveDate ? ` 施行日期 ${item.effectiveDate}` : ''}
                {item.expiryDate ? ` 有效期至 ${item.expiryDate}` : ''}
              </MetaRow>
            )}
            {item.summary && <MetaRow label="内容概述">{item.summary}</MetaRow>}
          </tbody>
        </table>
        <h1>{item.title}</h1>
        <div class="item-body">{raw(scrollTables(item.bodyHtml))}</div>
        {attachments.length > 0 && (
          <section aria-labelledby="att-title">
            <h2 id="att-title">附件</h2>
            <ul>
              {attachments.map((a) => (
                <li>
                  <a href={`/xxgk/file/${a.id}`}>{a.name}</a>（{Math.max(1, Math.round(a.size / 1024))} KB）
                </li>
              ))}
            </ul>
          </section>
        )}
        {interpretations.length > 0 && (
          <section aria-labelledby="interp-title">
            <h2 id="interp-title">政策解读</h2>
            <ul>
              {interpretations.map((i) => (
                <li>
                  <a href={`/xxgk/info/${i.id}`}>{i.title}</a>（
                  {INTERPRETATION_FORM_LABELS[(i.form ?? 'text') as InterpretationForm]}）
                </li>
              ))}
            </ul>
          </section>
        )}
        {policy && (
          <p>
            解读的政策：<a href={`/xxgk/info/${policy.id}`}>{policy.title}</a>
          </p>
        )}
        {links.map((l) => (
          <p>
            {l.label}：<a href={`/xxgk/info/${l.id}`}>{l.title}</a>
          </p>
        ))}
      </article>,
      {
        nav: XXGK_COLUMNS.find((s) => s.slug === chain[0]?.code)?.slug,
        lastModified: page.lastModified,
        unit: navUnit(unitR),
      },
    );
  });

  app.get('/xxgk/file/:id', async (c) => {
    const id = c.req.param('id');
    if (!ITEM_ID.test(id)) return v.notFound(c);
    try {
      const f = await attachmentFile(p.database.db, id, null);
      const etag = `"${createHash('sha1').update(f.bytes).digest('hex')}"`;
      if (c.req.header('If-None-Match') === etag)
        return new Response(null, { status: 304, headers: { ETag: etag } });
      return new Response(f.bytes as BodyInit, {
        headers: {
          'Content-Type': f.mime,
          'Content-Disposition': attachment(f.name),
          ETag: etag,
          'Last-Modified': f.updatedAt.toUTCString(),
          'Cache-Control': 'public, max-age=300',
          'X-Content-Type-Options': 'nosniff',
        },
      });
    } catch (e) {
      if (e instanceof AppError && e.code === 'GONE')
        return v.send(
          c,
          '附件已撤回',
          [xxgk, { label: '附件已撤回' }],
          <>
            <h1>附件已撤回</h1>
            <p>{e.message}。</p>
          </>,
          { status: 404 },
        );
      return v.notFound(c);
    }
  });
}
