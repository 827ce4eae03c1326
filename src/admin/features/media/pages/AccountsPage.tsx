// 政务新媒体登记册: accounts by platform with their status (changed through 备案), the latest post and 抽查, and
// each account's post records and spot checks.
import { Button, Space } from 'antd';
import { useState } from 'react';
import { type AccountRow, mediaApi } from '../../../../contracts/media';
import { PageContainer } from '../../../components/PageContainer';
import { SearchTable } from '../../../components/SearchTable';
import { actionsColumn, labelColumn } from '../../../components/StatusTag';
import { PostsDrawer } from '../components/PostsDrawer';
import { channelStatusColumn, lastVerdictColumn, RegisterSearch } from '../components/registerParts';
import { SpotCheckDrawer } from '../components/SpotCheckDrawer';
import { MEDIA_PLATFORM_LABELS } from '../labels';

export default function AccountsPage() {
  const [open, setOpen] = useState<{ account: AccountRow; what: 'posts' | 'spot' } | null>(null);
  return (
    <PageContainer title="政务新媒体" testId="media-accounts-page">
      <SearchTable<AccountRow>
        endpoint={mediaApi.accounts}
        testId="accounts-table"
        scrollX={1200}
        searchItems={<RegisterSearch label="名称或账号" placeholder="账号名称或账号ID" />}
        columns={[
          labelColumn('平台', 'platform', MEDIA_PLATFORM_LABELS, 110),
          { title: '账号名称', dataIndex: 'name', width: 180 },
          { title: '账号ID', dataIndex: 'accountId', width: 160 },
          { title: '主办单位', dataIndex: 'unitName', width: 160 },
          { title: '运维单位', dataIndex: 'maintainer', width: 160 },
          channelStatusColumn(),
          {
            title: '最近发布',
            dataIndex: 'lastPost',
            width: 110,
            render: (d: string | null) => d ?? '无记录',
          },
          lastVerdictColumn(
            '最近抽查',
            (r) => r.lastSpotCheck && { on: r.lastSpotCheck.checkedOn, verdict: r.lastSpotCheck.verdict },
            '未抽查',
          ),
          actionsColumn(
            170,
            (r) => (
              <Space size={0}>
                <Button
                  size="small"
                  type="link"
                  onClick={() => setOpen({ account: r, what: 'posts' })}
                  aria-label={`${r.name} 的发布记录`}
                >
                  发布记录
                </Button>
                <Button
                  size="small"
                  type="link"
                  onClick={() => setOpen({ account: r, what: 'spot' })}
                  aria-label={`抽查 ${r.name}`}
                >
                  抽查
                </Button>
              </Space>
            ),
            'op',
          ),
        ]}
      />
      {open?.what === 'posts' ? <PostsDrawer account={open.account} onClose={() => setOpen(null)} /> : null}
      {open?.what === 'spot' ? (
        <SpotCheckDrawer account={open.account} onClose={() => setOpen(null)} />
      ) : null}
    </PageContainer>
  );
}
