// 政务新媒体登记册: accounts by platform with their status (changed through 备案).
import { Form, Input, Select } from 'antd';
import { type AccountRow, mediaApi } from '../../../../contracts/media';
import { CHANNEL_STATUSES } from '../../../../domain/media/registry';
import { PageContainer } from '../../../components/PageContainer';
import { SearchTable } from '../../../components/SearchTable';
import { StatusTag } from '../../../components/StatusTag';
import { CHANNEL_STATUS_COLORS, CHANNEL_STATUS_LABELS, MEDIA_PLATFORM_LABELS } from '../labels';

export default function AccountsPage() {
  return (
    <PageContainer title="政务新媒体" testId="media-accounts-page">
      <SearchTable<AccountRow>
        endpoint={mediaApi.accounts}
        rowKey="id"
        testId="accounts-table"
        searchItems={
          <>
            <Form.Item name="q" label="名称或账号">
              <Input allowClear placeholder="账号名称或账号ID" />
            </Form.Item>
            <Form.Item name="status" label="状态">
              <Select
                allowClear
                style={{ width: 120 }}
                options={CHANNEL_STATUSES.map((s) => ({ value: s, label: CHANNEL_STATUS_LABELS[s] }))}
              />
            </Form.Item>
          </>
        }
        columns={[
          {
            title: '平台',
            dataIndex: 'platform',
            width: 110,
            render: (p: AccountRow['platform']) => MEDIA_PLATFORM_LABELS[p],
          },
          { title: '账号名称', dataIndex: 'name', width: 180 },
          { title: '账号ID', dataIndex: 'accountId', width: 160 },
          { title: '主办单位', dataIndex: 'unitName', width: 160 },
          { title: '运维单位', dataIndex: 'maintainer', width: 160 },
          {
            title: '状态',
            dataIndex: 'status',
            width: 80,
            render: (s: AccountRow['status']) => (
              <StatusTag value={s} labels={CHANNEL_STATUS_LABELS} colors={CHANNEL_STATUS_COLORS} />
            ),
          },
        ]}
      />
    </PageContainer>
  );
}
