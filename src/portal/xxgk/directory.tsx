/** @jsxImportSource hono/jsx */
// 基层政务公开标准目录 (issue 13 part 1): the units with a directory (/xxgk/ml) and one unit's directory
// (/xxgk/ml/<unit>) by domain, each row with the published items that fulfil it.
import type { Hono } from 'hono';
import { directoryUnits, type PublicDirectoryRow, unitDirectoryPage } from '../../server/modules/disclosure';
import type { AppEnv, Platform } from '../../server/platform/context';
import { ITEM_ID, navUnit, unitCrumbs, type View, xxgk } from './view';

const TITLE = '政务公开标准目录';

function DomainTable(props: { domain: string; rows: PublicDirectoryRow[] }) {
  return (
    <>
      <h2>{props.domain}</h2>
      <table class="meta" data-testid="directory-table">
        <caption>{`${props.domain}领域公开事项`}</caption>
        <thead>
          <tr>
            <th scope="col">公开事项</th>
            <th scope="col">公开内容（要素）</th>
            <th scope="col">公开时限</th>
            <th scope="col">公开渠道和载体</th>
            <th scope="col">已发布信息</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr>
              <th scope="row">
                {r.level1}
                {r.level2 !== r.level1 ? ` › ${r.level2}` : ''}
              </th>
              <td>{r.content}</td>
              <td>{r.timeLimit || r.due}</td>
              <td>{r.channels.join('、')}</td>
              <td>
                {r.items.length === 0 ? (
                  '暂无'
                ) : (
                  <ul class="list">
                    {r.items.map((i) => (
                      <li>
                        <a href={`/xxgk/info/${i.id}`}>{i.title}</a>
                        <span class="date">{i.publishDate}</span>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function xxgkDirectory(app: Hono<AppEnv>, p: Platform, v: View): void {
  const db = p.database.db;
  app.get('/xxgk/ml', async (c) => {
    const list = await directoryUnits(db);
    return v.send(
      c,
      TITLE,
      [xxgk, { label: TITLE }],
      <>
        <h1>{TITLE}</h1>
        {list.length === 0 ? (
          <p class="notice">尚未发布标准目录。</p>
        ) : (
          <ul class="list" data-testid="directory-units">
            {list.map((u) => (
              <li>
                <a href={`/xxgk/ml/${u.id}`}>{u.name}</a>
                <span class="date">{`${u.rows} 项`}</span>
              </li>
            ))}
          </ul>
        )}
      </>,
    );
  });
  app.get('/xxgk/ml/:unit', async (c) => {
    const id = c.req.param('unit');
    if (!ITEM_ID.test(id)) return v.notFound(c);
    const unit = await v.unitRef(id);
    const data = unit ? await unitDirectoryPage(db, id) : null;
    if (!unit || !data || data.rows.length === 0) return v.notFound(c);
    const domains = [...new Set(data.rows.map((r) => r.domain))];
    return v.send(
      c,
      `${unit.name} ${TITLE}`,
      [...unitCrumbs(unit), { label: TITLE, href: '/xxgk/ml' }, { label: unit.name }],
      <>
        <h1>{`${unit.name}${TITLE}`}</h1>
        <p>{data.title}</p>
        {domains.map((d) => (
          <DomainTable domain={d} rows={data.rows.filter((r) => r.domain === d)} />
        ))}
        {data.notApplicable.length > 0 && (
          <>
            <h2>未涉及领域说明</h2>
            {[...new Set(data.notApplicable.map((n) => n.note))].map((n) => (
              <p>{n}</p>
            ))}
          </>
        )}
      </>,
      { unit: navUnit(unit) },
    );
  });
}
