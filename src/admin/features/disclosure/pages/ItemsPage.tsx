import { Tag } from 'antd';
import { Link, useNavigate } from 'react-router';
import { disclosureApi } from '../../../../contracts/disclosure';
import { pathFor } from '../../../api';
import { CreateButton } from '../../../components/CreateButton';
import { FilterInput, FilterSelect } from '../../../components/FilterSelect';
import { PageContainer } from '../../../components/PageContainer';
import { SearchTable } from '../../../components/SearchTable';
import { StatusTag, statusColumn } from '../../../components/StatusTag';
import {
  ITEM_KIND_LABELS,
  ITEM_STATUS_COLORS,
  ITEM_STATUS_LABELS,
  type ItemRow,
  TIMELINESS_COLORS,
  TIMELINESS_LABELS,
} from '../shared';

export function ItemTable({
  inbox,
  kind,
  testId,
}: {
  inbox?: boolean;
  kind?: ItemRow['kind'];
  testId: string;
}) {
  return (
    <SearchTable<ItemRow>
      path={pathFor(disclosureApi.listItems)}
      testId={testId}
      extraParams={{ inbox: inbox ? '1' : undefined, kind }}
      searchItems={
        <>
          <FilterInput name="q" label="标题或索引号" width={200} />
          {!inbox && <FilterSelect name="status" label="状态" labels={ITEM_STATUS_LABELS} width={140} />}
        </>
      }
      columns={[
        {
          title: '标题',
          dataIndex: 'title',
          render: (t: string, r) => (
            <Link to={`/disclosure/items/${r.id}`} data-testid="item-link">
              {t}
            </Link>
          ),
        },
        { title: '类型', dataIndex: 'kind', width: 130, render: (k: ItemRow['kind']) => ITEM_KIND_LABELS[k] },
        { title: '索引号', dataIndex: 'indexNo', width: 200 },
        { title: '单位', dataIndex: 'unitName', width: 140 },
        statusColumn(ITEM_STATUS_LABELS, ITEM_STATUS_COLORS, 110),
        {
          title: '检查',
          dataIndex: 'blocking',
          width: 90,
          render: (n: number) => (n > 0 ? <Tag color="red">{n} 项阻断</Tag> : <Tag color="green">通过</Tag>),
        },
        {
          title: '公开时效（20 个工作日）',
          dataIndex: 'timeliness',
          width: 190,
          render: (t: ItemRow['timeliness']) =>
            t ? (
              <span>
                <StatusTag value={t.status} labels={TIMELINESS_LABELS} colors={TIMELINESS_COLORS} /> 期限{' '}
                {t.deadline}
              </span>
            ) : (
              '—'
            ),
        },
        { title: '发布日期', dataIndex: 'publishDate', width: 110 },
      ]}
    />
  );
}

export default function ItemsPage() {
  const navigate = useNavigate();
  return (
    <PageContainer
      title="信息发布"
      testId="disclosure-items-page"
      extra={
        <CreateButton
          permission="disclosure:item:create"
          onClick={() => navigate('/disclosure/items/new')}
          testId="item-create"
        >
          起草信息
        </CreateButton>
      }
    >
      <ItemTable testId="items-table" />
    </PageContainer>
  );
}
