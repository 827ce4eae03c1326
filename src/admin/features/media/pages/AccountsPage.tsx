// 政务新媒体登记册: accounts by platform with their status (changed through 备案).
import { type AccountRow, mediaApi } from '../../../../contracts/media';
import { PageContainer } from '../../../components/PageContainer';
import { SearchTable } from '../../../components/SearchTable';
import { RegisterSearch, statusColumn } from '../components/registerParts';
import { MEDIA_PLATFORM_LABELS } from '../labels';

export default function AccountsPage() {
  return (
    <PageContainer title="政务新媒体" testId="media-accounts-page">
      <SearchTable<AccountRow>
        endpoint={mediaApi.accounts}
        rowKey="id"
        testId="accounts-table"
        searchItems={<RegisterSearch label="名称或账号" placeholder="账号名称或账号ID" />}
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
          statusColumn,
        ]}
      />
    </PageContainer>
  );
}
