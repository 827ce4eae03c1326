// 发布日历: published and scheduled items per day of the month.
import { Badge, Calendar } from 'antd';
import { Link } from 'react-router';
import { PageContainer } from '../../../components/PageContainer';
import { chinaDate } from '../../../time';
import { useItems } from '../queries';
import type { ItemRow } from '../shared';

const dayOf = (r: ItemRow) =>
  r.status === 'scheduled' && r.publishAt ? chinaDate(r.publishAt) : r.publishDate;

export default function PublishCalendarPage() {
  const q = useItems({ status: 'published,scheduled', pageSize: 500 });
  const byDay = new Map<string, ItemRow[]>();
  for (const r of q.data?.items ?? []) {
    const d = dayOf(r);
    if (d) byDay.set(d, [...(byDay.get(d) ?? []), r]);
  }
  return (
    <PageContainer title="发布日历" testId="disclosure-calendar-page">
      <Calendar
        cellRender={(date, info) => {
          if (info.type !== 'date') return info.originNode;
          const list = byDay.get(date.format('YYYY-MM-DD')) ?? [];
          return (
            <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {list.map((r) => (
                <li key={r.id}>
                  <Badge status={r.status === 'scheduled' ? 'processing' : 'success'} />
                  <Link to={`/disclosure/items/${r.id}`}>{r.title}</Link>
                </li>
              ))}
            </ul>
          );
        }}
      />
    </PageContainer>
  );
}
