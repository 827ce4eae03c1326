/** @jsxImportSource hono/jsx */
// 政府信息公开指南 (条例 Art. 12): one page per unit (`?unit=<id>`, default the district government) — the office's
// edited guide when there is one, otherwise a generated outline; units with an edited guide are listed.
import type { Hono } from 'hono';
import type { UnitGuide } from '../../contracts/disclosure';
import { guidePage } from '../../server/modules/disclosure';
import { districtName, getUnit, rootUnit, type UnitInfo } from '../../server/modules/org';
import type { AppEnv, Platform } from '../../server/platform/context';
import { ITEM_ID, MetaRow, type View, xxgk } from './view';

const paras = (t: string) => t.split(/\n+/).map((line) => <p>{line}</p>);

function EditedGuide({ guide }: { guide: UnitGuide }) {
  return (
    <>
      <h2>一、政府信息的分类与编排</h2>
      {paras(guide.classification)}
      <h2>二、获取政府信息的方式</h2>
      {paras(guide.howToObtain)}
      <h2>三、政府信息公开工作机构</h2>
      <table class="meta" data-testid="guide-office">
        <tbody>
          <MetaRow label="名称">{guide.officeName}</MetaRow>
          <MetaRow label="办公地址">{guide.address}</MetaRow>
          <MetaRow label="办公时间">{guide.hours}</MetaRow>
          <MetaRow label="联系电话">{guide.phone}</MetaRow>
          <MetaRow label="传真">{guide.fax || '无'}</MetaRow>
          <MetaRow label="互联网联系方式">
            {guide.website && /^https?:\/\//i.test(guide.website) ? (
              <a href={guide.website}>{guide.website}</a>
            ) : (
              guide.website
            )}
            {guide.website && guide.email ? '；' : ''}
            {guide.email ? <a href={`mailto:${guide.email}`}>{guide.email}</a> : ''}
            {!guide.website && !guide.email ? '无' : ''}
          </MetaRow>
        </tbody>
      </table>
    </>
  );
}

function GeneratedGuide(props: { topColumns: string[]; office: string }) {
  return (
    <>
      <h2>一、政府信息的分类与编排</h2>
      <p>
        本级政府信息公开平台设以下栏目：
        {props.topColumns.join('、')}
        。法定主动公开内容按条例第二十条、第二十一条分类编排，每条信息标注索引号、名称、内容概述和生成日期。
      </p>
      <h2>二、获取政府信息的方式</h2>
      <p>
        主动公开的信息通过本平台发布，可浏览、检索和下载；也可依照条例第二十七条向行政机关申请获取政府信息。
      </p>
      <p>
        <a href="/xxgk/search">检索政府信息</a>
      </p>
      <h2>三、政府信息公开工作机构</h2>
      <p>
        名称：{props.office}
        。办公地址、办公时间、联系电话、传真和电子邮箱以本栏目发布的最新指南为准。
      </p>
    </>
  );
}

export function xxgkGuide(app: Hono<AppEnv>, p: Platform, v: View): void {
  const db = p.database.db;
  app.get('/xxgk/guide', async (c) => {
    const name = await districtName(db, p.config.districtName);
    const q = c.req.query('unit') ?? '';
    let unit: UnitInfo | null;
    if (q) {
      if (!ITEM_ID.test(q)) return v.notFound(c);
      unit = await getUnit(db, q);
      if (!unit) return v.notFound(c);
    } else unit = await rootUnit(db);
    const isRoot = !unit || unit.parentId === null;
    const title = isRoot ? `${name}人民政府政府信息公开指南` : `${unit!.name}政府信息公开指南`;
    const { guide, topColumns, others } = await guidePage(p.database, unit);
    return v.send(
      c,
      title,
      [
        ...(isRoot ? [xxgk] : [xxgk, { label: unit!.name, href: `/xxgk/unit/${unit!.id}` }]),
        { label: '政府信息公开指南', href: isRoot ? '/xxgk/zn' : `/xxgk/unit/${unit!.id}/zn` },
        { label: title },
      ],
      <>
        <h1>{title}</h1>
        <p>根据《中华人民共和国政府信息公开条例》第十二条，编制本指南。</p>
        {guide ? (
          <EditedGuide guide={guide} />
        ) : (
          <GeneratedGuide
            topColumns={topColumns}
            office={isRoot ? `${name}人民政府办公室（政务公开科）` : unit!.name}
          />
        )}
        {others.length > 0 && (
          <nav aria-label="各单位政府信息公开指南">
            <h2>各单位政府信息公开指南</h2>
            <ul class="subcols">
              {others.map((o) => (
                <li>
                  <a href={o.parentId === null ? '/xxgk/guide' : `/xxgk/guide?unit=${o.id}`}>{o.name}</a>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </>,
      { nav: 'zn', unit: isRoot ? null : unit },
    );
  });
}
